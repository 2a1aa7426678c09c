/**
 * The deterministic scenario engine. Every function is pure: it takes a RunState and
 * returns a new one, never mutating its input, so a run can be saved after each step,
 * resumed, and replayed from its log with identical results.
 */
import { checkAgreement, type AgreementDraft } from "./agreement.ts";
import { resolveNext } from "./condition.ts";
import type { Choice, Scenario, ScoreDelta } from "./schema.ts";
import { savedRunSchema, type RunState, type Step } from "./state.ts";
import { advance, applyEffects, initialPosition, nodeAt, offeredChoices, ScenarioRunError, type Position } from "./step.ts";
import { rubricDimensions } from "./vocabulary.ts";

export { ScenarioRunError } from "./step.ts";

const position = (state: RunState): Position => ({ node: state.node, vars: state.vars, flags: state.flags });

const addScore = (score: RunState["score"], delta: ScoreDelta | undefined): RunState["score"] =>
  delta ? { procedure: score.procedure + (delta.procedure ?? 0), relationship: score.relationship + (delta.relationship ?? 0), outcome: score.outcome + (delta.outcome ?? 0) } : score;

/**
 * Move to `target` and on through self-advancing nodes, recording what the learner is
 * shown: trail, revealed evidence, moods from dialogue, and an ending's points.
 */
function arrive(scenario: Scenario, state: RunState, target: string, step: number): RunState {
  const { position: at, visited } = advance(scenario, { node: target, vars: state.vars, flags: state.flags });
  const trail = [...state.trail];
  const evidence = [...state.evidence];
  const moods = { ...state.moods };
  let score = state.score;
  for (const id of visited) {
    const node = nodeAt(scenario, id);
    trail.push({ node: id, step });
    if (node.kind === "evidence" && !evidence.includes(id)) evidence.push(id);
    if (node.kind === "dialogue") for (const line of node.lines) if (line.mood && line.speaker in moods) moods[line.speaker] = line.mood;
    if (node.kind === "ending") score = addScore(score, node.score);
  }
  return { ...state, node: at.node, trail, evidence, moods, score };
}

/** A new run, already advanced to the first node that waits for the learner. */
export function start(scenario: Scenario): RunState {
  const initial = initialPosition(scenario);
  const state: RunState = {
    version: 1,
    scenario: scenario.id,
    node: initial.node,
    vars: initial.vars,
    flags: initial.flags,
    moods: Object.fromEntries(scenario.parties.map((p) => [p.id, p.mood])),
    score: Object.fromEntries(rubricDimensions.map((d) => [d, 0])) as RunState["score"],
    log: [],
    trail: [],
    evidence: [],
    mistakes: [],
    clamps: [],
  };
  return arrive(scenario, state, initial.node, -1);
}

/** The choices the learner may pick now (empty unless at a choice node). */
export const availableChoices = (scenario: Scenario, state: RunState): Choice[] => offeredChoices(scenario, position(state));

export const isEnded = (scenario: Scenario, state: RunState): boolean => nodeAt(scenario, state.node).kind === "ending";

/** Finds a choice anywhere in the scenario (choice ids are unique), e.g. to show its feedback. */
export function findChoice(scenario: Scenario, choiceId: string): { node: string; choice: Choice } | undefined {
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const choice = node.kind === "choice" ? node.choices.find((c) => c.id === choiceId) : undefined;
    if (choice) return { node: id, choice };
  }
  return undefined;
}

export function choose(scenario: Scenario, state: RunState, choiceId: string): RunState {
  const node = nodeAt(scenario, state.node);
  if (node.kind !== "choice") throw new ScenarioRunError(`当前节点 ${state.node} 不是选择节点，不能选择 ${choiceId}`);
  const choice = node.choices.find((c) => c.id === choiceId);
  if (!choice) throw new ScenarioRunError(`节点 ${state.node} 没有选项 ${choiceId}`);
  if (!availableChoices(scenario, state).includes(choice)) throw new ScenarioRunError(`选项 ${choiceId} 现在不可选：条件不满足`);

  const step = state.log.length;
  const { vars, flags, overflows } = applyEffects(scenario, state, choice.effects);
  const moods = { ...state.moods, ...choice.effects?.mood };
  const next: RunState = {
    ...state,
    vars,
    flags,
    moods,
    score: addScore(state.score, choice.score),
    log: [...state.log, { choice: choiceId }],
    mistakes: choice.mistake ? [...state.mistakes, { kind: "choice", step, node: state.node, choice: choiceId }] : state.mistakes,
    clamps: [
      ...state.clamps,
      ...overflows.map((o) => ({ step, node: state.node, choice: choiceId, variable: o.variable, attempted: o.attempted, value: o.value })),
    ],
  };
  return arrive(scenario, next, resolveNext(choice.next, { vars, flags }), step);
}

