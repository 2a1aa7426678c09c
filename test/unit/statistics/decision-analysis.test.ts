import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { analyseScenario } from "../../../src/lib/statistics/decision-analysis.ts";
import { loadScenario } from "../scenario/helpers.ts";
import { choices, player, run as scenarioRun } from "./class-fixture.ts";

const scenario = loadScenario("test/fixtures/scenarios/minimal.yaml");

/** A run making these choices, of minimal unless told. */
const run = (ids: string[], scenarioId = "minimal") => scenarioRun(scenarioId, choices(...ids));

describe("scenario decision analysis", () => {
  const records = [
    player("A", run(["ask-consent", "mediate"])),
    // B played twice: a mistake first, then the lawful path.
    player("B", run(["skip-consent", "give-up"]), run(["ask-consent", "mediate"])),
    player("C", run(["skip-consent", "give-up"])),
    player("D", run(["skip-consent", "give-up"]), run(["skip-consent", "give-up"])),
  ];
  // Computed inside each test, not here: code run while collecting tests counts as "static" for
  // Stryker's per-test coverage, which makes every such mutant run the whole folder.
  const analysis = () => analyseScenario(scenario, records);

  it("counts learners once per choice and runs every time", () => {
    expect(analysis()).toMatchObject({ scenario: "minimal", learners: 4, runs: 6, unreadable: 0 });
    expect(analysis().decisions).toEqual([
      {
        node: "ask",
        learners: 4,
        choices: [
          { choice: "ask-consent", learners: 2, runs: 2, mistake: false },
          { choice: "skip-consent", learners: 3, runs: 4, mistake: true },
        ],
      },
      {
        node: "talk",
        learners: 4,
        choices: [
          { choice: "mediate", learners: 2, runs: 2, mistake: false },
          { choice: "give-up", learners: 3, runs: 4, mistake: false },
        ],
      },
    ]);
  });

  it("counts endings by learner and by run", () => {
    expect(analysis().endings).toEqual([
      { node: "good-end", outcome: "lawful-agreement", learners: 2, runs: 2 },
      { node: "bad-end", outcome: "breakdown", learners: 3, runs: 4 },
    ]);
  });

  it("lists the mistakes, most frequent first", () => {
    expect(analysis().mistakes).toEqual([{ node: "ask", choice: "skip-consent", learners: 3, runs: 4, mistake: true }]);
  });

  it("counts a run that no longer replays as unreadable and never guesses its path", () => {
    const odd = analyseScenario(scenario, [player("E", run(["ask-consent", "no-such-choice"]), run(["ask-consent"]), { ...run([]), log: [42] } as ScenarioRun)]);
    expect(odd).toMatchObject({ learners: 0, runs: 3, unreadable: 3 });
    expect(odd.decisions.every((d) => d.learners === 0)).toBe(true);
  });

  it("replays logs that begin alike separately where they part, whatever else a step holds", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const mixed = analyseScenario(scenario, [
      // Same first step as the lawful path, then a step the scenario does not have.
      player("G", run(["ask-consent", "mediate"]), run(["ask-consent", "no-such-choice"])),
      // A choice step with something more in it is still that choice; steps that are not JSON are unreadable.
      player("H", { ...run([]), log: [{ choice: "ask-consent", note: "x" }, { choice: "mediate" }] } as ScenarioRun, { ...run([]), log: [cyclic] } as ScenarioRun),
      // A log going on after its ending no longer replays.
      player("I", run(["ask-consent", "mediate", "mediate"])),
    ]);
    expect(mixed).toMatchObject({ learners: 2, runs: 5, unreadable: 3 });
    expect(mixed.endings).toEqual([
      { node: "good-end", outcome: "lawful-agreement", learners: 2, runs: 2 },
      { node: "bad-end", outcome: "breakdown", learners: 0, runs: 0 },
    ]);
    expect(mixed.decisions[0].choices[0]).toEqual({ choice: "ask-consent", learners: 2, runs: 2, mistake: false });
  });

  it("ignores runs of other scenarios", () => {
    expect(analyseScenario(scenario, [player("F", run(["x"], "other"))])).toMatchObject({ runs: 0, unreadable: 0, learners: 0 });
  });
});
