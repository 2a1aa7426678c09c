import { describe, expect, it } from "vitest";
import { exportText, MAX_IMPORT_BYTES } from "../../../src/lib/progress/export.ts";
import { loadClassFiles } from "../../../src/lib/statistics/class-files.ts";
import { classRow, filterRows, hoursPerWeek, sortRows } from "../../../src/lib/statistics/class-table.ts";
import { analyseItems } from "../../../src/lib/statistics/item-analysis.ts";
import { classCsv, itemCsv, type Say } from "../../../src/lib/statistics/report-csv.ts";
import { asLearner, attempt, bank, catalog, classContext, learner, lesson } from "./class-fixture.ts";

const context = classContext();

describe("loading a class's files", () => {
  it("lists a bad file with its problem, loads the rest, and merges two files of one learner", async () => {
    const a1 = learner("A", [], { lessons: [lesson("a-1", "basics/one", "completed", "2026-05-01T08:00:00.000Z")] });
    const a2 = learner("A", [attempt("t", { q1: "a", q2: true })], { lessons: [lesson("a-1", "basics/one", "completed", "2026-05-01T08:00:00.000Z")] });
    const b = learner("B");
    const tampered = (await exportText(b)).replace("学员B", "学员X");
    const loaded = await loadClassFiles([
      { name: "a-phone.json", text: await exportText(a1) },
      { name: "broken.json", text: "{ not json" },
      { name: "b.json", text: await exportText(b) },
      { name: "a-computer.json", text: await exportText(a2) },
      { name: "b-edited.json", text: tampered },
    ]);
    expect(loaded.learners.map((l) => [l.record.learner.id, l.files])).toEqual([
      ["A", ["a-phone.json", "a-computer.json"]],
      ["B", ["b.json"]],
    ]);
    expect(loaded.learners[0].record.lessons).toHaveLength(1);
    expect(loaded.learners[0].record.attempts).toHaveLength(1);
    expect(loaded.merged).toBe(1);
    expect(loaded.refused.map((r) => [r.name, r.problem.code])).toEqual([
      ["broken.json", "truncated"],
      ["b-edited.json", "tampered"],
    ]);
  });
});

describe("files as bytes, or too large to read", () => {
  it("names a file saved in another text encoding, and refuses one over the limit without reading it", async () => {
    const good = new TextEncoder().encode(await exportText(learner("C")));
    // 调解 in GB18030, where the export wrote UTF-8.
    const gb = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xb5, 0xf7, 0xbd, 0xe2, ...new TextEncoder().encode('"}')]);
    const loaded = await loadClassFiles([
      { name: "c.json", bytes: good },
      { name: "ansi.json", bytes: gb },
      { name: "huge.json", unreadSize: MAX_IMPORT_BYTES + 1 },
    ]);
    expect(loaded.learners.map((l) => l.record.learner.id)).toEqual(["C"]);
    expect(loaded.refused.map((r) => [r.name, r.problem.code])).toEqual([
      ["ansi.json", "wrong-encoding"],
      ["huge.json", "too-large"],
    ]);
  });
});

