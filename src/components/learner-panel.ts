import { LitElement, html, nothing } from "lit";
import type { LearnerProfile, ProgressRecord, QuizAttempt } from "../lib/progress/schema.ts";
import { attemptHistory, summarise, type AttemptRow, type OutlineCourse, type ProgressSummary } from "../lib/progress/summary.ts";
import { exportFileName, exportText, importSizeProblem } from "../lib/progress/export.ts";
import { ProgressStoreError } from "../lib/progress/errors.ts";
import { safeBackPath } from "../lib/progress/back-link.ts";
import { points } from "../lib/quiz/view.ts";
import { formatMinutes } from "../lib/curriculum/time.ts";
import { forgetLearnerOnDevice } from "../browser/forget-learner.ts";
import { importFileShown } from "../browser/import-record.ts";
import { currentLearnerId, onLearnerChange, setCurrentLearnerId } from "../browser/learner.ts";
import { progressClient, type ProgressClient } from "../browser/progress-client.ts";
import { fill, type Strings } from "../i18n/fill.ts";

/** Attempts listed per quiz in 我的学习; a township computer may hold hundreds. */
const HISTORY_LIMIT = 50;

/** Names for ids in the record: quiz and scenario titles (outcomes are worded by `strings`). */
interface Names {
  quizzes: Record<string, string>;
  scenarios: Record<string, string>;
}

/**
 * 我的学习: learner profiles on this device (create, switch, rename, remove after offering
 * an export), the current learner's progress, and export/import of the record. All rules
 * live in src/lib/progress; this element only asks and shows.
 */
export class LearnerPanel extends LitElement {
  static properties = {
    /** JSON of the `me.*` strings and the scenario outcome names, picked by the page. */
    strings: { type: Object },
    /** JSON of the curriculum outline (courses → lessons). */
    outline: { type: Array },
    /** JSON of quiz and scenario titles by id. */
    names: { type: Object },
    /** Learners on this device. */
    learners: { state: true },
    /** The current learner, if chosen. */
    current: { state: true },
    /** The current learner's progress, from the digests. */
    summary: { state: true },
    /** Viewing, creating a learner or renaming the current one. */
    mode: { state: true },
    /** The last action's result, in the status line. */
    message: { state: true },
    /** The result of the last export or QR code, next to those buttons (announced). */
    exportStatus: { state: true },
    /** The result of the last import, next to the file control (announced). */
    importStatus: { state: true },
    /** The site's base path: a `?back=` path must lie under it. */
    base: { type: String },
    /** Storage warning (in-memory or not persistent). */
    warning: { state: true },
    /** The learner whose removal awaits confirmation. */
    removing: { state: true },
    /** URL of the import page the QR code links to. */
    importUrl: { type: String, attribute: "import-url" },
    /** The QR code of the record, once made. */
    qr: { state: true },
    /** quiz id → its attempts, newest first, once the learner opened that quiz's list. */
    history: { state: true },
  };

  declare strings: Strings;
  declare outline: OutlineCourse[];
  declare names: Names;
  declare learners: LearnerProfile[];
  declare current: LearnerProfile | undefined;
  declare summary: ProgressSummary | undefined;
  declare mode: "view" | "create" | "rename";
  declare message: string;
  declare exportStatus: { text: string; ok: boolean };
  declare importStatus: { text: string; ok: boolean };
  declare base: string;
  declare warning: string;
  declare removing: LearnerProfile | undefined;
  declare importUrl: string;
  declare qr: { src: string; alt: string; url: string } | undefined;
  declare history: Record<string, AttemptRow[] | "loading" | "failed">;

  private client?: ProgressClient;
  /** The current learner's attempts, read once for all history lists until the next refresh. */
  private attempts?: Promise<QuizAttempt[]>;
  private stopListening?: () => void;
  /** Where to return once a learner is chosen (a quiz that sent the learner here), if safe. */
  private back?: string;

