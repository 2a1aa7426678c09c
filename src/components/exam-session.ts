import { LitElement, html, nothing } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { localStore } from "../browser/storage.ts";
import { fill, type Strings } from "../i18n/fill.ts";
import { MAX_FILE_BYTES } from "../lib/exam/files.ts";
import type { ExamPaper } from "../lib/exam/paper.ts";
import { sayProblem } from "../lib/exam/problem.ts";
import { paperIssuer, readSignedPaper } from "../lib/exam/proof.ts";
import type { Issuer } from "../lib/cert/types.ts";
import * as session from "../lib/exam/session.ts";
import { readSheet, sheetFileName, sheetFileText, type AnswerSheet } from "../lib/exam/sheet.ts";
import type { Response } from "../lib/quiz/response.ts";
import type { QuizItem } from "../lib/quiz/schema.ts";
import { moveStep } from "../lib/quiz/session.ts";
import { clock } from "../lib/quiz/view.ts";
import { itemForm } from "./quiz/item-form.ts";

type Step = "load" | "code" | "candidate" | "exam" | "confirm" | "done";

/**
 * The supervised exam on one device: the proctor loads the signed paper and types the
 * site's session code, the candidate enters ticket number and name and answers; answers
 * and the clock survive a reload (the proctor types the code again), and handing in
 * writes the sealed answer sheet. Rules live in src/lib/exam; this renders and stores.
 */
export class ExamSession extends LitElement {
  static properties = {
    /** `exam.*` and the `quiz.*` item-form strings, picked by the page. */
    strings: { type: Object },
    /** The site's issuer list (content/issuers), to name who signed the paper. */
    issuers: { type: Array },
    /** Where the exam is. */
    step: { state: true },
    /** The checked paper. */
    paper: { state: true },
    /** Who signed it (did:key). */
    signer: { state: true },
    /** The candidate's answers and clock. */
    draft: { state: true },
    /** The sealed sheet, once handed in. */
    sheet: { state: true },
    /** An error for the proctor or candidate (role=alert). */
    message: { state: true },
    /** Work in progress (checking a signature, deriving a key). */
    busy: { state: true },
    /** Current time, ticking once a second during the exam. */
    now: { state: true },
  };

  declare strings: Strings;
  declare issuers: Issuer[];
  declare step: Step;
  declare paper: ExamPaper | undefined;
  declare signer: string;
  declare draft: session.ExamDraft | undefined;
  declare sheet: AnswerSheet | undefined;
  declare message: string;
  declare busy: boolean;
  declare now: number;

  private sealKey?: CryptoKey;
  /** The site the proctor's code opened. */
  private site = "";
  private timer?: ReturnType<typeof setInterval>;
  private sheetUrl?: string;
  private focusHeading = false;

  constructor() {
    super();
    this.strings = {};
    this.issuers = [];
    this.step = "load";
    this.paper = this.draft = this.sheet = undefined;
    this.signer = this.message = "";
    this.busy = false;
    this.now = Date.now();
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.restore();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
    if (this.sheetUrl) URL.revokeObjectURL(this.sheetUrl);
  }

  /** After a reload: the paper, then either the sheet handed in or the draft (the code is asked again). */
  private async restore() {
    const text = session.recall(localStore(), session.PAPER_KEY);
    if (!text || !(await this.usePaper(text))) return;
    const sheetText = session.recall(localStore(), session.SHEET_KEY);
    if (sheetText) {
      const kept = readSheet(sheetText);
      if (kept.ok) return this.showSheet(kept.value);
      session.forget(localStore(), session.SHEET_KEY);
    }
    this.draft = session.readExamDraft(localStore(), this.paper!);
  }

  private say(key: string, values?: Record<string, string | number>) {
    return fill(this.strings[key] ?? key, values);
  }

  private go(step: Step, message = "") {
    this.step = step;
    this.message = message;
    this.focusHeading = true;
  }

  protected updated() {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.querySelector<HTMLElement>("#exam-heading")?.focus();
  }

  private async usePaper(text: string, size?: number): Promise<boolean> {
    const read = await readSignedPaper(text, size);
    if (!read.ok) {
      this.message = sayProblem(read.problem, this.strings, fill);
      return false;
    }
    this.paper = read.value.paper;
    this.signer = read.value.signer;
    session.keep(localStore(), session.PAPER_KEY, text);
    this.go("code");
    return true;
  }

  private async loadFile(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.busy = true;
    // Size first: a wrong 2 GB file must not be read into memory at all.
    const text = file.size > MAX_FILE_BYTES ? "" : await file.text();
    if (file.size > MAX_FILE_BYTES) this.message = sayProblem({ code: "too-large", values: { what: "paper", mb: (file.size / 1048576).toFixed(1) } }, this.strings, fill);
    else await this.usePaper(text, file.size);
    this.busy = false;
  }

