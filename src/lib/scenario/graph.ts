/**
 * The scenario as a graph of nodes and links, ignoring conditions. The checker uses it
 * for structural rules; the trainers' graph view can draw it.
 */
import type { FieldPath } from "../content/source.ts";
import type { Branch, Scenario } from "./schema.ts";

export interface Edge {
  from: string;
  to: string;
  /** Where the link is written, for error locations. */
  path: FieldPath;
  /** Choice id, or `lawful` / `unlawful` for an agreement node; absent for plain `next`. */
  label?: string;
  /** True when the link is taken only under a condition (a choice's or an `if`). */
  conditional: boolean;
}

const branchEdges = (from: string, branches: readonly Branch[], path: FieldPath, label?: string, conditional = false): Edge[] =>
  branches.map((b, i) => ({ from, to: b.to, path: [...path, i, "to"], label, conditional: conditional || b.if !== undefined }));

export function edges(scenario: Scenario): Edge[] {
  return Object.entries(scenario.nodes).flatMap(([id, node]): Edge[] => {
    const at: FieldPath = ["nodes", id];
    switch (node.kind) {
      case "narration":
      case "dialogue":
      case "evidence":
        return branchEdges(id, node.next, [...at, "next"]);
      case "choice":
        return node.choices.flatMap((c, i) => branchEdges(id, c.next, [...at, "choices", i, "next"], c.id, c.condition !== undefined));
      case "agreement":
        return [
          ...branchEdges(id, node.next.lawful, [...at, "next", "lawful"], "lawful"),
          ...(node.next.unlawful ? branchEdges(id, node.next.unlawful, [...at, "next", "unlawful"], "unlawful") : []),
        ];
      case "ending":
        return [];
    }
  });
}

/** Nodes reachable from `start` by links to existing nodes. */
export function reachable(scenario: Scenario, all: readonly Edge[] = edges(scenario)): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of all) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const queue = scenario.start in scenario.nodes ? [scenario.start] : [];
  for (const id of queue) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const to of out.get(id) ?? []) if (to in scenario.nodes && !seen.has(to)) queue.push(to);
  }
  return seen;
}

/** Nodes from which some ending can be reached by links to existing nodes. */
export function reachesEnding(scenario: Scenario, all: readonly Edge[] = edges(scenario)): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of all) into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  const queue = Object.keys(scenario.nodes).filter((id) => scenario.nodes[id].kind === "ending");
  const seen = new Set<string>();
  for (const id of queue) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const from of into.get(id) ?? []) if (!seen.has(from)) queue.push(from);
  }
  return seen;
}

/** Counts for the scenario list. */
export function graphCounts(scenario: Scenario): { nodes: number; choices: number; decisions: number; endings: number } {
  const nodes = Object.values(scenario.nodes);
  return {
    nodes: nodes.length,
    choices: nodes.reduce((n, node) => n + (node.kind === "choice" ? node.choices.length : 0), 0),
    decisions: nodes.filter((n) => n.kind === "choice" || n.kind === "agreement").length,
    endings: nodes.filter((n) => n.kind === "ending").length,
  };
}
