/**
 * The class report's charts as inline SVG bars (no chart library: three bar charts do not
 * earn one). Each chart has a text label per bar and a table alternative in <details>, so
 * nothing is told by shape or colour alone.
 */
import { html, svg, type TemplateResult } from "lit";
import { fill, type Strings } from "../../i18n/fill.ts";
import type { ClassReport } from "../../lib/statistics/class-report.ts";
import { SCORE_BINS } from "../../lib/statistics/class-report.ts";

interface Bar {
  label: string;
  /** Shown after the bar and read by screen readers. */
  text: string;
  values: number[];
}

const ROW = 28;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 300;

/** Horizontal bars, stacked when a bar has several values (first value darkest). */
function barChart(title: string, bars: Bar[], max: number, strings: Strings, columns: string[]): TemplateResult {
  const height = bars.length * ROW + 8;
  const scale = max > 0 ? BAR_WIDTH / max : 0;
  return html`<figure class="class-chart">
    <figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 170} ${height}" role="img" aria-label=${`${title}：${bars.map((b) => b.text).join("；")}`}>
      ${bars.map((bar, i) => {
        let x = LABEL_WIDTH;
        const y = i * ROW + 4;
        return svg`<g>
          <text x=${LABEL_WIDTH - 6} y=${y + 16} text-anchor="end" class="class-chart__label">${bar.label}</text>
          ${bar.values.map((v, j) => {
            const w = v * scale;
            const rect = svg`<rect x=${x} y=${y + 2} width=${w} height=${ROW - 10} class=${`class-chart__bar class-chart__bar--${j}`}></rect>`;
            x += w;
            return rect;
          })}
          <text x=${x + 6} y=${y + 16} class="class-chart__value">${bar.values.join(" + ")}</text>
        </g>`;
      })}
    </svg>
    <details>
      <summary>${strings["report.page.charts.asTable"]}</summary>
      <table class="class-table class-table--small">
        <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>${bars.map((b) => html`<tr><th scope="row">${b.label}</th>${b.values.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

export function charts(report: ClassReport, learners: number, strings: Strings): TemplateResult {
  const s = (key: string, values?: Record<string, string | number>) => fill(strings[key] ?? key, values);
  const completion = barChart(
    s("report.page.charts.completion"),
    report.completion.map((c) => ({ label: c.title, text: s("report.page.charts.completionBar", { ...c }), values: [c.done, c.started] })),
    learners,
    strings,
    ["", s("report.page.charts.done"), s("report.page.charts.started")],
  );
  const scores = report.scoreBins.map((final) =>
    barChart(
      s("report.page.charts.scores", { title: final.title }),
      final.bins.map((n, i) => {
        const from = (i * 100) / SCORE_BINS;
        const to = ((i + 1) * 100) / SCORE_BINS;
        return { label: `${from}–${to}%`, text: s("report.page.charts.scoreBar", { from, to, n }), values: [n] };
      }),
      Math.max(1, ...final.bins),
      strings,
      ["", s("report.page.charts.learners")],
    ),
  );
  const weeks = barChart(
    s("report.page.charts.weeks"),
    report.weeks.map(([week, hours]) => {
      const rounded = Math.round(hours * 10) / 10;
      return { label: week, text: s("report.page.charts.weekBar", { week, hours: rounded }), values: [rounded] };
    }),
    Math.max(1, ...report.weeks.map(([, h]) => h)),
    strings,
    ["", s("report.class.hours")],
  );
  return html`${completion}${scores}${weeks}`;
}
