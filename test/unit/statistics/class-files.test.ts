/** Checking a pile of files one by one (checkClassFiles) and gathering the results per learner (gatherClass). */
import { describe, expect, it } from "vitest";
import { APPLICATION_KIND, APPLICATION_VERSION, type Application } from "../../../src/lib/certification/application.ts";
import { exportText, type ImportResult } from "../../../src/lib/progress/export.ts";
import { checkClassFiles, gatherClass } from "../../../src/lib/statistics/class-files.ts";
import { attempt, learner } from "./class-fixture.ts";

const application = (levelId: string): Application => ({
  kind: APPLICATION_KIND,
  version: APPLICATION_VERSION,
  created: "2026-05-01T08:00:00.000Z",
  level: { id: levelId, title: "岗前培训合格", exam: { id: "pre-job-exam", passMark: 80 } },
  selfStudyMet: true,
  done: 2,
  total: 2,
  evidence: [],
});

const ok = (record: ReturnType<typeof learner>, app?: unknown): ImportResult => ({ ok: true, record, fromVersion: 2, ...(app === undefined ? {} : { application: app }) });

describe("gathering checked files", () => {
  it("refuses names and results that do not pair up", () => {
    expect(() => gatherClass(["a.json", "b.json"], [ok(learner("A"))])).toThrow("2 files but 1 results");
  });

  it("keeps valid applications, drops a malformed one, and merges a learner's files in the order given", () => {
    const gathered = gatherClass(
      ["a-export.json", "b.json", "a-apply.json", "a-apply-again.json", "a-bad.json"],
      [
        ok(learner("A", [attempt("t", { q1: "a" }, "2026-05-01T08:00:00.000Z")])),
        ok(learner("B"), application("pre-job")),
        ok(learner("A", [attempt("t", { q1: "b" }, "2026-05-02T08:00:00.000Z")]), application("pre-job")),
        ok(learner("A"), application("mid")),
        ok(learner("A"), { kind: APPLICATION_KIND, version: APPLICATION_VERSION }),
      ],
    );
    expect(gathered.merged).toBe(3);
    expect(gathered.refused).toEqual([]);
    expect(gathered.learners.map((l) => [l.record.learner.id, l.files, l.applications.map((a) => a.level.id)])).toEqual([
      ["A", ["a-export.json", "a-apply.json", "a-apply-again.json", "a-bad.json"], ["pre-job", "mid"]],
      ["B", ["b.json"], ["pre-job"]],
    ]);
    expect(gathered.learners[0].record.attempts).toHaveLength(2);
  });

  it("gives a learner whose only file has a malformed application no application", () => {
    const gathered = gatherClass(["a.json"], [ok(learner("A"), { kind: "something else" })]);
    expect(gathered.learners.map((l) => l.applications)).toEqual([[]]);
  });
});

describe("checking files", () => {
  it("answers every file in the order given, more files than are checked at once", async () => {
    const ids = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];
    const files = await Promise.all(ids.map(async (id) => ({ name: `${id}.json`, text: await exportText(learner(id)) })));
    files.splice(4, 0, { name: "broken.json", text: "{ not json" });
    const results = await checkClassFiles(files);
    expect(results.map((r) => (r.ok ? r.record.learner.id : r.problem.code))).toEqual([...ids.slice(0, 4), "truncated", ...ids.slice(4)]);
    expect(await checkClassFiles([])).toEqual([]);
  });

  it("refuses a file left unread by its size, naming the size, and never a smaller size than the limit", async () => {
    const [huge, odd] = await checkClassFiles([
      { name: "huge.json", unreadSize: 20 * 1024 * 1024 },
      { name: "odd.json", unreadSize: 100 },
    ]);
    expect(huge.ok || huge.problem).toMatchObject({ code: "too-large", message: expect.stringContaining("20.0 MB") });
    expect(odd.ok || odd.problem).toMatchObject({ code: "too-large" });
  });
});