  constructor() {
    super();
    this.strings = {};
    this.outline = [];
    this.names = { quizzes: {}, scenarios: {} };
    this.learners = [];
    this.current = undefined;
    this.summary = undefined;
    this.mode = "view";
    this.message = "";
    this.exportStatus = { text: "", ok: true };
    this.importStatus = { text: "", ok: true };
    this.base = "/";
    this.warning = "";
    this.removing = undefined;
    this.importUrl = "";
    this.qr = undefined;
    this.history = {};
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopListening = onLearnerChange(() => void this.refresh());
    this.back = safeBackPath(location.search, this.base);
    void this.start();
  }

  disconnectedCallback() {
    this.stopListening?.();
    super.disconnectedCallback();
  }

  private async start() {
    this.client = await progressClient();
    // Shown once there is something to lose (render); an outdated tab gets <update-prompt>'s message instead.
    if (this.client.fallback) this.warning = this.strings["me.fallback"];
    else if (!this.client.persistent && !this.client.outdated) this.warning = this.strings["me.notPersistent"];
    await this.refresh();
  }

  private async refresh() {
    if (!this.client) return;
    try {
      this.learners = await this.client.store.listLearners();
      const id = currentLearnerId();
      this.current = this.learners.find((l) => l.id === id);
      if (!this.current && this.learners.length === 0) this.mode = "create";
      this.summary = this.current ? summarise((await this.client.store.readOverview(this.current.id)).digests, this.outline) : undefined;
      // <certification-readiness> re-reads too (after an import the learner id may not change).
      this.dispatchEvent(new CustomEvent("learner-refresh", { bubbles: true }));
      this.history = {};
      this.attempts = undefined;
    } catch (error) {
      this.fail(error);
    }
  }

  /** Every answer of the learner is read only here, when a history list is opened. */
  private async loadHistory(quiz: string) {
    if (!this.client || !this.current || this.history[quiz]) return;
    this.history = { ...this.history, [quiz]: "loading" };
    try {
      const client = this.client;
      const learner = this.current.id;
      this.attempts ??= client.store.readRecord(learner).then((record) => record.attempts);
      this.history = { ...this.history, [quiz]: attemptHistory(await this.attempts, quiz, HISTORY_LIMIT) };
    } catch (error) {
      console.warn(error);
      this.attempts = undefined; // try the read again next time
      this.history = { ...this.history, [quiz]: "failed" };
    }
  }

  private renderHistory(quiz: string, total: number) {
    const rows = this.history[quiz];
    if (rows === undefined || rows === "loading") return html`<p class="meta">${this.strings["me.historyLoading"]}</p>`;
    if (rows === "failed") return html`<p class="meta">${this.strings["me.historyFailed"]}</p>`;
    const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
    return html`<ol class="me-history__list">
        ${rows.map(
          (a) => html`<li>${fill(this.strings["me.historyRow"], { when: when(a.finished), score: points(a.score), max: points(a.max), passed: a.passed ? this.strings["me.historyPassed"] : this.strings["me.historyFailedMark"] })}</li>`,
        )}
      </ol>
      ${total > rows.length ? html`<p class="meta">${fill(this.strings["me.historyMore"], { n: rows.length })}</p>` : nothing}`;
  }

  private fail(error: unknown) {
    this.message = this.failure(error);
  }

  render() {
    return html`
      ${this.back
        ? html`<p class="me-back"><a href=${this.back}>${this.strings["me.backLink"]}</a> <span class="meta">${this.strings["me.backHint"]}</span></p>`
        : nothing}
      ${this.warning && this.learners.length ? html`<p class="me-warning" role="alert">${this.warning}</p>` : nothing}
      <p class="me-status" role="status">${this.message}</p>
      ${this.renderLearners()} ${this.mode !== "view" ? this.renderForm() : nothing} ${this.current ? this.renderProgress(this.current) : nothing}
      ${this.renderTransfer()} ${this.removing ? this.renderRemoveDialog(this.removing) : nothing}
    `;
  }

