import { LitElement, html, nothing } from "lit";
import type { AttemptFile } from "../browser/attempt-file.ts";
import { currentLearnerId, onLearnerChange } from "../browser/learner.ts";
import type { ProgressClient } from "../browser/progress-client.ts";
import { localStore } from "../browser/storage.ts";
import { fill, type Strings } from "../i18n/fill.ts";
import type { QuizDigest } from "../lib/progress/digest.ts";
import type { LearnerProfile, ProgressRecord, QuizAttempt } from "../lib/progress/schema.ts";
import { newId } from "../lib/progress/new-id.ts";
import { loadItems } from "../browser/quiz-items.ts";
import type { QuizCatalog } from "../lib/quiz/catalog.ts";
import { clearDraft, readDraft, resumeWith, sameItems, writeDraft, type QuizDraft } from "../lib/quiz/draft.ts";
import { newSeed, selectItems, type DrawnQuiz, type Selection } from "../lib/quiz/draw.ts";
import type { AttemptResult } from "../lib/quiz/grade.ts";
import { catalogOfItems, type QuizItemFile, type QuizPageData, type QuizProvision } from "../lib/quiz/page-data.ts";
import { attemptsRemaining } from "../lib/quiz/policy.ts";
import type { Response } from "../lib/quiz/response.ts";
import type { BankScoring, Quiz, QuizItem } from "../lib/quiz/schema.ts";
import { continueSession, draftExpired, draftOf, moveStep, startSession, tick, withAnswer, type QuizSession, type Score } from "../lib/quiz/session.ts";
import { answerState, points } from "../lib/quiz/view.ts";
import type { SaveState } from "./quiz/result.ts";
import { noLearnerView, startView } from "./quiz/start.ts";

type Phase = "loading" | "failed" | "no-learner" | "ready" | "drawing" | "answering" | "confirming" | "result";
type AttemptParts = typeof import("./quiz/attempt.ts");

/**
 * Takes a quiz: checks there is a current learner and attempts left, draws items with a
 * new seed, shows one question at a time as a real form, asks before submitting (listing
 * what is unanswered), grades, shows the result and saves the attempt (seed, item ids,
 * answers, score) through the progress store. A save that fails never loses the answers:
 * the learner sees why and gets a file to keep (see src/browser/attempt-file.ts). Nor does a
 * reload or a discarded tab: every answer is kept as a draft on the device
 * (src/lib/quiz/draft.ts) until the attempt is saved, and the page offers to continue it;
 * the clock keeps running from the first start. Light DOM, styled by src/styles/quiz.css.
 *
 * The page puts a QuizPageData in a `<script type="application/json">` child: the quiz and
 * its pools of item ids, no item text. On 开始作答 the runner selects ids with the seed, then
 * fetches only those items (src/browser/quiz-items.ts) together with the attempt's screens
 * and grading (./quiz/attempt.ts), so the page ships no item it does not draw and little
 * code before the first answer. Drawing, grading, policy and the attempt session (clock,
 * draft, attempt record, best score) are src/lib/quiz; the store (and zod) loads on demand.
 *
 * Keyboard and screen readers: radio groups and checkboxes are native; ordering steps
 * move with 上移/下移 buttons (focus stays on the moved step); matching uses one <select>
 * per prompt. Focus moves to each question's heading, to the confirmation and to the
 * result heading; results, timer warnings and moves are announced in a polite live region.
 *
 * Test and trainer hook: `?seed=<letters, digits, - or _>` in the page URL makes every
 * attempt started on that page load draw with that seed instead of a random one, so a
 * browser test (or a trainer checking a learner's attempt) gets a known set of items.
 */
