/**
 * Build time only (elkjs): each scenario's branching graph laid out for the class report's
 * decision drawing, by the same layered layout as the trainers' graph pages
 * (scenario-graph/layout.ts) over the same nodes (scenario-graph/model.ts), with one link
 * per choice rather than one per pair of nodes, since each choice has its own figures.
 * The boxes are sized for what the class drawing shows (id, one line of content, the
 * class's figures; endings also their outcome), and each decision link reserves a label
 * for its choice text and figures. Coordinates are rounded to whole px: the result travels
 * in trainers/class/data.json, and the browser only draws it (decision-graph.ts).
 */
import type { Scenario } from "../scenario/schema.ts";
import { layeredLayout, type LayoutEdgeInput } from "../scenario-graph/layout.ts";
import { scenarioGraph, type LinkKind } from "../scenario-graph/model.ts";
import { edges as scenarioEdges } from "../scenario/graph.ts";
import { linkKey } from "./decision-analysis.ts";
import { edgePath, metrics } from "../scenario-graph/svg.ts";
import { fitText, textWidth } from "../scenario-graph/text.ts";
import type { DecisionLayout } from "./decision-graph.ts";

/** Room for the figures line of a label ("⚠ 失误 3000 人 · 100%"), in px at the label size. */
export const FIGURES_WIDTH = 132;
/** The widest a label's choice text may be, in px at the label size (about 13 Chinese characters). */
export const CHOICE_TEXT_WIDTH = 150;
/** Room for an agreement link's words (at most 8 characters), in px at the label size. */
const AGREEMENT_WIDTH = 8 * metrics.labelSize;

/** Lines a node box shows: id, content, figures; an ending adds its outcome. */
export const nodeLines = (kind: string) => (kind === "ending" ? 4 : 3);

export async function decisionLayout(scenario: Scenario): Promise<DecisionLayout> {
  const { nodeWidth, padX, padY, lineHeight, textSize, labelSize, labelLineHeight } = metrics;
  const graph = scenarioGraph(scenario);
  const choiceText = new Map<string, string>();
  for (const node of Object.values(scenario.nodes)) if (node.kind === "choice") for (const c of node.choices) choiceText.set(c.id, c.text.replace(/\s+/g, " ").trim());
  // One link per choice and target (a choice whose `next` branches has one per target); twice the same is drawn once.
  const seen = new Set<string>();
  const links = scenarioEdges(scenario).flatMap((e) => {
    const choice = e.label ?? "";
    const key = linkKey(e.from, e.to, choice);
    if (!(e.to in scenario.nodes) || seen.has(key)) return [];
    seen.add(key);
    const from = scenario.nodes[e.from].kind;
    const kind: LinkKind = from === "choice" ? "choice" : from === "agreement" ? "agreement" : "auto";
    return [{ from: e.from, to: e.to, choice, kind, text: kind === "choice" ? fitText(choiceText.get(choice) ?? choice, CHOICE_TEXT_WIDTH, labelSize) : "" }];
  });
  const nodes = graph.nodes.map((n) => ({ id: n.id, width: nodeWidth, height: 2 * padY + nodeLines(n.kind) * lineHeight }));
  const edges = links.map((l, i): LayoutEdgeInput => {
    const textRoom = l.kind === "choice" ? textWidth(l.text, labelSize) : AGREEMENT_WIDTH;
    return {
      id: String(i),
      from: l.from,
      to: l.to,
      label: l.kind === "auto" ? undefined : { width: Math.max(textRoom, FIGURES_WIDTH) + 10, height: 2 * labelLineHeight + 4 },
    };
  });
  const laid = await layeredLayout(nodes, edges);
  const px = Math.round;
  return {
    scenario: scenario.id,
    width: Math.ceil(laid.width),
    height: Math.ceil(laid.height),
    nodes: laid.nodes.map((n, i) => ({
      id: n.id,
      x: px(n.x - n.width / 2),
      y: px(n.y - n.height / 2),
      w: n.width,
      h: n.height,
      text: fitText(graph.nodes[i].summary, nodeWidth - 2 * padX, textSize),
    })),
    edges: laid.edges.map((e, i) => {
      const { from, to, kind, choice, text } = links[i];
      return {
        from,
        to,
        kind,
        choice,
        d: e.points.length ? edgePath(e.points.map((p) => ({ x: px(p.x), y: px(p.y) }))) : "",
        label: e.label && kind !== "auto" ? { x: px(e.label.x), y: px(e.label.y), text } : undefined,
      };
    }),
  };
}