  private async enterCode(e: Event) {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>("#exam-code")!;
    this.busy = true;
    const opened = await session.openSite(this.paper!, input.value);
    this.busy = false;
    if (!opened.ok || (this.draft && this.draft.site !== opened.site)) {
      this.message = this.say(`exam.problem.${opened.ok ? "code-wrong" : opened.code}`);
      input.focus();
      return;
    }
    this.sealKey = opened.sealKey;
    this.site = opened.site;
    if (this.draft) this.startClock();
    else this.go("candidate");
  }

  private begin(e: Event) {
    e.preventDefault();
    const ticket = this.querySelector<HTMLInputElement>("#exam-ticket")!.value;
    const name = this.querySelector<HTMLInputElement>("#exam-name")!.value;
    const started = session.startDraft(this.paper!, this.site, ticket, name, Date.now());
    if ("problem" in started) {
      this.message = this.say(`exam.page.bad.${started.problem}`);
      this.querySelector<HTMLInputElement>(`#exam-${started.problem}`)?.focus();
      return;
    }
    this.draft = started;
    session.saveExamDraft(localStore(), started);
    this.startClock();
  }

  private startClock() {
    this.go("exam");
    this.now = Date.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.now = Date.now();
      if (this.draft && session.timeLeft(this.draft, this.paper!, this.now) === 0) void this.handIn();
    }, 1000);
    if (session.timeLeft(this.draft!, this.paper!, this.now) === 0) void this.handIn();
  }

  private setAnswer(itemId: string, response: Response | undefined) {
    this.draft = session.answer(this.draft!, itemId, response, Date.now());
    if (!session.saveExamDraft(localStore(), this.draft)) this.message = this.say("exam.page.notSaved");
  }

  private goTo(index: number) {
    this.draft = { ...this.draft!, index: Math.max(0, Math.min(index, this.paper!.items.length - 1)) };
    session.saveExamDraft(localStore(), this.draft);
    this.focusHeading = true;
  }

  private async handIn() {
    if (!this.draft || !this.sealKey || this.step === "done") return;
    clearInterval(this.timer);
    const sheet = await session.handIn(this.paper!, this.draft, this.sealKey, Date.now());
    session.keep(localStore(), session.SHEET_KEY, sheetFileText(sheet));
    session.clearExamDraft(localStore(), this.paper!);
    this.draft = undefined;
    this.showSheet(sheet);
    // Save at once; the page offers it again below.
    this.querySelector<HTMLAnchorElement>("#exam-save")?.click();
  }

  private showSheet(sheet: AnswerSheet) {
    this.sheet = sheet;
    if (this.sheetUrl) URL.revokeObjectURL(this.sheetUrl);
    this.sheetUrl = URL.createObjectURL(new Blob([sheetFileText(sheet)], { type: "application/json" }));
    this.go("done");
    this.performUpdate();
  }

  private nextCandidate() {
    session.forget(localStore(), session.SHEET_KEY);
    this.sheet = undefined;
    this.sealKey = undefined;
    this.go("code");
  }

  private heading(text: string) {
    return html`<h2 id="exam-heading" tabindex="-1">${text}</h2>`;
  }

  private alert() {
    return html`<p class="box exam-alert" role="alert" ?hidden=${!this.message}>${this.message}</p>`;
  }

  render() {
    return html`<section class="exam" aria-busy=${this.busy ? "true" : "false"}>${this.view()}${this.alert()}</section>`;
  }

  private view() {
    const p = this.paper;
    switch (this.step) {
      case "load":
        return html`${this.heading(this.say("exam.page.load"))}
          <p>${this.say("exam.page.loadHint")}</p>
          <label class="field-label" for="exam-paper">${this.say("exam.page.paperFile")}</label>
          <input class="field-input" id="exam-paper" type="file" accept=".json,application/json" @change=${this.loadFile} ?disabled=${this.busy} />`;
      case "code":
        return html`${this.heading(this.say("exam.page.code"))} ${this.paperSummary()}
          ${this.draft ? html`<p class="box">${this.say("exam.page.resume", { ticket: this.draft.ticket, name: this.draft.name })}</p>` : nothing}
          <form class="exam-form" @submit=${this.enterCode} novalidate>
            <label class="field-label" for="exam-code">${this.say("exam.page.codeLabel")}</label>
            <input class="field-input exam-code" id="exam-code" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="exam-code-hint" />
            <p class="meta" id="exam-code-hint">${this.say("exam.page.codeHint")}</p>
            <button class="button" type="submit" ?disabled=${this.busy}>${this.say("exam.page.codeOk")}</button>
          </form>`;
      case "candidate":
        return html`${this.heading(this.say("exam.page.candidate"))} ${this.paperSummary()}
          <form class="exam-form" @submit=${this.begin} novalidate>
            <label class="field-label" for="exam-ticket">${this.say("exam.page.ticket")}</label>
            <input class="field-input" id="exam-ticket" autocomplete="off" spellcheck="false" />
            <label class="field-label" for="exam-name">${this.say("exam.page.name")}</label>
            <input class="field-input" id="exam-name" autocomplete="off" />
            <p>${this.say("exam.page.rules", { minutes: p!.timeLimit, n: p!.items.length })}</p>
            <button class="button" type="submit">${this.say("exam.page.start")}</button>
          </form>`;
      case "exam":
        return this.questionView();
      case "confirm":
        return html`${this.heading(this.say("exam.page.confirm"))}
          <p>${this.say("exam.page.answered", { n: session.answeredCount(p!, this.draft!), total: p!.items.length })}</p>
          <div class="quiz-nav">
            <button class="button button--secondary" type="button" @click=${() => this.go("exam")}>${this.say("exam.page.back")}</button>
            <button class="button" type="button" @click=${() => void this.handIn()}>${this.say("exam.page.handIn")}</button>
          </div>`;
      case "done":
        return html`${this.heading(this.say("exam.page.done"))}
          <p>${this.say("exam.page.doneHint", { ticket: this.sheet!.ticket, name: this.sheet!.name })}</p>
          <p><a class="button" id="exam-save" href=${this.sheetUrl ?? ""} download=${sheetFileName(this.sheet!)}>${this.say("exam.page.save")}</a></p>
          <p class="meta">${this.say("exam.page.fileName", { file: sheetFileName(this.sheet!) })}</p>
          <button class="button button--secondary" type="button" @click=${this.nextCandidate}>${this.say("exam.page.next")}</button>`;
    }
  }

  private paperSummary() {
    const p = this.paper!;
    // A warning, not a refusal: grading redraws the paper from the private bank anyway.
    const issuer = paperIssuer(this.issuers, this.signer, p.created);
    return html`<dl class="exam-paper">
      <dt>${this.say("exam.page.paper")}</dt>
      <dd>${p.title}（${p.id}）</dd>
      <dt>${this.say("exam.page.limits")}</dt>
      <dd>${this.say("exam.page.limitsValue", { minutes: p.timeLimit, n: p.items.length, passMark: p.passMark })}</dd>
      <dt>${this.say("exam.page.signer")}</dt>
      <dd>${this.say("exam.page.signed", { key: session.shortKey(this.signer) })}</dd>
      <dt>${this.say("exam.page.issuer")}</dt>
      <dd>${issuer ? issuer.name : html`<strong class="exam-unlisted">${this.say("exam.page.unlistedIssuer")}</strong>`}</dd>
    </dl>`;
  }

  private questionView() {
    const p = this.paper!;
    const d = this.draft!;
    const index = d.index;
    const item = p.items[index]!;
    // A paper item is a quiz item without its answer: the form reads only the question's fields.
    const asQuiz = item as unknown as QuizItem;
    const drawn = { id: item.id, options: item.options?.map((o) => o.id), prompts: item.prompts?.map((x) => x.id) };
    const last = index === p.items.length - 1;
    const left = session.timeLeft(d, p, this.now);
    return html`<p class="exam-status">
        <span>${this.say("exam.page.who", { ticket: d.ticket, name: d.name })}</span>
        <span role="timer" aria-label=${this.say("exam.page.timeLeft")}>${this.say("exam.page.timeLeft")} ${clock(left)}</span>
      </p>
      <form class="quiz-form" novalidate @submit=${(e: Event) => (e.preventDefault(), last ? this.go("confirm") : this.goTo(index + 1))}>
        <h2 id="exam-heading" tabindex="-1">${this.say("exam.page.progress", { n: index + 1, total: p.items.length, points: item.points })}</h2>
        ${keyed(
          item.id,
          itemForm({
            strings: this.strings,
            item: asQuiz,
            drawn,
            scoring: {},
            response: d.answers[item.id],
            answer: (r) => this.setAnswer(item.id, r),
            move: (order, i, by) => {
              const next = moveStep(order, i, by);
              if (next) this.setAnswer(item.id, next);
            },
          }),
        )}
        <div class="quiz-nav">
          <button type="button" class="button button--secondary" ?disabled=${index === 0} @click=${() => this.goTo(index - 1)}>${this.say("exam.page.prev")}</button>
          ${last ? nothing : html`<button type="submit" class="button">${this.say("exam.page.nextItem")}</button>`}
          <button type="button" class=${`button${last ? "" : " button--secondary"}`} @click=${() => this.go("confirm")}>${this.say("exam.page.handIn")}</button>
        </div>
      </form>`;
  }
}

customElements.define("exam-session", ExamSession);

declare global {
  interface HTMLElementTagNameMap {
    "exam-session": ExamSession;
  }
}