export class QuizRunner extends LitElement {
  static properties = {
    /** JSON of the `quiz.*` strings (but the page's own), picked by the page. */
    strings: { type: Object },
    /** URL of 我的学习. */
    me: { type: String },
    /** A trainer's bank tried on /authoring/preview/: no learner needed, nothing saved. */
    preview: { type: Boolean },
    /** Which view shows. */
    phase: { state: true },
    /** The current learner's name. */
    learnerName: { state: true },
    /** Attempts this learner has finished on this quiz. */
    used: { state: true },
    /** This learner's best score here (the progress digest's rule). */
    best: { state: true },
    /** The attempt in progress: items, answers, question shown, clock (lib/quiz/session.ts). */
    session: { state: true },
    /** The graded attempt, on the result view. */
    result: { state: true },
    /** Where saving the attempt stands. */
    save: { state: true },
    /** Time left, when the quiz has a limit. */
    leftMs: { state: true },
    /** Text for the polite live region. */
    announcement: { state: true },
    /** A warning above every view (in-memory storage). */
    warning: { state: true },
    /** An unfinished attempt of the current learner on this quiz, found on load. */
    draft: { state: true },
    /** A one-off note on the ready view (a draft that could not be continued). */
    notice: { state: true },
  };

  declare strings: Strings;
  declare me: string;
  declare preview: boolean;
  declare phase: Phase;
  declare learnerName: string;
  declare used: number;
  declare best: Score | undefined;
  declare session: QuizSession | undefined;
  declare result: AttemptResult | undefined;
  declare save: SaveState;
  declare leftMs: number | undefined;
  declare announcement: string;
  declare warning: string;
  declare draft: QuizDraft | undefined;
  declare notice: string;

  // Members without `private` are read by the view templates in ./quiz/ (their *Host interfaces).
  private data?: QuizPageData;
  /** The quiz and the items fetched so far (grading and the views look items up here). */
  catalog?: QuizCatalog;
  provisions = new Map<string, QuizProvision>();
  /** Item files fetched so far, by item id. */
  private files = new Map<string, QuizItemFile>();
  /** The attempt's screens and grading, once loaded (see drawn). */
  private parts?: AttemptParts;
  private client?: Promise<ProgressClient>;
  private learnerId?: string;
  /** The learner's profile as last read, to build the safety file if a save fails. */
  private profile?: LearnerProfile;
  attempt?: QuizAttempt;
  private timer?: ReturnType<typeof setInterval>;
  private fixedSeed?: string;
  /** The draft's items, selected again when the draft was found (see findDraft). */
  private draftSelection?: Selection;
  private focusNext?: string;
  private stopListening?: () => void;

  constructor() {
    super();
    this.strings = {};
    this.me = "";
    this.preview = false;
    this.phase = "loading";
    this.learnerName = "";
    this.used = 0;
    this.best = undefined;
    this.session = undefined;
    this.result = undefined;
    this.save = { state: "idle" };
    this.leftMs = undefined;
    this.announcement = "";
    this.warning = "";
    this.draft = undefined;
    this.notice = "";
  }

  protected createRenderRoot() {
    return this;
  }

  get quiz(): Quiz {
    return this.data!.quiz;
  }

  /** The question shown, 0-based. */
  get index(): number {
    return this.session?.index ?? 0;
  }

  get answers(): Record<string, Response> {
    return this.session?.answers ?? {};
  }

  connectedCallback() {
    super.connectedCallback();
    try {
      const script = this.querySelector(':scope > script[type="application/json"]');
      this.data = JSON.parse(script?.textContent ?? "") as QuizPageData;
      this.files = new Map((this.data.files ?? []).map((f) => [f.item.id, f]));
      this.catalog = catalogOfItems(this.data, []);
    } catch (error) {
      console.error(error);
      this.phase = "failed";
      return;
    }
    const seed = new URLSearchParams(location.search).get("seed");
    if (seed && /^[\w-]{1,64}$/.test(seed)) this.fixedSeed = seed;
    this.stopListening = onLearnerChange(() => {
      if (this.phase === "no-learner" || this.phase === "ready" || this.phase === "loading") void this.refresh();
    });
    window.addEventListener("beforeunload", this.guardUnload);
    void this.refresh().then(() => {
      // Time ran out while the page was closed: hand in what was answered, as the timer would have.
      if (this.draft && draftExpired(this.quiz, this.draft, Date.now())) void this.continueDraft();
    });
  }

