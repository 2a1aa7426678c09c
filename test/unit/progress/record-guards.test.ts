/**
 * What the import guards (record-guards.ts) and the profile form's guard (learner-guards.ts)
 * say when they refuse something. guards.test.ts checks that they accept exactly what the
 * schema accepts; here each refusal must name the field at fault (down to the entry's
 * index) and the reason, since that is all a developer or a volunteer has to go on.
 */
import { describe, expect, it } from "vitest";
import { LABEL_MAX, learnerFields } from "../../../src/lib/progress/learner-guards.ts";
import { profileProblems, recordProblems } from "../../../src/lib/progress/record-guards.ts";
import { sampleRecord } from "./sample.ts";

describe("profileProblems", () => {
  const profile = () => ({ ...sampleRecord().learner });

  it("accepts a stored profile, with or without per-field times, and any subset of them", () => {
    expect(profileProblems(profile())).toEqual([]);
    const at = "2025-03-02T08:00:00.000Z";
    expect(profileProblems({ ...profile(), changed: { name: at } })).toEqual([]);
    expect(profileProblems({ ...profile(), changed: { village: at } })).toEqual([]);
    expect(profileProblems({ ...profile(), changed: { name: at, township: at, village: at } })).toEqual([]);
  });

  it("names a bad or unknown field time under changed", () => {
    expect(profileProblems({ ...profile(), changed: { township: "昨天" } })).toEqual(["changed.township：格式不对"]);
    expect(profileProblems({ ...profile(), changed: { age: "2025-03-02T08:00:00.000Z" } })).toEqual(["changed：多余的字段 age"]);
    expect(profileProblems({ ...profile(), changed: "2025-03-02T08:00:00.000Z" })).toEqual(["changed：类型不对"]);
  });

  it("refuses each label with outer spaces, by name (an import must not bring back an untrimmed name)", () => {
    expect(profileProblems({ ...profile(), name: " 张秀兰" })).toEqual(["name：前后不能有空格"]);
    expect(profileProblems({ ...profile(), township: "城关镇 " })).toEqual(["township：前后不能有空格"]);
    expect(profileProblems({ ...profile(), village: "\t东关村" })).toEqual(["village：前后不能有空格"]);
    expect(profileProblems({ ...profile(), name: " 张 ", village: " 东关村 " })).toEqual(["name：前后不能有空格", "village：前后不能有空格"]);
  });

  it("holds each label to 40 characters, the name to at least one", () => {
    const long = "很".repeat(41);
    expect(profileProblems({ ...profile(), name: long })).toEqual(["name：超出范围"]);
    expect(profileProblems({ ...profile(), township: long })).toEqual(["township：超出范围"]);
    expect(profileProblems({ ...profile(), village: long })).toEqual(["village：超出范围"]);
    expect(profileProblems({ ...profile(), name: "", township: "", village: "" })).toEqual(["name：超出范围"]);
  });

  it("checks the spaces only once the fields are text", () => {
    expect(profileProblems({ ...profile(), name: 5, village: " 东关村 " })).toEqual(["name：类型不对"]);
    expect(profileProblems(null)).toEqual(["类型不对"]);
  });
});

