import { LitElement, html, nothing, type PropertyValues } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { checkPicked, lawIndex, type Checked } from "../browser/preview-checker.ts";
import { fill, type Strings } from "../i18n/fill.ts";
import { fileDrop } from "./trainers/file-drop.ts";
import type { ContentIssue } from "../lib/content/issues.ts";

/**
 * /authoring/preview/: a trainer picks or drops one scenario or question-bank file; it is
 * checked in the browser with the same checkers as `npm run check` (src/lib/preview), every
 * problem is listed as 第 N 行第 M 列 beside the file's text, and a file that passes is played
 * with the real <case-simulation> or taken with the real <quiz-runner>, in preview mode
 * (no learner, nothing saved). The checker and the players load only when needed;
 * nothing leaves the browser.
 *
 * Keyboard: each problem is a button; pressing it highlights its line in the text (which
 * scrolls in its own focusable region) and announces the line in the status region.
 */
export class ContentPreview extends LitElement {
  static properties = {
    /** `preview.*` strings plus the player's and the quiz runner's, picked by the page. */
    strings: { type: Object },
    /** URL of authoring/preview/known.json: the ids a file may cite. */
    knownUrl: { type: String, attribute: "known-url" },
    /** URL of authoring/preview/law.json: every provision, for the players' law links. */
    lawUrl: { type: String, attribute: "law-url" },
    /** URL of search/lookup.json, for the player's 查法条. */
    lookupSrc: { type: String, attribute: "lookup-src" },
    /** Site base path. */
    base: { type: String },
    /** URL of 我的学习 (the quiz runner links it). */
    me: { type: String },
    /** The last file given, checked (or why it could not be). */
    checked: { state: true },
    /** Status line: checking, the highlighted line. */
    status: { state: true },
    /** Index of the highlighted problem, -1 for none. */
    selected: { state: true },
    /** What runs below the report: nothing, the scenario or a quiz. */
    mode: { state: true },
    /** The quiz chosen to take. */
    quizId: { state: true },
    /** Whether the player could not be loaded. */
    failed: { state: true },
  };

  declare strings: Strings;
  declare knownUrl: string;
  declare lawUrl: string;
  declare lookupSrc: string;
  declare base: string;
  declare me: string;
  declare checked: Checked | undefined;
  declare status: string;
  declare selected: number;
  declare mode: "" | "play" | "quiz";
  declare quizId: string;
  declare failed: boolean;

  /** The file being checked; a newer one wins over a slower older one. */
  private pending = 0;
  private scrollToSelected = false;

  constructor() {
    super();
    this.strings = {};
    this.knownUrl = this.lawUrl = this.lookupSrc = this.base = this.me = "";
    this.checked = undefined;
    this.status = "";
    this.selected = -1;
    this.mode = "";
    this.quizId = "";
    this.failed = false;
  }

  protected createRenderRoot() {
    return this;
  }

  private say(key: string, values: Record<string, string | number> = {}): string {
    return fill(this.strings[key] ?? key, values);
  }

  /** Check a file and show the result; the player of an earlier file is removed. */
  async check(file: File) {
    const ticket = ++this.pending;
    this.status = this.say("preview.checking", { name: file.name });
    this.mode = "";
    this.failed = false;
    this.selected = -1;
    const checked = await checkPicked(file, this.knownUrl, { strings: this.strings, fill });
    if (ticket !== this.pending) return;
    this.checked = checked;
    this.quizId = (checked.ok && checked.check.takeable?.[0]?.id) || "";
    this.status = this.summary(checked);
  }

  private summary(checked: Checked): string {
    const name = checked.name;
    if (!checked.ok) {
      if (checked.code === "known") return this.say("preview.known.failed");
      if (checked.code === "unreadable") return this.say("preview.read.failed", { name, reason: checked.reason ?? "" });
      return this.say(`preview.read.${checked.code}`, { name });
    }
    const { kind, issues } = checked.check;
    if (!kind) return this.say("preview.kind.none", { name });
    const kindName = this.say(`preview.kind.${kind}`);
    return issues.length ? this.say("preview.summary.issues", { name, kind: kindName, n: issues.length }) : this.say("preview.summary.ok", { name, kind: kindName });
  }

  private select(index: number, issue: ContentIssue, lines: readonly string[]) {
    this.selected = index;
    this.scrollToSelected = true;
    if (issue.line > 0) this.status = this.say("preview.shown", { line: issue.line, text: lines[issue.line - 1]?.trim() ?? "" });
  }

  render() {
    const s = this.strings;
    return html`${fileDrop({
        id: "preview-file",
        label: s["preview.pick"],
        hint: s["preview.drop"],
        accept: ".yaml,.yml,text/yaml,application/yaml",
        onFiles: ([file]) => void this.check(file),
      })}
      <p class="preview-status" role="status" aria-live="polite">${this.status}</p>
      ${this.checked?.ok ? this.report(this.checked) : nothing}`;
  }

