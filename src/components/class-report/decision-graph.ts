/**
 * A scenario's decisions drawn over its branching graph (the layout comes from data.json,
 * the figures from decision-graph.ts): edge width by the share of players who went along a
 * link (one per choice), every decision link labelled with its choice and figures, mistakes in red AND with
 * ⚠ and the word 失误, nodes nobody reached dashed AND saying so. It scrolls in its own
 * labelled, focusable box on a phone; the tables below it are the text alternative.
 * Presentation attributes only (the Content-Security-Policy blocks inline styles).
 */
import { html, nothing, svg, type TemplateResult } from "lit";
import type { Scenario } from "../../lib/scenario/schema.ts";
import type { Outcome } from "../../lib/scenario/vocabulary.ts";
import type { ScenarioAnalysis } from "../../lib/statistics/decision-analysis.ts";
import { decisionGraph, type DecisionEdgeView, type DecisionLayout, type DecisionNodeView } from "../../lib/statistics/decision-graph.ts";
import type { Say } from "../../lib/statistics/report-csv.ts";
import { textWidth } from "../../lib/scenario-graph/text.ts";

// The trainers' graph colours (scenario-graph/svg.ts, which is build-time code): text 4.5:1 on the fills, lines 3:1 on white.
const INK = "#1d1d1f";
const LINE = "#3d3d42";
const MISTAKE = "#a3261b";
const UNTAKEN = "#76767b";
const DECISION = "#8a2b0b";
const AUTO_FILL = "#f3f1ec";
const outcomeStroke: Record<Outcome, string> = {
  "lawful-agreement": "#2e6b34",
  "correct-referral": "#1f4f8f",
  "unlawful-agreement": "#a3261b",
  escalation: "#8a4b00",
  breakdown: "#5d3a86",
};
const PAD_X = 10;
const PAD_Y = 8;
const LINE_HEIGHT = 17;
const LABEL_LINE = 14;

const percent = (x: number | undefined) => (x === undefined ? "—" : `${Math.round(x * 100)}%`);

function edgeWords(edge: DecisionEdgeView, say: Say): { name: string; figures: string } {
  const name = edge.kind === "agreement" ? say(edge.choice === "unlawful" ? "report.page.graph.unlawful" : "report.page.graph.lawful") : (edge.label?.text ?? "");
  const figures = say("report.page.graph.edgeFigures", { n: edge.learners, share: percent(edge.shareAtNode) });
  return { name, figures: edge.mistake ? `⚠ ${say("report.page.scenarios.mistakeTag")} ${figures}` : figures };
}

