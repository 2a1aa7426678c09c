/** The record entry of a finished run (src/lib/scenario/run-record.ts), once built by the player itself. */
import { beforeEach, describe, expect, it } from "vitest";
import { replay } from "../../../src/lib/scenario/engine.ts";
import { runRecord } from "../../../src/lib/scenario/run-record.ts";
import type { Step } from "../../../src/lib/scenario/state.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { example } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});
const LAWFUL = { clauses: ["parties-full", "main-facts", "responsibility", "terms", "performance"] };
const GOOD_PATH: Step[] = [{ choice: "calm-and-ask-consent" }, { choice: "li-consent" }, { choice: "explain-and-propose" }, { agreement: LAWFUL }];

describe("runRecord", () => {
  it("holds the log, the nodes shown, the ending, its outcome and the rubric total", () => {
    const state = replay(scenario, GOOD_PATH);
    const run = runRecord(scenario, state, "2026-01-05T08:00:00.000Z", "2026-01-05T08:12:00.000Z");
    expect(run).toEqual({
      scenario: scenario.id,
      log: GOOD_PATH,
      path: state.trail.map((t) => t.node),
      ending: "end-lawful",
      outcome: "lawful-agreement",
      score: 14,
      max: 14,
      started: "2026-01-05T08:00:00.000Z",
      finished: "2026-01-05T08:12:00.000Z",
    });
    expect(run.path[0]).toBe("intro");
    expect(run.path.at(-1)).toBe("end-lawful");
  });

  it("starts at the finish when the start is unknown (a run resumed from an old save)", () => {
    const run = runRecord(scenario, replay(scenario, GOOD_PATH), undefined, "2026-01-05T08:12:00.000Z");
    expect(run.started).toBe("2026-01-05T08:12:00.000Z");
  });
});