  disconnectedCallback() {
    this.stopListening?.();
    this.stopTimer();
    window.removeEventListener("beforeunload", this.guardUnload);
    this.releaseFile();
    super.disconnectedCallback();
  }

  /** Leaving in the middle of an attempt, or with an attempt not saved, would drop the answers: ask first. */
  private guardUnload = (event: BeforeUnloadEvent) => {
    if (this.phase === "answering" || this.phase === "confirming" || this.save.state === "saving" || this.save.state === "failed") event.preventDefault();
  };

  private load(): Promise<ProgressClient> {
    this.client ??= import("../browser/progress-client.ts").then((m) => m.progressClient());
    return this.client;
  }

  /** Reads the current learner's overview (not every answer): who, attempts used, best score. */
  private async refresh(): Promise<boolean> {
    if (this.preview) {
      // No learnerId: keepDraft and store do nothing, so nothing reaches the device's records.
      this.learnerName = "";
      this.phase = "ready";
      return true;
    }
    const id = currentLearnerId();
    if (!id) {
      this.learnerId = undefined;
      this.phase = "no-learner";
      return false;
    }
    try {
      const client = await this.load();
      if (client.fallback) this.warning = this.strings["quiz.fallback"];
      const { learner, digests } = await client.store.readOverview(id);
      this.learnerId = id;
      this.profile = learner;
      this.learnerName = learner.name;
      const mine = digests.find((d): d is QuizDigest => d.kind === "quiz" && d.subject === this.quiz.id);
      this.used = mine?.attempts ?? 0;
      this.best = mine ? { score: mine.bestScore, max: mine.max } : undefined;
      this.draft = this.findDraft(id);
      this.phase = "ready";
      return true;
    } catch (error) {
      // The learner chosen here may have been removed in another tab.
      console.warn(error);
      this.learnerId = undefined;
      this.phase = "no-learner";
      return false;
    }
  }

  /** The learner's unfinished attempt here, if its seed still selects the same items. */
  private findDraft(learner: string): QuizDraft | undefined {
    this.draftSelection = undefined;
    const draft = readDraft(localStore(), learner, this.quiz.id);
    if (!draft) return undefined;
    let selection: Selection | undefined;
    try {
      selection = selectItems(this.quiz, this.data!.pools, draft.seed);
    } catch {
      selection = undefined; // A pool shrank: the bank changed.
    }
    if (selection && sameItems(draft, selection.ids)) {
      this.draftSelection = selection;
      return draft;
    }
    clearDraft(localStore(), learner, this.quiz.id);
    this.notice = this.strings["quiz.draft.lost"];
    return undefined;
  }

  /** Keep the answers so far on the device; called on every change while answering. */
  private keepDraft() {
    if (!this.learnerId || !this.session || (this.phase !== "answering" && this.phase !== "confirming")) return;
    writeDraft(localStore(), draftOf(this.session, this.learnerId, this.quiz.id, Date.now()));
  }

  /**
   * Fetches the selected items with the attempt's code, and finishes the draw. On failure
   * (offline, quiz not saved) the learner is told on the start view and nothing changes.
   */
  private async drawn(selection: Selection): Promise<DrawnQuiz | undefined> {
    this.phase = "drawing";
    try {
      const [parts] = await Promise.all([import("./quiz/attempt.ts"), loadItems(this.data!.items, selection.ids, this.files)]);
      this.parts = parts;
    } catch (error) {
      console.warn(error);
      this.phase = "ready";
      this.notice = this.strings["quiz.itemsFailed"];
      this.focusNext = "#quiz-ready-heading";
      return undefined;
    }
    this.catalog = catalogOfItems(this.data!, this.files.values());
    this.provisions = new Map([...this.files.values()].flatMap((f) => f.provisions.map((p) => [p.id, p] as const)));
    return selection.present((id) => this.files.get(id)!.item);
  }

