/** The class table beyond class.test.ts: scenario columns, every sort key, study time per week. */
import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { classRow, hoursPerWeek, sortRows, type ClassRow, type SortKey } from "../../../src/lib/statistics/class-table.ts";
import { asLearner, attempt, classContext, learner, lesson, rowOf } from "./class-fixture.ts";

const context = classContext({ cart: "借出去的三轮车", wall: "界墙" });

const run = (id: string, scenario: string, score: number, max: number, outcome: string | undefined, finished: string, started = finished): ScenarioRun => ({
  id,
  scenario,
  log: [],
  path: [],
  ending: "end",
  ...(outcome === undefined ? {} : { outcome }),
  score,
  max,
  started,
  finished,
});

describe("a learner's row", () => {
  const row = (record: ReturnType<typeof learner>) => classRow(asLearner(record), context);

  it("counts only completed lessons of the curriculum", () => {
    const r = row(
      learner("A", [], {
        lessons: [lesson("l1", "basics/one", "opened", "2026-05-01T08:00:00.000Z"), lesson("l2", "basics/two", "completed", "2026-05-02T08:00:00.000Z")],
      }),
    );
    expect(r).toMatchObject({ lessonsDone: 1, lessonsTotal: 2 });
  });

  it("keeps only course finals, as the best share of their maximum", () => {
    const r = row(
      learner("A", [
        { ...attempt("t", { q1: "a" }), score: 3, max: 4 },
        { ...attempt("t", { q1: "b" }), score: 1, max: 4 },
        { ...attempt("lesson-check", { q1: "a" }), score: 1, max: 1 },
      ]),
    );
    expect(r.finals).toEqual({ t: 0.75 });
  });

  it("gives each catalogued scenario its latest outcome and best share, 0 when the run had no points", () => {
    const r = row(
      learner("A", [], {
        runs: [
          run("r1", "cart", 2, 4, "breakdown", "2026-05-01T08:00:00.000Z"),
          run("r2", "cart", 1, 4, "lawful-agreement", "2026-05-02T08:00:00.000Z"),
          run("r3", "wall", 0, 0, undefined, "2026-05-03T08:00:00.000Z"),
          run("r4", "retired", 4, 4, "lawful-agreement", "2026-05-04T08:00:00.000Z"),
        ],
      }),
    );
    expect(r.scenarios).toEqual({ cart: { outcome: "lawful-agreement", best: 0.5 }, wall: { outcome: undefined, best: 0 } });
    expect(r.last).toBe("2026-05-04T08:00:00.000Z");
  });

  it("keeps a quiz and a scenario that share an id apart", () => {
    // A quiz named like a catalogued scenario, a scenario named like the final.
    const r = row(learner("A", [{ ...attempt("cart", { q1: "a" }), score: 1, max: 1 }], { runs: [run("r1", "t", 1, 2, "breakdown", "2026-05-01T08:00:00.000Z")] }));
    expect(r.finals).toEqual({});
    expect(r.scenarios).toEqual({});
  });

  it("has no last activity for an empty record", () => {
    expect(row(learner("A")).last).toBeUndefined();
  });
});

