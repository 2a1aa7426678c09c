import { LitElement, html, nothing } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import type { ClassData } from "../lib/statistics/class-data.ts";
import type { ClassSummaries } from "../lib/statistics/class-summaries.ts";
import type { ClassReport as Report } from "../lib/statistics/class-report.ts";
import type { ClassRow, SortKey } from "../lib/statistics/class-table.ts";
import { round } from "../lib/statistics/numbers.ts";
import type { Say } from "../lib/statistics/report-csv.ts";
import { itemSection, scenarioSection } from "./class-report/analysis.ts";
import { fileDrop } from "./trainers/file-drop.ts";
import { charts } from "./class-report/charts.ts";

type Engine = typeof import("../browser/class-engine.ts");
type Drawings = typeof import("./class-report/decision-graph.ts");

/**
 * /trainers/class/: a trainer picks or drops many learners' exported records (and
 * certification applications); every file is checked like an import on 我的学习, bad files
 * are listed, one learner's files are merged, and the class is shown as a sortable,
 * filterable table, charts, question analysis and scenario decisions, with CSVs that
 * equal `npm run report`'s. Nothing is uploaded. The statistics load with the first files.
 */
export class ClassReportElement extends LitElement {
  static properties = {
    /** `report.*` strings, picked by the page. */
    strings: { type: Object },
    /** URL of trainers/class/data.json. */
    dataUrl: { type: String, attribute: "data-url" },
    /** Loaded files, once read. */
    loaded: { state: true },
    /** Status line: reading, loaded, or why the curriculum data failed. */
    status: { state: true },
    /** Township and village filter ("" = all). */
    township: { state: true },
    village: { state: true },
    /** Table sort. */
    sortKey: { state: true },
    descending: { state: true },
    /** The page of the table shown (0 = first). */
    page: { state: true },
  };

  /**
   * Rows shown at once. A township's list fits; a county's 3,000 learners drawn at once
   * took Chromium seconds of layout, and nobody reads them on one screen. The CSV has all.
   */
  static readonly PAGE_ROWS = 100;

  declare strings: Strings;
  declare dataUrl: string;
  declare loaded: ClassSummaries | undefined;
  declare status: string;
  declare township: string;
  declare village: string;
  declare sortKey: SortKey;
  declare descending: boolean;
  declare page: number;

  private engine?: Engine;
  /** The decision drawing, loaded with the engine (the empty page does not need it). */
  private drawings?: Drawings;
  private data?: ClassData;
  /** The report of the learners the filter keeps; recomputed only when they change, not on a sort. */
  private report?: { key: string; kept: ClassSummaries["learners"]; report: Report };

  constructor() {
    super();
    this.strings = {};
    this.dataUrl = "data.json";
    this.loaded = undefined;
    this.status = "";
    this.township = "";
    this.village = "";
    this.sortKey = "place";
    this.descending = false;
    this.page = 0;
  }

  protected createRenderRoot() {
    return this;
  }

  private say: Say = (key, values) => fill(this.strings[key] ?? key, values);