  async continueDraft() {
    const draft = this.draft;
    const selection = this.draftSelection;
    if (!draft || !selection || this.phase !== "ready") return;
    const drawn = await this.drawn(selection);
    if (!drawn) return;
    const resumed = resumeWith(draft, drawn);
    if (!resumed.ok) return; // Cannot happen: findDraft compared the same selection's ids.
    this.draft = undefined;
    this.draftSelection = undefined;
    this.session = continueSession(this.quiz, resumed);
    this.result = undefined;
    this.attempt = undefined;
    this.save = { state: "idle" };
    this.notice = "";
    this.phase = "answering";
    this.focusNext = "#quiz-question";
    this.announcement = this.strings["quiz.draft.resumed"];
    // startTimer ticks at once: past the deadline, that hands the attempt in.
    this.startTimer();
  }

  discardDraft() {
    if (this.learnerId) clearDraft(localStore(), this.learnerId, this.quiz.id);
    this.draft = undefined;
    void this.begin();
  }

  get remaining(): number {
    return attemptsRemaining(this.quiz, this.used);
  }

  /** Start (or retry): check the attempts left again, then draw a fresh set of items. */
  async begin() {
    this.releaseFile();
    if (!(await this.refresh()) || this.remaining <= 0) {
      this.focusNext = "#quiz-ready-heading";
      return;
    }
    const drawn = await this.drawn(selectItems(this.quiz, this.data!.pools, this.fixedSeed ?? newSeed()));
    if (!drawn) return;
    this.draft = undefined;
    this.session = startSession(this.quiz, drawn, Date.now());
    this.result = undefined;
    this.attempt = undefined;
    this.save = { state: "idle" };
    this.announcement = "";
    this.startTimer();
    this.phase = "answering";
    this.focusNext = "#quiz-question";
    this.notice = "";
    this.keepDraft();
  }