  private renderLearners() {
    if (this.learners.length === 0) return html`<p>${this.strings["me.none"]}</p>`;
    return html`<section class="box" aria-labelledby="me-learners">
      <h2 id="me-learners">${this.strings["me.learners"]}</h2>
      <ul class="me-learners">
        ${this.learners.map((l) =>
          l.id === this.current?.id
            ? html`<li class="me-learner me-learner--current">
                <strong>${l.name}</strong> <span class="meta">${[l.township, l.village].filter(Boolean).join(" ")}</span>
                <span class="me-badge">${this.strings["me.current"]}</span>
                <span class="me-actions">
                  <button type="button" class="button button--secondary" @click=${() => (this.mode = "rename")}>${this.strings["me.rename"]}</button>
                  <button type="button" class="button button--secondary" @click=${() => (this.removing = l)}>${this.strings["me.remove"]}</button>
                </span>
              </li>`
            : html`<li class="me-learner">
                <strong>${l.name}</strong> <span class="meta">${[l.township, l.village].filter(Boolean).join(" ")}</span>
                <span class="me-actions">
                  <button type="button" class="button button--secondary" @click=${() => this.handleSwitch(l)}>${fill(this.strings["me.switchTo"], { name: l.name })}</button>
                </span>
              </li>`,
        )}
      </ul>
      ${this.mode === "view" ? html`<button type="button" class="button button--secondary" @click=${() => (this.mode = "create")}>${this.strings["me.create"]}</button>` : nothing}
    </section>`;
  }

  private renderForm() {
    const editing = this.mode === "rename" ? this.current : undefined;
    return html`<form class="box me-form" @submit=${this.handleSubmit}>
      <h2>${editing ? this.strings["me.rename"] : this.strings["me.create"]}</h2>
      <label>${this.strings["me.name"]} <input name="name" required maxlength="40" autocomplete="name" .value=${editing?.name ?? ""} /></label>
      <label>${this.strings["me.township"]} <input name="township" maxlength="40" .value=${editing?.township ?? ""} /></label>
      <label>${this.strings["me.village"]} <input name="village" maxlength="40" .value=${editing?.village ?? ""} /></label>
      <p class="me-form__buttons">
        <button type="submit" class="button">${this.strings["me.save"]}</button>
        ${this.learners.length ? html`<button type="button" class="button button--secondary" @click=${() => (this.mode = "view")}>${this.strings["me.cancel"]}</button>` : nothing}
      </p>
    </form>`;
  }

  private renderProgress(learner: LearnerProfile) {
    const s = this.summary;
    if (!s) return nothing;
    return html`<section class="box" aria-labelledby="me-summary">
      <h2 id="me-summary">${this.strings["me.summary"]} · ${learner.name}</h2>
      <p>${fill(this.strings["me.lessonsDone"], { done: s.lessonsDone, total: s.lessonsTotal })}　${fill(this.strings["me.hours"], { time: formatMinutes(s.studyMinutes) })}</p>
      <ul class="me-courses">
        ${s.courses.map(
          (c) => html`<li>
            <a href=${c.url}>${c.title}</a>
            <progress max="100" .value=${c.percent} aria-label=${`${c.title} ${c.percent}%`}></progress>
            <span class="meta">${c.done} / ${c.total}</span>
          </li>`,
        )}
      </ul>
      <h3>${this.strings["me.next"]}</h3>
      <p>${s.next ? html`<a href=${s.next.url}>${fill(this.strings["me.nextLesson"], { course: s.next.course, lesson: s.next.title })}</a>` : this.strings["me.allDone"]}</p>
      <h3>${this.strings["me.quizzes"]}</h3>
      ${s.quizzes.length
        ? html`<ul>
            ${s.quizzes.map(
              (q) => html`<li>
                ${fill(this.strings["me.quizRow"], { quiz: this.names.quizzes[q.quiz] ?? q.quiz, score: points(q.bestScore), max: points(q.max), n: q.attempts, passed: q.passed ? this.strings["me.passed"] : "" })}
                <details class="me-history" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void this.loadHistory(q.quiz)}>
                  <summary>${fill(this.strings["me.history"], { n: q.attempts })}</summary>
                  ${this.renderHistory(q.quiz, q.attempts)}
                </details>
              </li>`,
            )}
          </ul>`
        : html`<p class="meta">${this.strings["me.noneYet"]}</p>`}
      <h3>${this.strings["me.scenarios"]}</h3>
      ${s.scenarios.length
        ? html`<ul>
            ${s.scenarios.map(
              (r) =>
                html`<li>
                  ${fill(this.strings["me.scenarioRow"], {
                    scenario: this.names.scenarios[r.scenario] ?? r.scenario,
                    score: points(r.bestScore),
                    max: points(r.max),
                    n: r.runs,
                    outcome: (r.lastOutcome && this.strings[`scenario.outcome.${r.lastOutcome}`]) ?? r.lastOutcome ?? "",
                  })}
                </li>`,
            )}
          </ul>`
        : html`<p class="meta">${this.strings["me.noneYet"]}</p>`}
    </section>`;
  }

