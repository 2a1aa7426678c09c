/**
 * The page's way to the class report (files checked and summarised in batches, each batch
 * sent as JSON, gathered, reduced) on a class small enough to follow by hand; the same on
 * a generated class, against the CLI's way, is class-summaries-generated.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../../src/lib/progress/export.ts";
import type { ClassData } from "../../../src/lib/statistics/class-data.ts";
import { classReport, reportOf, summariser } from "../../../src/lib/statistics/class-report.ts";
import { checkedHere, gatherSummaries, receiveBatch, sendBatch, type CheckedFile, type SentBatch, type SentWalks, type WalkTable } from "../../../src/lib/statistics/class-summaries.ts";
import { loadScenario } from "../scenario/helpers.ts";
import { attempt, bank, choices, classContext, learner, lesson, player, run } from "./class-fixture.ts";

/** A class small enough to follow by hand: the tiny bank, the minimal scenario, learner A split over two files. */
function handClass() {
  const data: ClassData = { context: classContext({ minimal: "最小情景" }), banks: [bank], scenarios: [loadScenario("test/fixtures/scenarios/minimal.yaml")], layouts: [] };
  const good = () => run("minimal", choices("ask-consent", "mediate"));
  const a1 = learner("A", [attempt("t", { q1: "a", q2: true }, "2026-05-02T08:00:00.000Z")], { lessons: [lesson("a1", "basics/one", "completed", "2026-05-01T08:00:00.000Z")] });
  // A's other device: an earlier attempt at t (so the first attempt comes from this file), a run, the second lesson.
  const a2 = { ...player("A", good()), attempts: [attempt("t", { q1: "b", q2: false }, "2026-05-01T08:00:00.000Z")], lessons: [lesson("a2", "basics/two", "completed", "2026-05-03T08:00:00.000Z")] };
  const b = { ...player("B", good(), run("minimal", choices("ask-consent", "no-such-choice"))), attempts: [attempt("t", { q1: "c", q2: true })] };
  const c = player("C", good());
  const results: ImportResult[] = [a1, b, a2, c].map((record) => ({ ok: true, record, fromVersion: 2 }));
  return { data, names: ["a1.json", "b.json", "a2.json", "c.json"], results, records: { a1, a2, b, c } };
}

