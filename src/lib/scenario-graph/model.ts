/**
 * A scenario as the trainers' graph view sees it: nodes with a short description and
 * their status, links merged per pair of nodes, and the rows of the text alternative.
 * Pure (scenario in, plain data out); conditions are ignored, as in graph.ts.
 */
import { edges as scenarioEdges, graphCounts, reachable, reachesEnding, type Edge } from "../scenario/graph.ts";
import { outcomes, type NodeKind, type Outcome, type Scenario, type ScenarioNode } from "../scenario/schema.ts";

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** For endings. */
  outcome?: Outcome;
  /** One line about the node: the prompt, the narration, the ending's title … */
  summary: string;
  start: boolean;
  /** False when no link leads here from the start (graph.ts `reachable`). */
  reachable: boolean;
  /** False when no ending can be reached from here (graph.ts `reachesEnding`). */
  reachesEnding: boolean;
}

export type LinkKind = "choice" | "auto" | "agreement";

/** All links from one node to another, merged: two choices to the same node are one arrow. */
export interface GraphLink {
  from: string;
  to: string;
  kind: LinkKind;
  /** Choice ids, or `lawful` / `unlawful`; empty for plain `next`. */
  labels: string[];
  /** For choice links: each choice's text, in the order of `labels` (the graph shows these, the ids only on hover). */
  texts?: string[];
  /** True when every merged link is taken only under a condition. */
  conditional: boolean;
}

export interface ScenarioGraph {
  nodes: GraphNode[];
  links: GraphLink[];
  /** Links whose target node does not exist (only in a scenario the checker rejects). */
  broken: Edge[];
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function nodeSummary(scenario: Scenario, node: ScenarioNode): string {
  switch (node.kind) {
    case "narration":
      return oneLine(node.text);
    case "dialogue": {
      const first = node.lines[0];
      const who = scenario.parties.find((p) => p.id === first.speaker)?.name;
      return oneLine(who ? `${who}：${first.text}` : first.text);
    }
    case "evidence":
      return oneLine(node.title);
    case "choice":
    case "agreement":
      return oneLine(node.prompt);
    case "ending":
      return oneLine(node.title);
  }
}

/** Every choice's text on one line, by choice id (ids are unique in a scenario). */
function choiceTexts(scenario: Scenario): Map<string, string> {
  const texts = new Map<string, string>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === "choice") node.choices.forEach((c) => texts.set(c.id, oneLine(c.text)));
  }
  return texts;
}

const linkKind = (node: ScenarioNode): LinkKind => (node.kind === "choice" ? "choice" : node.kind === "agreement" ? "agreement" : "auto");

export function scenarioGraph(scenario: Scenario): ScenarioGraph {
  const all = scenarioEdges(scenario);
  const canReach = reachable(scenario, all);
  const canEnd = reachesEnding(scenario, all);
  // The start first: the layout breaks cycles from the first node.
  const ids = Object.keys(scenario.nodes).sort((a, b) => Number(b === scenario.start) - Number(a === scenario.start));
  const nodes = ids.map((id): GraphNode => {
    const node = scenario.nodes[id];
    return {
      id,
      kind: node.kind,
      outcome: node.kind === "ending" ? node.outcome : undefined,
      summary: nodeSummary(scenario, node),
      start: id === scenario.start,
      reachable: canReach.has(id),
      reachesEnding: canEnd.has(id),
    };
  });
  const texts = choiceTexts(scenario);
  const links = new Map<string, GraphLink>();
  const broken: Edge[] = [];
  for (const e of all) {
    if (!(e.to in scenario.nodes)) {
      broken.push(e);
      continue;
    }
    const key = `${e.from}\u0000${e.to}`;
    const link = links.get(key);
    const kind = linkKind(scenario.nodes[e.from]);
    const text = kind === "choice" && e.label ? (texts.get(e.label) ?? e.label) : undefined;
    if (!link) {
      links.set(key, { from: e.from, to: e.to, kind, labels: e.label ? [e.label] : [], ...(text !== undefined && { texts: [text] }), conditional: e.conditional });
      continue;
    }
    if (e.label && !link.labels.includes(e.label)) {
      link.labels.push(e.label);
      if (text !== undefined) link.texts?.push(text);
    }
    link.conditional &&= e.conditional;
  }
  return { nodes, links: [...links.values()], broken };
}

// ── Counts for the list ───────────────────────────────────────────────────────

/** What the issue asks of every shipped scenario. */
export const PUBLISH_RULES = { decisions: 15, endings: 3 } as const;

export interface ScenarioFigures {
  nodes: number;
  choices: number;
  decisions: number;
  endings: number;
  /** Ending nodes per outcome, in the order of `outcomes`, only outcomes that occur. */
  byOutcome: { outcome: Outcome; count: number }[];
  /** Which publishing rules it misses (empty when it meets them). */
  short: { rule: keyof typeof PUBLISH_RULES; have: number; need: number }[];
}

export function scenarioFigures(scenario: Scenario): ScenarioFigures {
  const counts = graphCounts(scenario);
  const endings = Object.values(scenario.nodes).flatMap((n) => (n.kind === "ending" ? [n.outcome] : []));
  const byOutcome = outcomes.map((outcome) => ({ outcome, count: endings.filter((e) => e === outcome).length })).filter((o) => o.count > 0);
  const short = (Object.keys(PUBLISH_RULES) as (keyof typeof PUBLISH_RULES)[])
    .filter((rule) => counts[rule] < PUBLISH_RULES[rule])
    .map((rule) => ({ rule, have: counts[rule], need: PUBLISH_RULES[rule] }));
  return { ...counts, byOutcome, short };
}

// ── The text alternative ──────────────────────────────────────────────────────

export interface OutLink {
  to: string;
  /** Choice id (choice nodes), `lawful` / `unlawful` (agreement nodes), absent for `next`. */
  label?: string;
  /** The choice's text, for choice links. */
  text?: string;
  conditional: boolean;
  /** The target does not exist. */
  missing: boolean;
}

export interface NodeRow extends GraphNode {
  out: OutLink[];
  /** Nodes with a link to this one, each once, in the order of the file. */
  from: string[];
}

/** One row per node, in the order of the file, start first: what the graph shows, as text. */
export function nodeRows(scenario: Scenario, graph: ScenarioGraph = scenarioGraph(scenario)): NodeRow[] {
  const all = scenarioEdges(scenario);
  const choiceText = choiceTexts(scenario);
  return graph.nodes.map((node): NodeRow => {
    const kind = scenario.nodes[node.id].kind;
    const out = all
      .filter((e) => e.from === node.id)
      .map((e): OutLink => ({
        to: e.to,
        label: e.label,
        text: kind === "choice" && e.label ? choiceText.get(e.label) : undefined,
        conditional: e.conditional,
        missing: !(e.to in scenario.nodes),
      }));
    const from = [...new Set(all.filter((e) => e.to === node.id).map((e) => e.from))];
    return { ...node, out, from };
  });
}
