/**
 * The entry a finished run adds to the learner's record (我的学习): its path, ending,
 * outcome and rubric total. One place for the shape, so the player never assembles it.
 */
import type { JsonValue } from "../progress/canonical.ts";
import type { NewScenarioRun } from "../progress/store.ts";
import { debrief } from "./debrief.ts";
import type { Scenario } from "./schema.ts";
import type { RunState } from "./state.ts";

/** The record entry of a run at its ending; `started` falls back to `finished` when unknown. */
export function runRecord(scenario: Scenario, state: RunState, started: string | undefined, finished: string): NewScenarioRun {
  const ending = scenario.nodes[state.node];
  const { total } = debrief(scenario, state);
  return {
    scenario: scenario.id,
    log: state.log as unknown as JsonValue[],
    path: state.trail.map((t) => t.node),
    ending: state.node,
    outcome: ending?.kind === "ending" ? ending.outcome : undefined,
    score: total.score,
    max: total.max,
    started: started ?? finished,
    finished,
  };
}