  private report(checked: Extract<Checked, { ok: true }>) {
    const { check, text, name } = checked;
    if (!check.kind) return nothing;
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const marked = new Set(check.issues.map((i) => i.line));
    const current = check.issues[this.selected]?.line ?? 0;
    const problems = check.issues.length
      ? html`<section class="preview-problems" aria-labelledby="preview-problems-heading">
          <h2 id="preview-problems-heading">${this.say("preview.problems")}</h2>
          <ol>
            ${check.issues.map(
              (issue, i) => html`<li>
                <button type="button" class="preview-problem" aria-pressed=${i === this.selected ? "true" : "false"} @click=${() => this.select(i, issue, lines)}>
                  <strong>${issue.line > 0 ? this.say("preview.where", { line: issue.line, column: issue.column || 1 }) : this.say("preview.whole")}</strong>
                  ${issue.field ? this.say("preview.field", { field: issue.field }) : nothing}<br />${issue.message}
                </button>
              </li>`,
            )}
          </ol>
        </section>`
      : nothing;
    return html`<div class="preview-report">
        ${problems}
        <section class="preview-text" aria-labelledby="preview-text-heading">
          <h2 id="preview-text-heading">${this.say("preview.source", { name })}</h2>
          <ol class="preview-source" tabindex="0" aria-labelledby="preview-text-heading">
            ${lines.map(
              (line, i) =>
                html`<li id="preview-line-${i + 1}" class=${`${marked.has(i + 1) ? "has-problem" : ""} ${current === i + 1 ? "is-current" : ""}`.trim() || nothing} aria-current=${current === i + 1 ? "true" : nothing}><code>${line || " "}</code></li>`,
            )}
          </ol>
        </section>
      </div>
      ${check.issues.length ? nothing : this.tryIt(checked)} ${checked.graph ? this.graph(checked.graph) : nothing}`;
  }

  /** The branching graph: drawn by src/lib (escaped there), scrolling in its own focusable region on a phone. */
  private graph(svg: string) {
    return html`<section class="preview-graph" aria-labelledby="preview-graph-heading">
      <h2 id="preview-graph-heading">${this.say("preview.graph")}</h2>
      <p class="meta">${this.say("preview.graph.about")}</p>
      <div class="preview-graph__scroll" tabindex="0" role="region" aria-labelledby="preview-graph-heading">${unsafeHTML(svg)}</div>
    </section>`;
  }

  /** The play or take controls of a file that passed, and the player once started. */
  private tryIt({ check }: Extract<Checked, { ok: true }>) {
    const s = this.strings;
    if (this.failed) return html`<p class="box box--warning" role="alert">${s["preview.loadFailed"]}</p>`;
    if (check.scenario) {
      return html`${check.states !== undefined ? html`<p class="meta">${this.say("preview.summary.states", { n: check.states.toLocaleString("zh-CN") })}</p>` : nothing}
        ${this.mode === "play" ? nothing : html`<p><button type="button" class="button" @click=${() => (this.mode = "play")}>${s["preview.play"]}</button></p>`}
        <div class="preview-player"></div>`;
    }
    if (!check.bank) return nothing;
    const quizzes = check.takeable ?? [];
    if (!quizzes.length) return html`<p class="box">${s["preview.quiz.none"]}</p>`;
    return html`<form class="preview-quiz" @submit=${(e: Event) => (e.preventDefault(), (this.mode = "quiz"))}>
        <label class="field-label" for="preview-quiz">${s["preview.quiz.pick"]}</label>
        <select class="field-input" id="preview-quiz" @change=${(e: Event) => ((this.quizId = (e.target as HTMLSelectElement).value), (this.mode = ""))}>
          ${quizzes.map((q) => html`<option value=${q.id} ?selected=${q.id === this.quizId}>${q.title}</option>`)}
        </select>
        <button type="submit" class="button">${s["preview.take"]}</button>
      </form>
      <div class="preview-player"></div>`;
  }

  protected updated(changed: PropertyValues<this>) {
    if (this.scrollToSelected) {
      this.scrollToSelected = false;
      this.querySelector(".preview-source .is-current")?.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    if (changed.has("mode") || changed.has("quizId") || changed.has("checked")) void this.mount();
  }

  /** Put the real player for the checked file into .preview-player (or empty it). */
  private async mount() {
    const host = this.querySelector(".preview-player");
    const checked = this.checked;
    if (!host || !checked?.ok) return;
    const { mode, quizId } = this;
    if (!mode) return host.replaceChildren();
    try {
      const [law, data] = await Promise.all([lawIndex(this.lawUrl), import("../lib/preview/play-data.ts")]);
      let player: HTMLElement;
      let json: unknown;
      if (mode === "play" && checked.check.scenario) {
        await import("./case-simulation.ts");
        const sim = document.createElement("case-simulation");
        Object.assign(sim, { preview: true, strings: this.strings, lookupSrc: this.lookupSrc, base: this.base });
        [player, json] = [sim, data.simulationData(checked.check.scenario, law)];
      } else if (mode === "quiz" && checked.check.bank) {
        await import("./quiz-runner.ts");
        const runner = document.createElement("quiz-runner");
        // The start view says where the score goes: here, nowhere.
        Object.assign(runner, { preview: true, strings: { ...this.strings, "quiz.for": this.strings["preview.quiz.for"] }, me: this.me });
        [player, json] = [runner, data.quizData(checked.check.bank, quizId, law)];
      } else return;
      // The user may have picked another file or quiz meanwhile.
      if (this.checked !== checked || this.mode !== mode || this.quizId !== quizId || !json) return;
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = JSON.stringify(json);
      player.append(script);
      host.replaceChildren(player);
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }
}

customElements.define("content-preview", ContentPreview);

declare global {
  interface HTMLElementTagNameMap {
    "content-preview": ContentPreview;
  }
}
