/**
 * The rules of motion, shared by the engine (which keeps a full RunState) and the checker's
 * exploration (which keeps only node, variables and flags). One implementation, so the
 * checker proves things about exactly the runs the player can produce.
 */
import { evalCondition, resolveNext, type Env } from "./condition.ts";
import type { Choice, Effects, Scenario, ScenarioNode } from "./schema.ts";
import { isInteractive } from "./vocabulary.ts";

/** Where a run stands, as far as the rules are concerned. */
export interface Position extends Env {
  node: string;
  vars: Record<string, number>;
  flags: Record<string, boolean>;
}

/** An effect that tried to leave [min, max]; `value` is what was kept. */
export interface Overflow {
  variable: string;
  source: "set" | "add";
  attempted: number;
  value: number;
}

/** Misuse of the engine or a scenario that the checker would reject; message in zh-CN. */
export class ScenarioRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioRunError";
  }
}

/** Self-advancing nodes that lead back to `node` without any decision in between. */
export class AutoLoopError extends ScenarioRunError {
  constructor(readonly node: string) {
    super(`节点 ${node} 会自己绕回自己：这一串叙述、对话或证据节点之间形成了死循环`);
    this.name = "AutoLoopError";
  }
}

export function nodeAt(scenario: Scenario, id: string): ScenarioNode {
  const node = scenario.nodes[id];
  if (!node) throw new ScenarioRunError(`情景 ${scenario.id} 中没有节点 ${id}`);
  return node;
}

export function initialPosition(scenario: Scenario): Position {
  return {
    node: scenario.start,
    vars: Object.fromEntries(Object.entries(scenario.variables).map(([name, v]) => [name, v.initial])),
    flags: Object.fromEntries(Object.entries(scenario.flags).map(([name, f]) => [name, f.initial])),
  };
}

/**
 * Apply `set` then `add`. Out-of-range results are clamped and reported, never silently:
 * the checker rejects scenarios where this can happen, the engine records it if it does.
 */
export function applyEffects(
  scenario: Scenario,
  env: Env,
  effects: Effects | undefined,
): { vars: Record<string, number>; flags: Record<string, boolean>; overflows: Overflow[] } {
  const vars = { ...env.vars };
  const flags = { ...env.flags };
  const overflows: Overflow[] = [];
  const put = (name: string, attempted: number, source: Overflow["source"]) => {
    const range = scenario.variables[name];
    if (!range) throw new ScenarioRunError(`没有定义变量 ${name}`);
    const value = Math.min(range.max, Math.max(range.min, attempted));
    if (value !== attempted) overflows.push({ variable: name, source, attempted, value });
    vars[name] = value;
  };
  for (const [name, value] of Object.entries(effects?.set ?? {})) {
    if (typeof value === "boolean") {
      if (!(name in scenario.flags)) throw new ScenarioRunError(`没有定义标记 ${name}`);
      flags[name] = value;
    } else put(name, value, "set");
  }
  for (const [name, delta] of Object.entries(effects?.add ?? {})) {
    if (!(name in scenario.variables)) throw new ScenarioRunError(`没有定义变量 ${name}`);
    put(name, vars[name] + delta, "add");
  }
  return { vars, flags, overflows };
}

/**
 * Follow narration, dialogue and evidence nodes until one that waits for the learner.
 * Returns every node passed through, the first and the last included. Those nodes have
 * no effects, so meeting one twice in a row of auto-advances is an endless loop.
 */
export function advance(scenario: Scenario, position: Position): { position: Position; visited: string[] } {
  const visited: string[] = [];
  let id = position.node;
  for (;;) {
    const node = nodeAt(scenario, id);
    if (visited.includes(id)) throw new AutoLoopError(id);
    visited.push(id);
    if (isInteractive(node)) return { position: { ...position, node: id }, visited };
    id = resolveNext(node.next, position);
  }
}

/** Choices at the current node whose conditions hold, in the author's order. */
export function offeredChoices(scenario: Scenario, position: Position): Choice[] {
  const node = nodeAt(scenario, position.node);
  return node.kind === "choice" ? node.choices.filter((c) => !c.condition || evalCondition(c.condition, position)) : [];
}

