/**
 * Exhaustive exploration of every run a learner can produce. The state that decides what
 * happens next is only (node, variables, flags), all finite, so we enumerate it exactly
 * (breadth-first, with the engine's own step functions) instead of approximating with
 * intervals: no false alarms from hub-and-spoke loops, and each finding comes with the
 * shortest route that produces it. Agreement nodes are explored with two sample drafts,
 * one lawful and one containing a defective clause; an incomplete draft changes nothing.
 */
import { sampleDraft } from "./agreement.ts";
import { resolveNext } from "./condition.ts";
import type { Scenario } from "./schema.ts";
import type { Step } from "./state.ts";
import { advance, applyEffects, AutoLoopError, initialPosition, nodeAt, offeredChoices, type Position } from "./step.ts";

export interface OverflowFinding {
  node: string;
  /** Index of the choice within its node, to locate the effect. */
  choiceIndex: number;
  choice: string;
  variable: string;
  source: "set" | "add";
  attempted: number;
  /** The route, ending with the offending choice. */
  route: Step[];
}

export interface Exploration {
  /** False when the state limit was hit; then only `states` is meaningful. */
  complete: boolean;
  states: number;
  /** Every node some run shows, self-advancing ones included. */
  reached: Set<string>;
  /** Choice nodes where, after the route given, no choice's condition holds. */
  stuck: Map<string, Step[]>;
  /** Nodes from which, after the route given, no ending can be reached any more. */
  trapped: Map<string, Step[]>;
  /** Nodes where self-advancing nodes loop forever, with the route that gets there. */
  loops: Map<string, Step[]>;
  overflows: OverflowFinding[];
  /** Shortest route to each reachable ending, replayable with the engine. */
  routes: Map<string, Step[]>;
}

/** About 2–5 s of work in the worst case; a playable scenario is far below it. */
export const DEFAULT_STATE_LIMIT = 100_000;

interface Explored {
  position: Position;
  parent: number;
  via?: Step;
  next: number[];
  stuck: boolean;
}

export function explore(scenario: Scenario, limit = DEFAULT_STATE_LIMIT): Exploration {
  const varNames = Object.keys(scenario.variables);
  const flagNames = Object.keys(scenario.flags);
  // Hot path: plain loops, no intermediate arrays.
  const keyOf = (p: Position) => {
    let key = p.node;
    for (const n of varNames) key += `,${p.vars[n]}`;
    key += "|";
    for (const n of flagNames) key += p.flags[n] ? "1" : "0";
    return key;
  };

  const result: Exploration = {
    complete: true,
    states: 0,
    reached: new Set(),
    stuck: new Map(),
    trapped: new Map(),
    loops: new Map(),
    overflows: [],
    routes: new Map(),
  };
  const states: Explored[] = [];
  const index = new Map<string, number>();
  const overflowSeen = new Set<string>();

  const route = (i: number, last?: Step): Step[] => {
    const steps: Step[] = last ? [last] : [];
    for (let at = i; at >= 0 && states[at].via; at = states[at].parent) steps.unshift(states[at].via!);
    return steps;
  };

  /** Follow self-advancing nodes from `to`; record the state reached, or the loop met. */
  const enter = (from: number, via: Step | undefined, to: Position): number | undefined => {
    let arrived: { position: Position; visited: string[] };
    try {
      arrived = advance(scenario, to);
    } catch (error) {
      if (!(error instanceof AutoLoopError)) throw error;
      if (!result.loops.has(error.node)) result.loops.set(error.node, route(from, via));
      return undefined;
    }
    arrived.visited.forEach((id) => result.reached.add(id));
    const key = keyOf(arrived.position);
    const known = index.get(key);
    if (known !== undefined) return known;
    if (states.length >= limit) {
      result.complete = false;
      return undefined;
    }
    states.push({ position: arrived.position, parent: from, via, next: [], stuck: false });
    index.set(key, states.length - 1);
    const node = nodeAt(scenario, arrived.position.node);
    if (node.kind === "ending" && !result.routes.has(arrived.position.node)) result.routes.set(arrived.position.node, route(states.length - 1));
    return states.length - 1;
  };

  enter(-1, undefined, initialPosition(scenario));
  for (let i = 0; i < states.length && result.complete; i++) {
    const { position } = states[i];
    const node = nodeAt(scenario, position.node);
    const successors: number[] = [];
    if (node.kind === "choice") {
      const offered = offeredChoices(scenario, position);
      for (const choice of offered) {
        const step: Step = { choice: choice.id };
        const taken = applyEffects(scenario, position, choice.effects);
        for (const o of taken.overflows) {
          const key = `${position.node}|${choice.id}|${o.variable}|${o.source}`;
          if (overflowSeen.has(key)) continue;
          overflowSeen.add(key);
          result.overflows.push({
            node: position.node,
            choiceIndex: node.choices.indexOf(choice),
            choice: choice.id,
            variable: o.variable,
            source: o.source,
            attempted: o.attempted,
            route: route(i, step),
          });
        }
        const j = enter(i, step, { node: resolveNext(choice.next, taken), vars: taken.vars, flags: taken.flags });
        if (j !== undefined) successors.push(j);
      }
      if (!offered.length) states[i].stuck = true;
    } else if (node.kind === "agreement") {
      for (const verdict of ["lawful", "unlawful"] as const) {
        const branches = node.next[verdict];
        const draft = branches && sampleDraft(node, scenario.parties, verdict);
        if (!branches || !draft) continue;
        const j = enter(i, { agreement: draft }, { ...position, node: resolveNext(branches, position) });
        if (j !== undefined) successors.push(j);
      }
      if (!successors.length) states[i].stuck = true;
    }
    states[i].next = successors;
  }
  result.states = states.length;
  if (!result.complete) return result;

  // Which states can still reach an ending: walk the explored edges backwards.
  const into: number[][] = states.map(() => []);
  states.forEach((s, i) => s.next.forEach((j) => into[j].push(i)));
  const canEnd = new Array<boolean>(states.length).fill(false);
  const queue = states.flatMap((s, i) => (nodeAt(scenario, s.position.node).kind === "ending" ? [i] : []));
  queue.forEach((i) => (canEnd[i] = true));
  for (let q = 0; q < queue.length; q++) {
    for (const p of into[queue[q]]) {
      if (!canEnd[p]) {
        canEnd[p] = true;
        queue.push(p);
      }
    }
  }
  states.forEach((s, i) => {
    const id = s.position.node;
    if (s.stuck) {
      if (!result.stuck.has(id)) result.stuck.set(id, route(i));
    } else if (!canEnd[i] && !result.trapped.has(id)) result.trapped.set(id, route(i));
  });
  return result;
}