describe("sorting the table", () => {
  const order = (rows: ClassRow[], key: SortKey, descending = false) => sortRows(rows, key, descending).map((r) => r.learner);

  it("sorts study time as numbers, not as text", () => {
    const rows = [rowOf("A", { ms: 10 }), rowOf("B", { ms: 9 }), rowOf("C", { ms: 100 })];
    expect(order(rows, "hours")).toEqual(["B", "A", "C"]);
    expect(order(rows, "hours", true)).toEqual(["C", "A", "B"]);
  });

  it("reverses the values, not the ties, when descending", () => {
    const rows = [rowOf("A", { ms: 1 }), rowOf("B", { ms: 5 }), rowOf("C", { ms: 5 }), rowOf("D", { ms: 1 })];
    expect(order(rows, "hours")).toEqual(["A", "D", "B", "C"]);
    expect(order(rows, "hours", true)).toEqual(["B", "C", "A", "D"]);
  });

  it("sorts by last activity, with no activity first", () => {
    const rows = [rowOf("A", { last: "2026-05-03T08:00:00.000Z" }), rowOf("B", { last: "2026-05-01T08:00:00.000Z" }), rowOf("C", {})];
    expect(order(rows, "last")).toEqual(["C", "B", "A"]);
    expect(order(rows, "last", true)).toEqual(["A", "B", "C"]);
  });

  it("sorts by a final's share, with the final not taken before a share of 0", () => {
    const rows = [rowOf("A", { finals: { t: 1 } }), rowOf("B", { finals: { t: 0 } }), rowOf("C", {}), rowOf("D", { finals: { t: 0.5 } })];
    expect(order(rows, "final:t")).toEqual(["C", "B", "D", "A"]);
  });

  it("sorts by a level: not started, then by requirements met, with the level met last", () => {
    const level = (met: boolean, done: number) => ({ "pre-job": { met, done, total: 3 } });
    const rows = [rowOf("A", { readiness: level(true, 3) }), rowOf("B", { readiness: level(false, 2) }), rowOf("C", {}), rowOf("D", { readiness: level(false, 0) })];
    expect(order(rows, "level:pre-job")).toEqual(["C", "D", "B", "A"]);
    expect(order(rows, "level:pre-job", true)).toEqual(["A", "B", "D", "C"]);
  });

  it("keeps learner-id order for ties, whatever the input order", () => {
    expect(order([rowOf("A", {}), rowOf("B", {}), rowOf("C", {})], "hours")).toEqual(["A", "B", "C"]);
    expect(order([rowOf("C", {}), rowOf("B", {}), rowOf("A", {})], "hours", true)).toEqual(["A", "B", "C"]);
  });
});

describe("study time per week", () => {
  const week = (record: ReturnType<typeof learner>) => hoursPerWeek([asLearner(record)]);

  it("counts quiz attempts and scenario runs from start to finish, and lists weeks in date order", () => {
    const weeks = week(
      learner("A", [{ ...attempt("t", {}, "2026-06-10T08:00:00.000Z"), finished: "2026-06-10T08:30:00.000Z" }], {
        runs: [run("r1", "cart", 1, 1, "breakdown", "2026-06-03T09:00:00.000Z", "2026-06-03T08:00:00.000Z")],
        lessons: [lesson("l1", "basics/one", "completed", "2026-05-26T08:00:00.000Z", 900)],
      }),
    );
    expect(weeks).toEqual([
      ["2026-05-25", 0.25],
      ["2026-06-01", 1],
      ["2026-06-08", 0.5],
    ]);
  });

  it("starts a week at Monday 00:00 UTC", () => {
    const weeks = week(
      learner("A", [], {
        lessons: [lesson("l1", "basics/one", "completed", "2026-06-07T23:59:59.999Z", 360), lesson("l2", "basics/two", "completed", "2026-06-08T00:00:00.000Z", 720)],
      }),
    );
    expect(weeks).toEqual([
      ["2026-06-01", 0.1],
      ["2026-06-08", 0.2],
    ]);
  });

  it("finds the Monday before 1970 too (a device clock reset to 1 January 1970, a Thursday)", () => {
    const weeks = week(
      learner("A", [], {
        lessons: [
          lesson("l1", "basics/one", "completed", "1970-01-01T00:00:00.000Z", 3600),
          lesson("l2", "basics/two", "completed", "1969-12-31T23:00:00.000Z", 3600), // Wednesday
          lesson("l3", "basics/two", "completed", "1969-12-28T12:00:00.000Z", 3600), // Sunday: the week before
        ],
      }),
    );
    expect(weeks).toEqual([
      ["1969-12-22", 1],
      ["1969-12-29", 2],
    ]);
  });

  it("leaves out an entry whose time cannot be read", () => {
    const weeks = week(
      learner("A", [], {
        lessons: [lesson("l1", "basics/one", "completed", "2026-06-02T08:00:00.000Z", 1800), lesson("l2", "basics/two", "completed", "not a time", 1800)],
      }),
    );
    expect(weeks).toEqual([["2026-06-01", 0.5]]);
  });

  it("adds the class's learners together", () => {
    const a = learner("A", [], { lessons: [lesson("l1", "basics/one", "completed", "2026-06-02T08:00:00.000Z", 1800)] });
    const b = learner("B", [], { lessons: [lesson("l1", "basics/one", "completed", "2026-06-04T08:00:00.000Z", 5400)] });
    expect(hoursPerWeek([a, b].map((record) => asLearner(record)))).toEqual([["2026-06-01", 2]]);
  });
});
