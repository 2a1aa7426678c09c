import { LitElement, html, nothing } from "lit";
import { currentLearnerId, onLearnerChange } from "../browser/learner.ts";
import { progressClient } from "../browser/progress-client.ts";
import { fill, type Strings } from "../i18n/fill.ts";
import { readiness, type Readiness, type CurriculumFacts, type RequirementResult } from "../lib/certification/readiness.ts";
import type { Level } from "../lib/certification/schema.ts";

/** Fired by <learner-panel> after it re-reads the learner (switch, import, new learner). */
export const LEARNER_REFRESH_EVENT = "learner-refresh";

/**
 * 我的学习: per certification level, what the current learner has met and what is still
 * missing, with links; once every self-study requirement is met, the application file to
 * download. The rule is src/lib/certification/readiness.ts; this element reads the
 * learner's digests, asks it, and shows the answer.
 */
export class CertificationReadiness extends LitElement {
  static properties = {
    /** `certification.*` strings, picked by the page. */
    strings: { type: Object },
    /** The levels, in order (content/certifications). */
    levels: { type: Array },
    /** Titles and lessons the requirements name. */
    facts: { type: Object },
    /** The site's base path, prefixed to every link (`/` or `/academy/`). */
    base: { type: String },
    /** The current learner's readiness per level; undefined without a learner. */
    results: { state: true },
    /** What happened to the last application download (done or why not). */
    message: { state: true },
  };

  declare strings: Strings;
  declare levels: Level[];
  declare facts: CurriculumFacts;
  declare base: string;
  declare results: Readiness[] | undefined;
  declare message: string;

  private learnerId: string | undefined;
  private stopListening?: () => void;

  constructor() {
    super();
    this.strings = {};
    this.levels = [];
    this.facts = { courses: {}, quizzes: {}, scenarios: {}, levels: {} };
    this.base = "/";
    this.results = undefined;
    this.message = "";
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopListening = onLearnerChange(() => void this.refresh());
    document.addEventListener(LEARNER_REFRESH_EVENT, this.handleRefresh);
    void this.refresh();
  }

  disconnectedCallback() {
    this.stopListening?.();
    document.removeEventListener(LEARNER_REFRESH_EVENT, this.handleRefresh);
    super.disconnectedCallback();
  }

  private handleRefresh = () => void this.refresh();

  private async refresh() {
    const id = currentLearnerId();
    if (id !== this.learnerId) this.message = "";
    this.learnerId = id;
    if (!id) {
      this.results = undefined;
      return;
    }
    try {
      const { digests } = await (await progressClient()).store.readOverview(id);
      if (id !== this.learnerId) return; // switched meanwhile
      this.results = this.levels.map((level) => readiness(digests, level, this.facts));
    } catch {
      // A learner removed in another tab, or storage gone: <learner-panel> says why.
      this.results = undefined;
    }
  }

  private say(key: string, values?: Record<string, string | number>) {
    return fill(this.strings[key] ?? key, values);
  }

  private async download(level: Level) {
    const id = this.learnerId;
    if (!id) return;
    try {
      const [{ store }, { applicationText, applicationFileName }] = await Promise.all([progressClient(), import("../lib/certification/application.ts")]);
      const record = await store.readRecord(id);
      const now = new Date();
      const name = applicationFileName(record, level, now);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([await applicationText(record, level, this.facts, now)], { type: "application/json" }));
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.message = this.say("certification.applyDone", { file: name });
    } catch (error) {
      this.message = this.say("certification.applyFailed", { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  render() {
    return html`<section class="box cert-readiness" aria-labelledby="cert-readiness-title">
      <h2 id="cert-readiness-title">${this.say("certification.heading")}</h2>
      ${this.results
        ? this.results.map((r, i) => this.renderLevel(r, this.levels[i]))
        : html`<p class="meta">${this.say("certification.noLearner")}</p>`}
      <p><a href=${`${this.base}certification/`}>${this.say("certification.details")}</a></p>
    </section>`;
  }

  private renderLevel(result: Readiness, level: Level) {
    const id = `cert-level-${level.id}`;
    return html`<div class="cert-readiness__level" data-level=${level.id} data-ready=${result.selfStudyMet ? "true" : "false"}>
      <h3 id=${id}>${level.title}</h3>
      <p class="meta">${this.say("certification.progress", { done: result.done, total: result.total })}</p>
      <ul class="cert-readiness__list" aria-labelledby=${id}>
        ${result.requirements.map((req) => this.renderRequirement(req))}
      </ul>
      ${result.selfStudyMet
        ? html`<p><strong>${this.say("certification.ready")}</strong></p>
            <p><button type="button" class="button" @click=${() => this.download(level)}>${this.say("certification.applyButton")}</button></p>
            <p class="meta">${this.say("certification.applyHint")}</p>
            ${this.message ? html`<p role="status">${this.message}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  private renderRequirement(req: RequirementResult) {
    const text = this.say(`certification.req.${req.code}`, req.values);
    const mark = req.met ? "certification.met" : req.selfStudy ? "certification.missing" : "certification.byTrainer";
    const state = req.met ? "met" : req.selfStudy ? "missing" : "trainer";
    const link = (l: { label: string; path: string }) => `${this.base}${l.path}`;
    return html`<li class="cert-readiness__req" data-state=${state} data-code=${req.code}>
      <span class="cert-readiness__mark">${this.say(mark)}</span>
      ${req.links.length === 1 && !req.met && req.selfStudy ? html`<a href=${link(req.links[0])}>${text}</a>` : text}
      ${req.links.length > 1 && !req.met
        ? html`<ul>
            ${req.links.map((l) => html`<li><a href=${link(l)}>${l.label}</a></li>`)}
          </ul>`
        : nothing}
    </li>`;
  }
}

customElements.define("certification-readiness", CertificationReadiness);

declare global {
  interface HTMLElementTagNameMap {
    "certification-readiness": CertificationReadiness;
  }
}
