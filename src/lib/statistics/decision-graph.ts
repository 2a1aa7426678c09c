/**
 * The class's decisions drawn over a scenario's branching graph: the graph's layout is
 * made at build time (decision-layout.ts, elkjs) and shipped in trainers/class/data.json;
 * this module joins it with a ScenarioAnalysis in the browser. Pure and small: no layout
 * library, no DOM. Edge width tells how many of the scenario's players went along a link;
 * the label says how many learners and what share of those at the decision point; nodes
 * nobody reached and mistaken links are flagged as data, which the drawing says in words.
 */
import type { LinkKind } from "../scenario-graph/model.ts";
import type { Outcome, Scenario } from "../scenario/schema.ts";
import { linkKey, type ScenarioAnalysis } from "./decision-analysis.ts";

/** A node's box, top-left corner and size, and the one line of its content the box shows. */
export interface LaidNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The node's summary, shortened to fit the box. */
  text: string;
}

/** One link of the scenario per choice (not merged per pair of nodes as on the trainers' graph: each choice has its own figures). */
export interface LaidEdge {
  from: string;
  to: string;
  kind: LinkKind;
  /** The choice id, `lawful` / `unlawful` at an agreement node, "" for `next` (decision-analysis.ts `linkKey`). */
  choice: string;
  /** SVG path data from the source's border to the target's ("" when the layout gave no route). */
  d: string;
  /** Centre of the label box, and the choice text it shows (shortened); absent for `next`. */
  label?: { x: number; y: number; text: string };
}

/** One scenario's graph as the class page receives it. */
export interface DecisionLayout {
  scenario: string;
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

/** Stroke widths of a link, in px: nobody went along it … every player did. */
export const EDGE_WIDTH = { min: 1.5, max: 12 } as const;

/** The stroke width for a link `learners` of `players` went along (thin when nobody played). */
export function edgeWidth(learners: number, players: number): number {
  const share = players > 0 ? Math.min(1, Math.max(0, learners / players)) : 0;
  return Math.round((EDGE_WIDTH.min + share * (EDGE_WIDTH.max - EDGE_WIDTH.min)) * 10) / 10;
}

export interface DecisionNodeView extends LaidNode {
  kind: Scenario["nodes"][string]["kind"];
  outcome?: Outcome;
  /** Distinct learners shown this node. */
  learners: number;
  /** False when no learner of the class was shown it. */
  reached: boolean;
}

export interface DecisionEdgeView extends LaidEdge {
  /** Distinct learners who went along this link. */
  learners: number;
  /** learners / the scenario's players (what the width shows), 0..1. */
  share: number;
  /** learners / the learners shown the link's source node (the tables' "share"), or undefined when nobody was. */
  shareAtNode: number | undefined;
  width: number;
  /** The link is a mistake: a choice the scenario marks `mistake`, or the unlawful branch of an agreement. */
  mistake: boolean;
}

export interface DecisionGraphView {
  scenario: string;
  width: number;
  height: number;
  players: number;
  nodes: DecisionNodeView[];
  edges: DecisionEdgeView[];
  /** Nodes of the graph no learner reached, in layout order. */
  unreached: string[];
}

/** Whether a link is a mistake; its source node exists (decisionGraph keeps only links between nodes the scenario has). */
function isMistake(scenario: Scenario, edge: LaidEdge): boolean {
  const node = scenario.nodes[edge.from];
  if (node.kind === "agreement") return edge.choice === "unlawful";
  return node.kind === "choice" && node.choices.some((c) => c.id === edge.choice && c.mistake === true);
}

/**
 * The drawing's data. Nodes and links of the layout that the scenario no longer has (it
 * was edited after the build) are left out rather than drawn with made-up figures.
 */
export function decisionGraph(layout: DecisionLayout, scenario: Scenario, analysis: ScenarioAnalysis): DecisionGraphView {
  const players = analysis.learners;
  const shown = new Map(analysis.nodes.map((n) => [n.node, n.learners]));
  const taken = new Map(analysis.links.map((l) => [linkKey(l.from, l.to, l.label), l.learners]));
  const nodes = layout.nodes.flatMap((n): DecisionNodeView[] => {
    const node = scenario.nodes[n.id];
    if (!node) return [];
    const learners = shown.get(n.id) ?? 0;
    return [{ ...n, kind: node.kind, outcome: node.kind === "ending" ? node.outcome : undefined, learners, reached: learners > 0 }];
  });
  const present = new Set(nodes.map((n) => n.id));
  const edges = layout.edges
    .filter((e) => present.has(e.from) && present.has(e.to))
    .map((e): DecisionEdgeView => {
      const learners = taken.get(linkKey(e.from, e.to, e.choice)) ?? 0;
      const atNode = shown.get(e.from) ?? 0;
      return {
        ...e,
        learners,
        share: players > 0 ? learners / players : 0,
        shareAtNode: atNode > 0 ? learners / atNode : undefined,
        width: edgeWidth(learners, players),
        mistake: isMistake(scenario, e),
      };
    });
  return { scenario: layout.scenario, width: layout.width, height: layout.height, players, nodes, edges, unreached: nodes.filter((n) => !n.reached).map((n) => n.id) };
}
