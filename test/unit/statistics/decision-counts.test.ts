/**
 * Decision analysis beyond decision-analysis.test.ts: a learner's runs spread over several
 * records, logs replayed once and shared, agreement drafts, the order of the mistakes.
 */
import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { AGREEMENT_DEFECTIVE, AGREEMENT_LAWFUL, analyseScenario } from "../../../src/lib/statistics/decision-analysis.ts";
import { loadScenario } from "../scenario/helpers.ts";
import { choices, player, run } from "./class-fixture.ts";

const minimal = loadScenario("test/fixtures/scenarios/minimal.yaml");
const wall = loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");

const times = (n: number, make: () => ScenarioRun) => Array.from({ length: n }, make);

describe("a learner's runs over several records", () => {
  it("counts the learner once, and every run, when their files were not merged", () => {
    const lawful = () => run("minimal", choices("ask-consent", "mediate"));
    const analysis = analyseScenario(minimal, [player("A", lawful()), player("B", lawful()), player("A", lawful())]);
    expect(analysis).toMatchObject({ learners: 2, runs: 3, unreadable: 0 });
    expect(analysis.decisions[0]).toEqual({
      node: "ask",
      learners: 2,
      choices: [
        { choice: "ask-consent", learners: 2, runs: 3, mistake: false },
        { choice: "skip-consent", learners: 0, runs: 0, mistake: true },
      ],
    });
    expect(analysis.endings.find((e) => e.node === "good-end")).toMatchObject({ learners: 2, runs: 3 });
    expect(analysis.nodes.find((n) => n.node === "opening")).toEqual({ node: "opening", learners: 2, runs: 3 });
    expect(analysis.links.find((l) => l.label === "mediate")).toMatchObject({ learners: 2, runs: 3 });
  });

  it("counts a log that no longer replays as unreadable for every run that has it", () => {
    const stale = () => run("minimal", choices("ask-consent", "retired-choice"));
    const analysis = analyseScenario(minimal, [player("A", stale()), player("B", stale(), run("minimal", choices("skip-consent", "give-up")))]);
    expect(analysis).toMatchObject({ learners: 1, runs: 3, unreadable: 2 });
    expect(analysis.decisions[0].learners).toBe(1);
  });
});

describe("agreements and the list of mistakes", () => {
  const routes = explore(wall).routes;
  const lawfulLog = routes.get("end-lawful")!;
  const at = lawfulLog.findIndex((s) => "agreement" in s);
  const draft = (lawfulLog[at] as { agreement: { clauses: string[] } }).agreement;
  // The lawful draft with a clause that makes it unlawful (village pressure to sign).
  const unlawfulLog = [...lawfulLog.slice(0, at), { agreement: { ...draft, clauses: [...draft.clauses, "village-pressure"] } }];
  // A one-sided promise, consent asked late (the session node shown twice), then splitting the difference.
  const breakdown = choices("promise-fix", "li-consent", "ask-consent-again", "split-difference");
  const wallRun = (log: unknown[]) => () => run(wall.id, log);

  const records = () => [
    player("P", run(wall.id, breakdown)),
    player("Q", run(wall.id, breakdown)),
    player("R", ...times(2, wallRun(choices("tell-him-wait")))),
    player("T", run(wall.id, choices("tell-him-wait"))),
    player("S1", run(wall.id, choices("calm-and-ask-consent", "li-consent", "push-sign"))),
    player("S2", run(wall.id, choices("calm-and-ask-consent", "li-consent", "push-sign"))),
    player("V", ...times(5, wallRun(unlawfulLog))),
    player("W", run(wall.id, lawfulLog)),
  ];

  it("lists an agreement's drafts as lawful or defective, the defective one a mistake", () => {
    const analysis = analyseScenario(wall, records());
    expect(analysis).toMatchObject({ learners: 8, runs: 13, unreadable: 0 });
    expect(analysis.decisions.find((d) => d.node === "draft")).toEqual({
      node: "draft",
      learners: 2,
      choices: [
        { choice: AGREEMENT_LAWFUL, learners: 1, runs: 1, mistake: false },
        { choice: AGREEMENT_DEFECTIVE, learners: 1, runs: 5, mistake: true },
      ],
    });
    expect([AGREEMENT_LAWFUL, AGREEMENT_DEFECTIVE]).toEqual(["agreement:lawful", "agreement:defective"]);
  });

  it("orders mistakes by learners, then runs, then choice id", () => {
    expect(analyseScenario(wall, records()).mistakes).toEqual([
      { node: "first-step", choice: "tell-him-wait", learners: 2, runs: 3, mistake: true },
      { node: "first-step", choice: "promise-fix", learners: 2, runs: 2, mistake: true },
      { node: "joint-session", choice: "push-sign", learners: 2, runs: 2, mistake: true },
      { node: "joint-session", choice: "split-difference", learners: 2, runs: 2, mistake: true },
      { node: "draft", choice: AGREEMENT_DEFECTIVE, learners: 1, runs: 5, mistake: true },
    ]);
  });

  it("counts endings by learner and run, and a node shown twice in a run once for that run", () => {
    const analysis = analyseScenario(wall, records());
    expect(analysis.endings).toEqual([
      { node: "end-lawful", outcome: "lawful-agreement", learners: 1, runs: 1 },
      { node: "end-unlawful", outcome: "unlawful-agreement", learners: 3, runs: 7 },
      { node: "end-escalation", outcome: "escalation", learners: 2, runs: 3 },
      { node: "end-breakdown", outcome: "breakdown", learners: 2, runs: 2 },
    ]);
    expect(analysis.nodes.find((n) => n.node === "joint-session")).toEqual({ node: "joint-session", learners: 6, runs: 10 });
    expect(analysis.links.find((l) => l.from === "joint-session" && l.to === "joint-session")).toEqual({
      from: "joint-session",
      to: "joint-session",
      label: "ask-consent-again",
      learners: 2,
      runs: 2,
    });
  });

  it("gives the same figures whatever the order of the records", () => {
    const forward = analyseScenario(wall, records());
    const backward = analyseScenario(wall, records().reverse());
    expect(backward.decisions).toEqual(forward.decisions);
    expect(backward.endings).toEqual(forward.endings);
    expect(backward.mistakes).toEqual(forward.mistakes);
    expect(backward.nodes).toEqual(forward.nodes);
  });
});