  /** A result next to the control that caused it; the region stays in the page so that screen readers announce each change. */
  private renderStatus(status: { text: string; ok: boolean }, id: string) {
    return html`<p id=${id} class=${`me-transfer-status${status.ok ? "" : " me-transfer-status--failed"}`} role="status" aria-live="polite">${status.text}</p>`;
  }

  private renderTransfer() {
    return html`<section class="box" aria-labelledby="me-transfer">
      <h2 id="me-transfer">${this.strings["me.export"]} / ${this.strings["me.import"]}</h2>
      ${this.current
        ? html`<p class="me-form__buttons">
              <button type="button" class="button" @click=${() => this.handleExport(this.current!)}>${this.strings["me.export"]}</button>
              <button type="button" class="button button--secondary" @click=${() => this.handleQr(this.current!)}>${this.strings["me.qr"]}</button>
            </p>
            ${this.renderStatus(this.exportStatus, "me-export-status")}
            <p class="meta">${this.strings["me.exportHint"]}</p>
            ${this.qr
              ? html`<figure class="me-qr">
                  <figcaption class="meta">${this.strings["me.qrHint"]}</figcaption>
                  <img src=${this.qr.src} alt=${this.qr.alt} width="280" height="280" />
                  <p class="meta"><a class="me-qr__link" href=${this.qr.url}>${this.strings["me.qrLink"]}</a></p>
                </figure>`
              : nothing}`
        : nothing}
      <div class="me-file">
        <label for="me-import-file">${this.strings["me.importFile"]}</label>
        <input id="me-import-file" type="file" accept="application/json,.json" aria-describedby="me-import-hint me-import-status" @change=${this.handleImport} />
      </div>
      ${this.renderStatus(this.importStatus, "me-import-status")}
      <p class="meta" id="me-import-hint">${this.strings["me.importHint"]}</p>
    </section>`;
  }

  private renderRemoveDialog(learner: LearnerProfile) {
    return html`<div class="me-dialog" role="alertdialog" aria-modal="true" aria-labelledby="me-remove-title" aria-describedby="me-remove-text" @keydown=${this.handleDialogKey}>
      <h2 id="me-remove-title">${fill(this.strings["me.removeTitle"], { name: learner.name })}</h2>
      <p id="me-remove-text">${fill(this.strings["me.removeText"], { name: learner.name })}</p>
      <p class="me-form__buttons">
        <button type="button" class="button" @click=${() => this.handleExport(learner)}>${this.strings["me.export"]}</button>
        <button type="button" class="button button--secondary me-danger" @click=${() => this.handleRemove(learner)}>${this.strings["me.removeConfirm"]}</button>
        <button type="button" class="button button--secondary" @click=${this.closeDialog}>${this.strings["me.cancel"]}</button>
      </p>
    </div>`;
  }

  protected updated(changed: Map<string, unknown>) {
    // Move focus into the dialog when it opens, and into the form when it appears.
    if (changed.has("removing") && this.removing) this.querySelector<HTMLButtonElement>(".me-dialog button")?.focus();
    if (changed.has("mode") && this.mode !== "view" && changed.get("mode") !== undefined) this.querySelector<HTMLInputElement>(".me-form input")?.focus();
  }

  private handleDialogKey(event: KeyboardEvent) {
    if (event.key === "Escape") this.closeDialog();
  }