describe("recordProblems", () => {
  const record = () => structuredClone(sampleRecord()) as unknown as Record<string, unknown>;

  it("accepts the sample record at its version", () => {
    expect(recordProblems(record(), 2)).toEqual([]);
  });

  it("refuses what is not an object", () => {
    for (const value of [null, [], "record", 2]) expect(recordProblems(value, 2)).toEqual(["应为字段组"]);
  });

  it("names unknown fields and a version other than the one expected", () => {
    expect(recordProblems({ ...record(), badges: [], notes: "" }, 2)).toEqual(["不认识的字段 badges、notes"]);
    expect(recordProblems(record(), 3)).toEqual(["version：只能是 3"]);
    expect(recordProblems({ ...record(), version: "2" }, 2)).toEqual(["version：只能是 2"]);
  });

  it("prefixes the profile's problems with learner", () => {
    const r = record();
    r.learner = { ...(r.learner as object), name: "" };
    expect(recordProblems(r, 2)).toEqual(["learner.name：超出范围"]);
    expect(recordProblems({ ...record(), learner: undefined }, 2)).toEqual(["learner：类型不对"]);
  });

  it("says which list is not a list", () => {
    expect(recordProblems({ ...record(), lessons: {} }, 2)).toEqual(["lessons：应为列表"]);
    expect(recordProblems({ ...record(), attempts: undefined }, 2)).toEqual(["attempts：应为列表"]);
    expect(recordProblems({ ...record(), runs: "none" }, 2)).toEqual(["runs：应为列表"]);
  });

  it("names a bad entry by its list and index", () => {
    const r = sampleRecord();
    r.lessons[1] = { ...r.lessons[1]!, seconds: -1 };
    r.attempts[0] = { ...r.attempts[0]!, passed: "yes" as never };
    r.runs[0] = { ...r.runs[0]!, ending: "" };
    expect(recordProblems(r, 2)).toEqual(["lessons.1.seconds：超出范围", "attempts.0.passed：类型不对", "runs.0.ending：超出范围"]);
  });

  it("names an id used twice in one list, in that list's words", () => {
    const r = sampleRecord();
    r.lessons[1] = { ...r.lessons[1]!, id: r.lessons[0]!.id };
    r.attempts.push({ ...r.attempts[0]!, started: "2025-03-02T08:00:00.000Z", finished: "2025-03-02T08:01:00.000Z" });
    r.runs.push({ ...r.runs[0]! }, { ...r.runs[0]!, id: "run-2" }, { ...r.runs[0]! });
    expect(recordProblems(r, 2)).toEqual([
      "lessons.1.id：学习记录编号 ev-open-1 重复",
      "attempts.1.id：测验记录编号 at-1 重复",
      "runs.1.id：案例模拟记录编号 run-1 重复",
      "runs.3.id：案例模拟记录编号 run-1 重复",
    ]);
    // The same id in two different lists is not a duplicate.
    const s = sampleRecord();
    s.attempts[0] = { ...s.attempts[0]!, id: s.lessons[0]!.id };
    expect(recordProblems(s, 2)).toEqual([]);
  });

  it("reports an entry that is not an object without looking for its id", () => {
    const r = record();
    r.lessons = [null, 7];
    expect(recordProblems(r, 2)).toEqual(["lessons.0：类型不对", "lessons.1：类型不对"]);
  });

  it("does not call two entries without an id duplicates", () => {
    const r = sampleRecord();
    const { id: _first, ...noId } = r.runs[0]!;
    r.runs = [noId as never, { ...noId } as never];
    expect(recordProblems(r, 2)).toEqual(["runs.0.id：缺少", "runs.1.id：缺少"]);
  });
});

describe("learnerFields: what a volunteer typed", () => {
  it("trims every field and keeps the three, nothing else", () => {
    expect(learnerFields({ name: " 张秀兰 ", township: "城关镇\t", village: "" })).toEqual({ ok: true, fields: { name: "张秀兰", township: "城关镇", village: "" } });
  });

  it("refuses what is not a form's fields", () => {
    for (const value of [null, [], "张秀兰", 3]) expect(learnerFields(value)).toEqual({ ok: false, problems: ["学员信息的格式不对"] });
  });

  it("tells a missing field from one of the wrong type, in the field's own words", () => {
    expect(learnerFields({ name: "张秀兰", township: "城关镇" })).toEqual({ ok: false, problems: ["village：缺少村（社区）"] });
    expect(learnerFields({ township: "城关镇", village: "" })).toEqual({ ok: false, problems: ["name：缺少姓名"] });
    expect(learnerFields({ name: "张秀兰", township: 3, village: null })).toEqual({ ok: false, problems: ["township：乡镇（街道）应为文字", "village：村（社区）应为文字"] });
  });

  it("names unknown fields, and still checks the known ones", () => {
    expect(learnerFields({ name: "", township: "", village: "", id: "x", phone: "1" })).toEqual({
      ok: false,
      problems: ["不认识的字段 id、phone", "name：姓名不能为空"],
    });
  });

  it("allows an empty township and village but not an empty name; each at most LABEL_MAX characters after trimming", () => {
    expect(LABEL_MAX).toBe(40);
    expect(learnerFields({ name: "张", township: "", village: "  " })).toEqual({ ok: true, fields: { name: "张", township: "", village: "" } });
    expect(learnerFields({ name: "  ", township: "", village: "" })).toEqual({ ok: false, problems: ["name：姓名不能为空"] });
    const long = "很".repeat(LABEL_MAX);
    expect(learnerFields({ name: ` ${long} `, township: long, village: long }).ok).toBe(true);
    expect(learnerFields({ name: `${long}长`, township: `${long}长`, village: `${long}长` })).toEqual({
      ok: false,
      problems: ["name：姓名最多 40 个字", "township：乡镇（街道）最多 40 个字", "village：村（社区）最多 40 个字"],
    });
  });

  it("a rename checks only the fields given, and an empty rename changes nothing", () => {
    expect(learnerFields({ name: " 张秀英 " }, true)).toEqual({ ok: true, fields: { name: "张秀英" } });
    expect(learnerFields({}, true)).toEqual({ ok: true, fields: {} });
    expect(learnerFields({ township: 5 }, true)).toEqual({ ok: false, problems: ["township：乡镇（街道）应为文字"] });
    // Not partial: every field must be there.
    expect(learnerFields({})).toEqual({ ok: false, problems: ["name：缺少姓名", "township：缺少乡镇（街道）", "village：缺少村（社区）"] });
  });
});