  private async take(files: File[]) {
    if (!files.length) return;
    this.status = this.say("report.page.reading", { n: files.length });
    try {
      [this.engine, this.drawings] = await Promise.all([this.engine ?? import("../browser/class-engine.ts"), this.drawings ?? import("./class-report/decision-graph.ts")]);
      this.data = await this.engine.classData(this.dataUrl);
    } catch (error) {
      this.status = this.say("report.page.dataFailed", { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.report = undefined;
    try {
      this.loaded = await this.engine.loadFiles(files, this.data);
    } catch (error) {
      // Only a file that changed on disk while it was read: nothing half-loaded is shown.
      this.loaded = undefined;
      this.status = this.say("report.page.readFailed", { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.township = "";
    this.village = "";
    this.page = 0;
    this.status = this.say("report.page.loaded", { files: files.length, learners: this.loaded.learners.length, merged: this.loaded.merged, refused: this.loaded.refused.length });
  }

  private download(name: string, text: string) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private sortBy(key: SortKey) {
    this.descending = this.sortKey === key ? !this.descending : key !== "name" && key !== "place";
    this.sortKey = key;
    this.page = 0;
  }

  private header(key: SortKey, label: string) {
    const sorted = this.sortKey === key ? (this.descending ? "descending" : "ascending") : "none";
    return html`<th scope="col" aria-sort=${sorted}>
      <button type="button" class="sort-button" @click=${() => this.sortBy(key)} aria-label=${this.say("report.page.table.sortBy", { column: label })}>${label}${sorted === "none" ? "" : sorted === "ascending" ? " ▲" : " ▼"}</button>
    </th>`;
  }

  /** Which rows the table shows, and the controls to page through the rest (none for one page). */
  private pager(total: number) {
    const size = ClassReportElement.PAGE_ROWS;
    const last = Math.max(0, Math.ceil(total / size) - 1);
    const page = Math.min(this.page, last);
    const from = page * size;
    const to = Math.min(total, from + size);
    // aria-disabled, not disabled: a button that disabled itself under the pointer or the
    // keyboard would drop the focus to the page.
    const nav =
      total > size
        ? html`<nav class="class-pager" aria-label=${this.say("report.page.table.pages")}>
            <button type="button" class="button button--secondary" data-page="previous" aria-disabled=${page === 0 ? "true" : "false"} @click=${() => (this.page = Math.max(0, page - 1))}>${this.say("report.page.table.previous")}</button>
            <span class="class-pager__info" aria-live="polite">${this.say("report.page.table.range", { from: from + 1, to, total })}</span>
            <button type="button" class="button button--secondary" data-page="next" aria-disabled=${page === last ? "true" : "false"} @click=${() => (this.page = Math.min(last, page + 1))}>${this.say("report.page.table.next")}</button>
          </nav>`
        : nothing;
    return { from, to, nav };
  }

  private table(all: ClassRow[]) {
    const { from, to, nav } = this.pager(all.length);
    const rows = all.slice(from, to);
    const ctx = (this.data as ClassData).context;
    const percent = (x: number | undefined) => (x === undefined ? this.say("report.page.table.notTaken") : `${Math.round(x * 100)}%`);
    return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="class-table-heading">
      <table class="class-table" id="class-table">
        <caption>${this.say("report.page.table.caption")}</caption>
        <thead>
          <tr>
            ${this.header("name", this.say("report.class.name"))} ${this.header("place", this.say("report.class.village"))}
            ${this.header("lessons", this.say("report.class.lessons"))}
            ${ctx.finals.map((id) => this.header(`final:${id}`, ctx.facts.quizzes[id] ?? id))}
            ${this.header("hours", this.say("report.class.hours"))}
            ${ctx.levels.map((l) => this.header(`level:${l.id}`, l.title))} ${this.header("last", this.say("report.class.last"))}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-learner=${r.learner}>
              <th scope="row">${r.name}</th>
              <td>${r.township} ${r.village}</td>
              <td>${r.lessonsDone}/${r.lessonsTotal}</td>
              ${ctx.finals.map((id) => html`<td>${percent(r.finals[id])}</td>`)}
              <td>${round(r.ms / 3_600_000, 1)}</td>
              ${ctx.levels.map((l) => {
                const x = r.readiness[l.id];
                return html`<td>${x ? this.say(x.met ? "report.level.met" : "report.level.short", { done: x.done, total: x.total }) : ""}</td>`;
              })}
              <td>${r.last?.slice(0, 10) ?? ""}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${nav}`;
  }

  private summary(report: Report, learners: number) {
    const ctx = (this.data as ClassData).context;
    const hours = round(report.rows.reduce((s, r) => s + r.ms, 0) / 3_600_000, 1) ?? 0;
    const last = report.rows.reduce((m, r) => (r.last && r.last > m ? r.last : m), "").slice(0, 10) || "—";
    const flagged = report.items.items.filter((i) => i.flags.length).length;
    return html`<section class="class-summary box" aria-labelledby="class-summary-heading">
      <h2 id="class-summary-heading">${this.say("report.page.summary.heading")}</h2>
      <p>${this.say("report.page.summary.learners", { n: learners, hours, last })}</p>
      <ul>
        ${ctx.levels.map((l) => html`<li>${this.say("report.page.summary.level", { title: l.title, met: report.rows.filter((r) => r.readiness[l.id]?.met).length })}</li>`)}
        ${report.completion.map((c) => html`<li>${this.say("report.page.summary.course", { ...c })}</li>`)}
        <li>${this.say("report.page.summary.flagged", { n: flagged })}</li>
      </ul>
    </section>`;
  }

  render() {
    const s = this.strings;
    const picker = html`${fileDrop({
        id: "class-files",
        label: s["report.page.pick"],
        hint: s["report.page.pickHint"],
        accept: ".json,application/json",
        multiple: true,
        onFiles: (files) => void this.take(files),
      })}
      <p class="class-status" role="status" aria-live="polite">${this.status}</p>`;
    const loaded = this.loaded;
    if (!loaded || !this.engine || !this.data) return picker;
    const engine = this.engine;
    const data = this.data;
    const places = engine.placesOf(loaded.learners.map((l) => l.row));
    const key = `${this.township}\u0000${this.village}`;
    if (this.report?.key !== key) {
      const kept = loaded.learners.filter(({ row }) => (!this.township || row.township === this.township) && (!this.village || row.village === this.village));
      this.report = { key, kept, report: engine.reportFor(kept, data) };
    }
    const { kept, report } = this.report;
    const rows = engine.sortRows(report.rows, this.sortKey, this.descending);
    const villages = places.find((p) => p.township === this.township)?.villages ?? [];
    return html`${picker}
      ${loaded.refused.length
        ? html`<section class="box box--warning" aria-labelledby="class-refused-heading">
            <h2 id="class-refused-heading">${s["report.page.refusedHeading"]}</h2>
            <ul>${loaded.refused.map((r) => html`<li>${this.say("report.page.refusedLine", { name: r.name, message: r.problem.message })}</li>`)}</ul>
          </section>`
        : nothing}
      ${loaded.learners.length === 0
        ? html`<p>${s["report.page.noLearners"]}</p>`
        : html`<form class="class-filter" @submit=${(e: Event) => e.preventDefault()}>
              <label class="field-label" for="class-township">${s["report.page.filter.township"]}</label>
              <select class="field-input" id="class-township" @change=${(e: Event) => ((this.township = (e.target as HTMLSelectElement).value), (this.village = ""), (this.page = 0))}>
                <option value="">${s["report.page.filter.all"]}</option>
                ${places.map((p) => html`<option value=${p.township} ?selected=${p.township === this.township}>${p.township}</option>`)}
              </select>
              <label class="field-label" for="class-village">${s["report.page.filter.village"]}</label>
              <select class="field-input" id="class-village" ?disabled=${!this.township} @change=${(e: Event) => ((this.village = (e.target as HTMLSelectElement).value), (this.page = 0))}>
                <option value="">${s["report.page.filter.all"]}</option>
                ${villages.map((v) => html`<option value=${v} ?selected=${v === this.village}>${v}</option>`)}
              </select>
            </form>
            <p aria-live="polite" class="class-shown">${this.say("report.page.shown", { shown: kept.length, total: loaded.learners.length })}</p>
            <p class="class-actions">
              <button type="button" class="button button--secondary" data-csv="class" @click=${() => this.download("class.csv", engine.classCsv(rows, data.context, this.say))}>${s["report.page.csv.class"]}</button>
              <button type="button" class="button button--secondary" data-csv="items" @click=${() => this.download("items.csv", engine.itemCsv(report.items, this.say))}>${s["report.page.csv.items"]}</button>
              <button type="button" class="button button--secondary" @click=${() => window.print()}>${s["report.page.print"]}</button>
            </p>
            ${this.summary(report, kept.length)}
            <section class="class-section" aria-labelledby="class-table-heading">
              <h2 id="class-table-heading">${s["report.page.table.heading"]}</h2>
              ${this.table(rows)}
            </section>
            <section class="class-section" aria-labelledby="class-charts-heading">
              <h2 id="class-charts-heading">${s["report.page.charts.heading"]}</h2>
              ${charts(report, kept.length, s)}
            </section>
            ${itemSection(report, data, s, this.say)} ${scenarioSection(report, data, this.say, this.drawings && { figure: this.drawings.decisionGraphFigure, onToggle: this.drawings.showStart })}`}`;
  }
}

customElements.define("class-report", ClassReportElement);

declare global {
  interface HTMLElementTagNameMap {
    "class-report": ClassReportElement;
  }
}