  private closeDialog = () => {
    this.removing = undefined;
  };

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.client) return;
    const data = new FormData(event.target as HTMLFormElement);
    const fields = { name: String(data.get("name") ?? ""), township: String(data.get("township") ?? ""), village: String(data.get("village") ?? "") };
    try {
      const creating = !(this.mode === "rename" && this.current);
      if (!creating) await this.client.store.renameLearner(this.current!.id, fields);
      else setCurrentLearnerId((await this.client.store.createLearner(fields)).id);
      this.mode = "view";
      this.message = "";
      // A quiz sent the learner here to make a profile: go back to it.
      if (creating && this.back) return location.assign(this.back);
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  private handleSwitch(learner: LearnerProfile) {
    setCurrentLearnerId(learner.id);
    if (this.back) location.assign(this.back);
  }

  private async handleRemove(learner: LearnerProfile) {
    if (!this.client) return;
    try {
      await this.client.store.removeLearner(learner.id);
      forgetLearnerOnDevice(learner.id);
      if (learner.id === this.current?.id) setCurrentLearnerId(undefined);
      this.removing = undefined;
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  private async handleExport(learner: LearnerProfile) {
    if (!this.client) return;
    try {
      const record: ProgressRecord = await this.client.store.readRecord(learner.id);
      const blob = new Blob([await exportText(record)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = exportFileName(learner);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.exportStatus = { text: fill(this.strings["me.exported"], { name: learner.name, file: link.download }), ok: true };
      // From the removal dialog the export region may be hidden behind it: say it there too.
      if (this.removing) this.message = this.exportStatus.text;
    } catch (error) {
      this.exportStatus = { text: this.failure(error), ok: false };
    }
  }

  /** The record as a link to the import page, drawn as a QR code when it fits in one. */
  private async handleQr(learner: LearnerProfile) {
    if (!this.client) return;
    try {
      const [{ encodeRecordFragment, fitsInQrCode }, record] = await Promise.all([
        import("../lib/progress/fragment.ts"),
        this.client.store.readRecord(learner.id),
      ]);
      const prefix = `${new URL(this.importUrl, location.href).href}#`;
      const fragment = await encodeRecordFragment(record);
      if (!fitsInQrCode(fragment, prefix)) {
        this.qr = undefined;
        this.exportStatus = { text: this.strings["me.qrTooBig"], ok: false };
        return;
      }
      const { toString } = await import("qrcode");
      const svg = await toString(prefix + fragment, { type: "svg", errorCorrectionLevel: "L", margin: 2 });
      this.qr = { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: fill(this.strings["me.qrAlt"], { name: learner.name }), url: prefix + fragment };
      this.exportStatus = { text: "", ok: true };
    } catch (error) {
      this.exportStatus = { text: this.failure(error), ok: false };
    }
  }

  private async handleImport(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file || !this.client) return;
    // Checked before the file is read: a huge file must not freeze a cheap phone.
    const large = importSizeProblem(file.size);
    if (large) {
      this.importStatus = { text: fill(this.strings["me.importFailed"], { reason: large.message }), ok: false };
      return;
    }
    this.importStatus = { text: this.strings["me.importReading"], ok: true };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await importFileShown(this.client.store, bytes, Boolean(this.current), this.strings);
      if (result.ok) {
        // The learner now exists: an empty "新建学员档案" form has nothing left to do.
        if (this.mode === "create") this.mode = "view";
        await this.refresh();
      }
      // Shown once the page above has its new content, so the result is scrolled to where it stays.
      this.importStatus = { text: result.message, ok: result.ok };
    } catch (error) {
      this.importStatus = { text: this.failure(error), ok: false };
    }
    // The progress shown above may have grown by a screen or more: keep the result in view.
    await this.updateComplete;
    this.querySelector("#me-import-status")?.scrollIntoView({ block: "nearest" });
  }

  private failure(error: unknown): string {
    return fill(this.strings["me.saveFailed"], { reason: error instanceof ProgressStoreError ? error.message : String(error) });
  }
}

customElements.define("learner-panel", LearnerPanel);

declare global {
  interface HTMLElementTagNameMap {
    "learner-panel": LearnerPanel;
  }
}