describe("the class report of a hand-made class in batches", () => {
  it("merges a learner's two files before summarising, and sends one walk of two batches once", async () => {
    const { data, names, results, records } = handClass();
    const here = summariser(data);
    // One worker: its summariser and the walks it sent last for all its batches.
    const worker = summariser(data);
    const sentWalks: SentWalks = new Map();
    const table: WalkTable = [];
    const checked: CheckedFile[] = [];
    const sent: SentBatch[] = [];
    for (const [from, to] of [[0, 2], [2, 4]]) {
      sent.push(sendBatch(names.slice(from, to), results.slice(from, to), worker, sentWalks));
      checked.push(...receiveBatch(JSON.parse(JSON.stringify(sent.at(-1))) as SentBatch, table, async (k) => (results[from + k] as Extract<ImportResult, { ok: true }>).record));
    }
    // One good walk in both batches, sent with the first; B's second run does not replay.
    expect(sent.map((b) => [b.firstWalk, b.walks.length])).toEqual([[0, 1], [1, 0]]);
    expect(table).toHaveLength(1);
    const gathered = await gatherSummaries(names, checked, here);
    expect(gathered.merged).toBe(1);
    expect(gathered.learners.map((l) => [l.row.learner, l.row.files])).toEqual([
      ["A", ["a1.json", "a2.json"]],
      ["B", ["b.json"]],
      ["C", ["c.json"]],
    ]);
    const report = reportOf(gathered.learners, data);
    const merged = { ...records.a1, lessons: [...records.a1.lessons, ...records.a2.lessons], attempts: [...records.a2.attempts, ...records.a1.attempts], runs: records.a2.runs };
    expect(report).toEqual(classReport([merged, records.b, records.c].map((record, i) => ({ record, files: [["a1.json", "a2.json"], ["b.json"], ["c.json"]][i], applications: [] })), data));
    // A's first attempt is the earlier one, from the second file: 0 of 2; B's 1 of 2.
    expect(report.items.quizzes[0].scores).toEqual([0, 0.5]);
    expect(report.rows[0]).toMatchObject({ lessonsDone: 2, files: ["a1.json", "a2.json"] });
    expect(report.completion).toEqual([{ course: "basics", title: "基础", done: 1, started: 0 }]);
    const minimal = report.scenarios[0];
    expect([minimal.learners, minimal.runs, minimal.unreadable]).toEqual([3, 4, 1]);
    // A's two lessons and the four runs, 10 minutes each, all in the week of Monday 27 April.
    expect(report.weeks).toEqual([["2026-04-27", 1]]);
  });

  it("sends a refused file's problem, and only the summaries of accepted ones", () => {
    const { data } = handClass();
    const problem = { code: "empty", message: "文件是空的" } as never;
    const sent = sendBatch(["x.json"], [{ ok: false, problem }], summariser(data));
    expect(sent).toEqual({ files: [{ ok: false, problem }], walks: [], firstWalk: 0 });
    expect(receiveBatch(sent, [], () => Promise.reject(new Error("no")))).toEqual([{ ok: false, problem }]);
  });

  it("sends each distinct walk once per worker, runs by number, and -1 for a run that does not replay", () => {
    const { data } = handClass();
    const wayOne = () => run("minimal", choices("ask-consent", "mediate"));
    const wayTwo = () => run("minimal", choices("skip-consent", "give-up"));
    const lost = () => run("minimal", choices("no-such-choice"));
    const records = [player("A", wayOne(), lost(), wayTwo()), player("B", wayTwo(), wayOne())];
    const worker = summariser(data);
    const sentWalks: SentWalks = new Map();
    const sent = sendBatch(["a.json", "b.json"], records.map((record) => ({ ok: true, record, fromVersion: 2 })), worker, sentWalks);
    expect(sent.firstWalk).toBe(0);
    expect(sent.walks.map((w) => w.decisions.map((d) => d.choice))).toEqual([
      ["ask-consent", "mediate"],
      ["skip-consent", "give-up"],
    ]);
    expect(sent.files.map((f) => f.ok && f.summary.walks.minimal)).toEqual([
      [0, -1, 1],
      [1, 0],
    ]);
    expect([...sentWalks.values()]).toEqual([0, 1]);
    // Back on the page: the same objects as the table's, undefined for the lost run.
    const table: WalkTable = [];
    const [a, b] = receiveBatch(JSON.parse(JSON.stringify(sent)) as SentBatch, table, () => Promise.reject(new Error("no")));
    const [one, two] = table;
    expect(a.ok && a.summary.walks.minimal).toEqual([one, undefined, two]);
    expect(a.ok && a.summary.walks.minimal[0]).toBe(one);
    expect(b.ok && b.summary.walks.minimal[0]).toBe(two);
    // The worker's next batch refers to a walk it sent before, and numbers a new one on.
    const wayThree = () => run("minimal", choices("ask-consent", "give-up"));
    const next = sendBatch(["c.json"], [{ ok: true, record: player("C", wayTwo(), wayThree()), fromVersion: 2 }], worker, sentWalks);
    expect([next.firstWalk, next.walks.map((w) => w.decisions.map((d) => d.choice))]).toEqual([2, [["ask-consent", "give-up"]]]);
    const [c] = receiveBatch(JSON.parse(JSON.stringify(next)) as SentBatch, table, () => Promise.reject(new Error("no")));
    expect(c.ok && c.summary.walks.minimal[0]).toBe(two);
    expect(c.ok && c.summary.walks.minimal[1]).toBe(table[2]);
    expect(table).toHaveLength(3);
  });

  it("refuses a batch whose walks do not follow on from those received, or a run's walk never sent", () => {
    const { data } = handClass();
    const record = player("A", run("minimal", choices("ask-consent", "mediate")));
    const sentWalks: SentWalks = new Map();
    const worker = summariser(data);
    const first = sendBatch(["a.json"], [{ ok: true, record, fromVersion: 2 }], worker, sentWalks);
    const second = sendBatch(["b.json"], [{ ok: true, record: player("B", run("minimal", choices("skip-consent", "give-up"))), fromVersion: 2 }], worker, sentWalks);
    const no = () => Promise.reject(new Error("no"));
    // The second batch before the first: its walks would take the first's numbers.
    expect(() => receiveBatch(second, [], no)).toThrow("a batch with walks from number 1, but 0 walks received before");
    const table: WalkTable = [];
    receiveBatch(first, table, no);
    expect(() => receiveBatch(first, table, no)).toThrow("a batch with walks from number 0, but 1 walks received before");
    const forged = { ...second, walks: [], firstWalk: 1 } as SentBatch;
    expect(() => receiveBatch(forged, table, no)).toThrow("a run refers to walk 1, but 1 walks were received");
    expect(receiveBatch(second, table, no)).toHaveLength(1);
  });

  it("keeps the walks of a batch that was not sent out of the worker's walks", () => {
    const { data } = handClass();
    const sentWalks: SentWalks = new Map();
    const failing = () => {
      throw new Error("summary failed");
    };
    const record = player("A", run("minimal", choices("ask-consent", "mediate")));
    let calls = 0;
    const worker = summariser(data);
    // The first learner is summarised (its walk numbered), the second fails: nothing joins sentWalks.
    const flaky = (learner: Parameters<typeof worker>[0]) => (calls++ === 0 ? worker(learner) : failing());
    expect(() => sendBatch(["a.json", "b.json"], [{ ok: true, record, fromVersion: 2 }, { ok: true, record, fromVersion: 2 }], flaky, sentWalks)).toThrow("summary failed");
    expect(sentWalks.size).toBe(0);
    expect(sendBatch(["a.json"], [{ ok: true, record, fromVersion: 2 }], worker, sentWalks)).toMatchObject({ firstWalk: 0, walks: [expect.anything()] });
  });

  it("checks files in the page the same way: a refused file keeps its problem, an accepted one its record", async () => {
    const { data, names, results, records } = handClass();
    const problem = { code: "empty", message: "文件是空的" } as never;
    const here = summariser(data);
    const checked = checkedHere([...names, "x.json"], [...results, { ok: false, problem }], here);
    expect(checked[4]).toEqual({ ok: false, problem });
    const first = checked[0];
    expect(first.ok && first.summary.row).toMatchObject({ learner: "A", files: ["a1.json"] });
    expect(first.ok && (await first.record())).toBe(records.a1);
    const gathered = await gatherSummaries([...names, "x.json"], checked, here);
    expect(gathered.refused).toEqual([{ name: "x.json", problem }]);
    expect(gathered.learners.map((l) => l.row.files)).toEqual([["a1.json", "a2.json"], ["b.json"], ["c.json"]]);
    await expect(gatherSummaries(names, checked, here)).rejects.toThrow("4 files but 5 results");
  });
});