describe("the class table", () => {
  const row = (record: ReturnType<typeof learner>) => classRow(asLearner(record, ["f.json"]), context);

  it("counts lessons done, best final share, study time, readiness and the last activity", () => {
    const r = row(
      learner("A", [{ ...attempt("t", { q1: "a", q2: false }, "2026-05-03T08:00:00.000Z"), score: 1, max: 2 }, { ...attempt("t", { q1: "a", q2: true }, "2026-05-04T08:00:00.000Z"), score: 2, max: 2 }], {
        lessons: [
          lesson("l1", "basics/one", "completed", "2026-05-01T08:00:00.000Z"),
          lesson("l2", "basics/two", "completed", "2026-05-02T08:00:00.000Z"),
          lesson("l3", "other/gone", "completed", "2026-05-05T08:00:00.000Z"),
        ],
      }),
    );
    expect(r).toMatchObject({ learner: "A", lessonsDone: 2, lessonsTotal: 2, last: "2026-05-05T08:00:00.000Z", files: ["f.json"] });
    // Three lesson entries of 10 minutes; the fixture's attempts take no time.
    expect(r.ms).toBe(3 * 600_000);
    expect(r.finals).toEqual({ t: 1 });
    expect(r.readiness["pre-job"]).toMatchObject({ met: true });
    const short = row(learner("B", [{ ...attempt("t", { q1: "b" }), score: 0, max: 2 }], { lessons: [lesson("b1", "basics/one", "completed", "2026-05-01T08:00:00.000Z")] }));
    expect(short).toMatchObject({ lessonsDone: 1, finals: { t: 0 } });
    expect(short.readiness["pre-job"]).toMatchObject({ met: false, done: 0 });
  });

  it("sorts stably (ties keep learner order) and filters by township and village", () => {
    const rows = [
      { ...row(learner("C")), name: "丙", township: "河口镇", village: "上坝村", lessonsDone: 1 },
      { ...row(learner("A")), name: "甲", township: "城关镇", village: "东关村", lessonsDone: 1 },
      { ...row(learner("B")), name: "乙", township: "河口镇", village: "下坝村", lessonsDone: 2 },
    ];
    expect(sortRows(rows, "lessons").map((r) => r.learner)).toEqual(["A", "C", "B"]);
    expect(sortRows(rows, "lessons", true).map((r) => r.learner)).toEqual(["B", "A", "C"]);
    // By pinyin: 城关镇 (cheng) before 河口镇 (he); 上坝村 (shang) before 下坝村 (xia).
    expect(sortRows(rows, "place").map((r) => r.learner)).toEqual(["A", "C", "B"]);
    expect(sortRows(rows, "name").map((r) => r.learner)).toEqual(["C", "A", "B"]);
    expect(filterRows(rows, { township: "河口镇" }).map((r) => r.learner)).toEqual(["C", "B"]);
    expect(filterRows(rows, { township: "河口镇", village: "上坝村" }).map((r) => r.learner)).toEqual(["C"]);
    expect(filterRows(rows, {})).toHaveLength(3);
  });

  it("adds study time per week starting on Monday, with each entry capped as everywhere else", () => {
    const weeks = hoursPerWeek([
      asLearner(
        learner("A", [], {
          lessons: [
            lesson("l1", "basics/one", "completed", "2026-06-07T23:00:00.000Z", 1800), // Sunday → week of 1 June
            lesson("l2", "basics/two", "completed", "2026-06-08T01:00:00.000Z", 86_400), // Monday, capped at 4 h
          ],
        }),
      ),
    ]);
    expect(weeks).toEqual([
      ["2026-06-01", 0.5],
      ["2026-06-08", 4],
    ]);
  });
});

describe("report CSV", () => {
  const say: Say = (key, values) => `${key}${values ? JSON.stringify(values) : ""}`;

  it("rounds shares to two decimals, writes option figures and worded flags", () => {
    const records = ["A", "B", "C"].map((id, i) => learner(id, [attempt("t", { q1: i === 0 ? "a" : "b", q2: true })]));
    const csv = itemCsv(analyseItems(records, catalog, 3), say);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0].split(",")[0]).toBe("report.items.quiz");
    expect(lines[1]).toBe(
      't,q1,report.type.single,3,3,0.33,,1,"report.option.figures{""label"":""A"",""chosen"":1,""upper"":1,""lower"":0}；report.option.figures{""label"":""B"",""chosen"":2,""upper"":0,""lower"":1}；report.option.figures{""label"":""C"",""chosen"":0,""upper"":0,""lower"":0}",',
    );
    expect(lines[2]).toContain("report.option.true");
    expect(lines[2].endsWith("report.flag.too-easy")).toBe(true);
  });

  it("writes one row per learner with levels worded by the caller", () => {
    const r = classRow(asLearner(learner("A")), context);
    const csv = classCsv([r], context, say);
    expect(csv.split("\r\n")[1]).toBe('学员A,城关镇,东关村,0/2,,0,"report.level.short{""done"":0,""total"":2}",');
  });
});

describe("the class report's charts and filter lists", () => {
  it("counts course completion, first-attempt score bins and places", async () => {
    const { classReport, placesOf } = await import("../../../src/lib/statistics/class-report.ts");
    const done = learner("A", [{ ...attempt("t", { q1: "a", q2: true }), score: 2, max: 2 }], {
      lessons: [lesson("a1", "basics/one", "completed", "2026-05-01T08:00:00.000Z"), lesson("a2", "basics/two", "completed", "2026-05-01T09:00:00.000Z")],
    });
    const started = { ...learner("B", [attempt("t", { q1: "b", q2: false })], { lessons: [lesson("b1", "basics/one", "completed", "2026-05-01T08:00:00.000Z")] }) };
    started.learner = { ...started.learner, township: "河口镇", village: "上坝村" };
    const none = learner("C");
    const data = { context, banks: [bank], scenarios: [], layouts: [] };
    const learners = [done, started, none].map((record) => asLearner(record));
    const report = classReport(learners, data);
    expect(report.completion).toEqual([{ course: "basics", title: "基础", done: 1, started: 1 }]);
    // First attempts regraded: A 2/2 → last bin; B 0/2 → first bin.
    expect(report.scoreBins).toEqual([{ quiz: "t", title: "基础 · 结课测试", bins: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1] }]);
    expect(report.rows.map((r) => r.learner)).toEqual(["A", "B", "C"]);
    expect(placesOf(report.rows)).toEqual([
      { township: "城关镇", villages: ["东关村"] },
      { township: "河口镇", villages: ["上坝村"] },
    ]);
  });
});