function edgeSvg(edge: DecisionEdgeView, idPrefix: string) {
  if (!edge.d) return nothing;
  const color = edge.mistake ? MISTAKE : edge.learners ? LINE : UNTAKEN;
  const marker = edge.mistake ? "mistake" : edge.learners ? "taken" : "untaken";
  return svg`<path class=${`decision-edge${edge.mistake ? " is-mistake" : ""}${edge.learners ? "" : " is-untaken"}`} data-from=${edge.from} data-to=${edge.to} data-choice=${edge.choice} data-learners=${edge.learners}
    d=${edge.d} fill="none" stroke=${color} stroke-width=${edge.width} stroke-dasharray=${edge.learners ? nothing : "3 4"} marker-end=${`url(#${idPrefix}-${marker})`}></path>`;
}

function labelSvg(edge: DecisionEdgeView, say: Say) {
  if (!edge.label || !edge.d) return nothing;
  const { name, figures } = edgeWords(edge, say);
  const { x, y } = edge.label;
  const w = Math.max(textWidth(name, 11), textWidth(figures, 11, true)) + 8;
  const h = 2 * LABEL_LINE + 4;
  return svg`<g class="decision-label">
    <rect x=${x - w / 2} y=${y - h / 2} width=${w} height=${h} rx="3" fill="#ffffff" fill-opacity="0.94"></rect>
    <text x=${x} y=${y - h / 2 + 2 + LABEL_LINE * 0.78} text-anchor="middle" font-size="11" fill=${INK}>${name}</text>
    <text x=${x} y=${y - h / 2 + 2 + LABEL_LINE * 1.78} text-anchor="middle" font-size="11" font-weight="700" fill=${edge.mistake ? MISTAKE : INK}>${figures}</text>
  </g>`;
}

function nodeSvg(node: DecisionNodeView, players: number, say: Say) {
  const decision = node.kind === "choice" || node.kind === "agreement";
  const stroke = !node.reached ? UNTAKEN : node.outcome ? outcomeStroke[node.outcome] : decision ? DECISION : "#6b6b70";
  const lines: { text: string; bold?: boolean; color?: string }[] = [{ text: node.id, bold: true }];
  if (node.outcome) lines.push({ text: say(`report.outcome.${node.outcome}`), bold: true, color: outcomeStroke[node.outcome] });
  lines.push({ text: node.text });
  lines.push(
    node.reached
      ? { text: say("report.page.graph.nodeFigures", { n: node.learners, share: percent(players ? node.learners / players : undefined) }), bold: true }
      : { text: say("report.page.graph.unreached"), bold: true, color: MISTAKE },
  );
  return svg`<g class=${`decision-node${node.reached ? "" : " is-unreached"}`} data-node=${node.id} data-learners=${node.learners}>
    <rect x=${node.x} y=${node.y} width=${node.w} height=${node.h} rx=${node.outcome ? 14 : 5} fill=${node.reached ? (decision || node.outcome ? "#ffffff" : AUTO_FILL) : "#ffffff"}
      stroke=${stroke} stroke-width=${node.outcome ? 3 : decision ? 2.2 : 1.2} stroke-dasharray=${node.reached ? nothing : "5 3"}></rect>
    ${lines.map(
      (line, k) =>
        svg`<text x=${node.x + PAD_X} y=${node.y + PAD_Y + LINE_HEIGHT * (k + 0.78)} font-size=${k === 0 ? 13 : 12} font-weight=${line.bold ? 700 : nothing} fill=${line.color ?? INK}>${line.text}</text>`,
    )}
  </g>`;
}

const marker = (id: string, color: string) =>
  svg`<marker id=${id} viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto"><path d="M0 0L10 5L0 10Z" fill=${color}></path></marker>`;

/**
 * On a narrow screen, scroll the drawing's box (once, when its <details> first opens) so
 * that the start node is in view rather than the blank left edge of a wide graph.
 */
export function showStart(event: Event): void {
  const box = (event.currentTarget as HTMLElement).querySelector<HTMLElement>(".decision-graph__scroll[data-start-x]");
  if (!box || box.dataset.placed || !(event.currentTarget as HTMLDetailsElement).open) return;
  box.scrollLeft = Math.max(0, Number(box.dataset.startX) - box.clientWidth / 2);
  box.dataset.placed = "1";
}

/** The figure: caption, how to read it, and the drawing in a scrollable region. Loaded with the first files (class-report.ts). */
export function decisionGraphFigure(layout: DecisionLayout, scenario: Scenario, analysis: ScenarioAnalysis, say: Say): TemplateResult {
  const view = decisionGraph(layout, scenario, analysis);
  const first = view.nodes.find((n) => n.id === scenario.start);
  const startX = first ? first.x + first.w / 2 : 0;
  const id = `decision-${scenario.id}`;
  const summary = say("report.page.graph.summary", { title: scenario.title, n: view.players, unreached: view.unreached.length });
  return html`<figure class="decision-graph" data-scenario=${scenario.id}>
    <figcaption id=${`${id}-caption`}>${say("report.page.graph.caption", { title: scenario.title })}</figcaption>
    <p class="decision-graph__how">${say("report.page.graph.how")}</p>
    <div class="decision-graph__scroll" tabindex="0" role="region" aria-labelledby=${`${id}-caption`} data-start-x=${startX}>
      <svg viewBox="0 0 ${view.width} ${view.height}" width=${view.width} height=${view.height} role="img" aria-label=${summary}>
        <defs>${marker(`${id}-taken`, LINE)}${marker(`${id}-mistake`, MISTAKE)}${marker(`${id}-untaken`, UNTAKEN)}</defs>
        <g>${view.edges.map((e) => edgeSvg(e, id))}</g>
        <g>${view.edges.map((e) => labelSvg(e, say))}</g>
        <g>${view.nodes.map((n) => nodeSvg(n, view.players, say))}</g>
      </svg>
    </div>
  </figure>`;
}