  private startTimer() {
    this.stopTimer();
    if (this.session?.deadline === undefined) {
      this.leftMs = undefined;
      return;
    }
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  private stopTimer() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick() {
    if (!this.session) return;
    const now = tick(this.quiz, this.session, Date.now());
    if (now.kind === "untimed") return;
    this.leftMs = now.leftMs;
    if (now.kind === "expired") void this.submit(true);
    else if (now.warn !== undefined) this.announcement = fill(this.strings["quiz.timeWarning"], { n: now.warn });
  }

  itemAt(i: number): { item: QuizItem; bankScoring: BankScoring } {
    const entry = this.catalog!.items.get(this.session!.drawn.items[i]!.id)!;
    return { item: entry.item, bankScoring: entry.scoring };
  }

  stateOf(i: number) {
    return answerState(this.itemAt(i).item, this.answers[this.session!.drawn.items[i]!.id]);
  }

  setAnswer(itemId: string, response: Response | undefined) {
    this.session = { ...this.session!, answers: withAnswer(this.answers, itemId, response) };
    this.keepDraft();
  }

  move(itemId: string, order: readonly string[], index: number, by: -1 | 1) {
    const next = moveStep(order, index, by);
    if (!next) return;
    const to = index + by;
    this.setAnswer(itemId, next);
    const step = next[to]!;
    const { item } = this.itemAt(this.index);
    const text = item.type === "ordering" ? (item.options.find((o) => o.id === step)?.text ?? step) : step;
    this.announcement = fill(this.strings["quiz.moved"], { step: text, n: to + 1 });
    // Keep focus on the step that moved; at either end its button in that direction is gone.
    const direction = by < 0 ? (to === 0 ? "down" : "up") : to === order.length - 1 ? "up" : "down";
    this.focusNext = `#q-${itemId}-${step}-${direction}`;
  }

  go(i: number) {
    // A one-off message (resumed, moved, time warning) is not repeated on the next screen.
    this.announcement = "";
    this.session = { ...this.session!, index: Math.max(0, Math.min(i, this.session!.drawn.items.length - 1)) };
    this.phase = "answering";
    this.focusNext = "#quiz-question";
    this.keepDraft();
  }

  confirm() {
    this.announcement = "";
    this.phase = "confirming";
    this.focusNext = "#quiz-confirm-heading";
  }

  /** Grade, show, then save. `timeUp`: the deadline passed, no confirmation. */
  async submit(timeUp = false) {
    if ((this.phase !== "answering" && this.phase !== "confirming") || !this.parts) return;
    this.stopTimer();
    const { attempt, result } = this.parts.finishAttempt(this.quiz, this.catalog!, this.session!, newId(), Date.now());
    this.attempt = attempt;
    this.result = result;
    this.phase = "result";
    const verdict = result.passed ? this.strings["quiz.result.passed"] : fill(this.strings["quiz.result.failed"], { passMark: this.quiz.passMark });
    const summary = fill(this.strings["quiz.result.announce"], { title: this.quiz.title, score: points(result.score), max: points(result.max), verdict });
    this.announcement = timeUp ? `${this.strings["quiz.timeUp"]} ${summary}` : summary;
    this.focusNext = "#quiz-result-heading";
    await this.store();
  }

  /** Save the attempt; on failure keep it on the page and offer it as a file. Retrying keeps one entry (same id). */
  async store() {
    const attempt = this.attempt;
    if (!attempt || !this.learnerId) return;
    this.save = { state: "saving" };
    try {
      const client = await this.load();
      await client.store.appendAttempt(this.learnerId, attempt);
      // Saved: the draft has done its job. (Until now a reload would offer it again.)
      clearDraft(localStore(), this.learnerId, this.quiz.id);
      this.used += 1;
      this.best = this.parts!.bestScore(this.best, attempt);
      let file: AttemptFile | undefined;
      if (client.fallback) {
        // In-memory storage ends with the tab: offer the whole session's record as a file.
        const record = await client.store.readRecord(this.learnerId).catch(() => undefined);
        file = await this.makeFile(record ?? this.profile, attempt);
      }
      this.save = { state: "saved", fallback: client.fallback, file };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(error);
      this.save = { state: "failed", reason, file: await this.makeFile(this.profile, attempt) };
    }
  }

  private async makeFile(record: ProgressRecord | LearnerProfile | undefined, attempt: QuizAttempt): Promise<AttemptFile | undefined> {
    this.releaseFile();
    try {
      const { attemptFile } = await import("../browser/attempt-file.ts");
      return await attemptFile(record, attempt);
    } catch (error) {
      console.warn(error);
      return undefined;
    }
  }

  private releaseFile() {
    const file = this.save.state === "saved" || this.save.state === "failed" ? this.save.file : undefined;
    if (file) setTimeout(() => URL.revokeObjectURL(file.url), 60_000);
  }

  protected updated() {
    if (!this.focusNext) return;
    const target = this.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = undefined;
    target?.focus();
  }

  // ── Views (templates in ./quiz/) ────────────────────────────────────────────

  render() {
    return html`<section class="quiz" aria-label=${this.data?.quiz.title ?? ""}>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.warning && this.phase !== "result" ? html`<p class="quiz-warning" role="alert">${this.warning}</p>` : nothing} ${this.view()}
    </section>`;
  }

  private view() {
    switch (this.phase) {
      case "loading":
        return html`<p class="meta">${this.strings["quiz.loading"]}</p>`;
      case "failed":
        return html`<p class="quiz-warning" role="alert">${this.strings["quiz.failed"]}</p>`;
      case "no-learner":
        return noLearnerView(this.strings, this.me);
      case "ready":
        return startView(this);
      case "drawing":
        return html`<p class="meta" role="status">${this.strings["quiz.drawing"]}</p>`;
      case "answering":
        return this.parts!.questionView(this);
      case "confirming":
        return this.parts!.confirmView(this);
      case "result":
        return this.parts!.resultView(this);
    }
  }

  /** Escape on the confirmation goes back to the question. */
  handleConfirmKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") this.go(this.index);
  };
}

customElements.define("quiz-runner", QuizRunner);

declare global {
  interface HTMLElementTagNameMap {
    "quiz-runner": QuizRunner;
  }
}