/**
 * Submit a draft at an agreement node. Lawful: on to `next.lawful`. Containing an unlawful
 * or coerced clause: on to `next.unlawful`, each such clause a mistake. Incomplete: the
 * learner stays to revise (the first incomplete attempt is a mistake); call
 * checkAgreement() to say what is missing.
 */
export function submitAgreement(scenario: Scenario, state: RunState, draft: AgreementDraft): RunState {
  const node = nodeAt(scenario, state.node);
  if (node.kind !== "agreement") throw new ScenarioRunError(`当前节点 ${state.node} 不是起草协议的节点`);
  const check = checkAgreement(node, scenario.parties, draft);
  if (check.unknownClauses.length) throw new ScenarioRunError(`节点 ${state.node} 没有条款 ${check.unknownClauses.join("、")}`);

  const step = state.log.length;
  // Store a normalised copy so the log never aliases caller data.
  const stored: AgreementDraft = { clauses: [...new Set(draft.clauses)] };
  if (draft.parties) stored.parties = Object.fromEntries(Object.entries(draft.parties).map(([id, d]) => [id, { ...d }]));
  const logged: RunState = { ...state, log: [...state.log, { agreement: stored }] };

  if (check.verdict === "incomplete") {
    const already = state.mistakes.some((m) => m.kind === "incomplete-agreement" && m.node === state.node);
    return already
      ? logged
      : { ...logged, mistakes: [...state.mistakes, { kind: "incomplete-agreement", step, node: state.node, missing: check.missing.map((m) => m.element) }] };
  }
  if (check.verdict === "unlawful") {
    if (!node.next.unlawful) throw new ScenarioRunError(`节点 ${state.node} 没有写 next.unlawful`);
    const mistakes = [
      ...state.mistakes,
      ...check.defects.map((d) => ({ kind: "clause" as const, step, node: state.node, clause: d.clause, defect: d.kind })),
    ];
    return arrive(scenario, { ...logged, mistakes }, resolveNext(node.next.unlawful, state), step);
  }
  return arrive(scenario, logged, resolveNext(node.next.lawful, state), step);
}

export function applyStep(scenario: Scenario, state: RunState, step: Step): RunState {
  return "choice" in step ? choose(scenario, state, step.choice) : submitAgreement(scenario, state, step.agreement);
}

/** Replays a log from the start. Throws ScenarioRunError if a step is not possible. */
export const replay = (scenario: Scenario, log: readonly Step[]): RunState =>
  log.reduce((state, step) => applyStep(scenario, state, step), start(scenario));

export interface Resumed {
  state: RunState;
  /** Steps of the saved log that were replayed. */
  applied: number;
  /** Steps dropped because the scenario changed since the save (0 normally). */
  dropped: number;
}

/**
 * Resume a saved run. Only the saved log is trusted: it is replayed, so a save made before
 * the scenario was edited resumes as far as its steps still make sense. Anything
 * unreadable, or a save of another scenario, starts afresh.
 */
export function resume(scenario: Scenario, saved: unknown): Resumed {
  const parsed = savedRunSchema.safeParse(saved);
  if (!parsed.success || parsed.data.scenario !== scenario.id) return { state: start(scenario), applied: 0, dropped: 0 };
  let state = start(scenario);
  const log = parsed.data.log;
  for (let i = 0; i < log.length; i++) {
    try {
      state = applyStep(scenario, state, log[i]);
    } catch (error) {
      if (!(error instanceof ScenarioRunError)) throw error;
      return { state, applied: i, dropped: log.length - i };
    }
  }
  return { state, applied: log.length, dropped: 0 };
}
