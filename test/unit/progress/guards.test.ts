/**
 * The write-path guards (guards.ts) must accept exactly what the record schema
 * (schema.ts) accepts, or an entry the store wrote could later fail to import. Each case
 * is one value, from valid ones and from mutations that break one rule at a time (and
 * near-misses that must still pass); the guard and the schema must agree on every one.
 */
import { describe, expect, it } from "vitest";
import { lessonEventProblems, quizAttemptProblems, scenarioRunProblems } from "../../../src/lib/progress/guards.ts";
import { learnerFields } from "../../../src/lib/progress/learner-guards.ts";
import { profileProblems, recordProblems } from "../../../src/lib/progress/record-guards.ts";
import { learnerProfileSchema, lessonEventSchema, progressRecordSchema, quizAttemptSchema, scenarioRunSchema } from "../../../src/lib/progress/schema.ts";
import { sampleRecord } from "./sample.ts";

type Mutation = [name: string, change: (v: Record<string, unknown>) => unknown];

const without = (key: string): Mutation => [`without ${key}`, (v) => { const c = { ...v }; delete c[key]; return c; }];
const set = (key: string, value: unknown, name = `${key} = ${String(JSON.stringify(value) ?? value)}`.slice(0, 80)): Mutation => [name, (v) => ({ ...v, [key]: value })];

const times = [
  "2025-03-01T08:30:00.000Z", "2025-03-01T08:30:00Z", "2025-03-01T08:30Z", "2025-03-01T08:30:00.123456Z", "2025-03-01T08:30:00+08:00",
  "2025-03-01T08:30:00+0800", "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
  "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-03-00T00:00:00Z", "2025-03-01T24:00:00Z",
  "2025-03-01T23:60:00Z", "2025-03-01T23:59:60Z", "2025-03-01T08:30:00", "2025-03-01 08:30:00Z", "2025-03-01T08:30:00z",
  "2025-03-01", "", "0000-02-29T00:00:00Z", "2025-03-01T08:30:00.Z", "2025-3-01T08:30:00Z", "2025-03-01T8:30:00Z",
];
const timeMutations = (key: string): Mutation[] => [...times.map((t) => set(key, t)), set(key, 1740818400000), set(key, null)];

const common = (idKey = "id"): Mutation[] => [
  without(idKey), set(idKey, ""), set(idKey, "a".repeat(100)), set(idKey, "a".repeat(101)), set(idKey, "ab/c"), set(idKey, "v1.quiz.x:1_2-3"), set(idKey, "编号"), set(idKey, 42),
  set("extra", 1), set("extra", undefined, "extra = undefined"),
];

function agree(name: string, base: Record<string, unknown>, mutations: Mutation[], guard: (v: unknown) => string[], schema: { safeParse(v: unknown): { success: boolean } }) {
  describe(name, () => {
    const cases: [string, unknown][] = [["as is", base], ...mutations.map(([n, f]) => [n, f(base)] as [string, unknown])];
    it.each(cases)("agrees with the schema: %s", (_n, value) => {
      const problems = guard(value);
      expect(problems.length === 0, `guard said ${JSON.stringify(problems)}`).toBe(schema.safeParse(value).success);
    });
    it("the base value is valid and the mutations include failures", () => {
      expect(guard(base)).toEqual([]);
      expect(cases.filter(([, v]) => !schema.safeParse(v).success).length).toBeGreaterThan(5);
    });
  });
}

const record = sampleRecord();

agree("lesson events", { ...record.lessons[1]! }, [
  ...common(),
  without("lesson"), set("lesson", "procedure"), set("lesson", "Procedure/the-session"), set("lesson", "a/b/c"), set("lesson", "a-/b"),
  without("kind"), set("kind", "closed"), set("kind", "OPENED"),
  ...timeMutations("at"), without("at"),
  without("seconds"), set("seconds", 0), set("seconds", 86_400), set("seconds", 86_401), set("seconds", -1), set("seconds", 1.5), set("seconds", "60"), set("seconds", Number.NaN), set("seconds", Number.POSITIVE_INFINITY),
], lessonEventProblems, lessonEventSchema);

agree("quiz attempts", structuredClone(record.attempts[0]!) as unknown as Record<string, unknown>, [
  ...common(),
  without("quiz"), set("quiz", "The-Quiz"), set("quiz", "a--b"), set("quiz", "a_b"),
  without("seed"), set("seed", ""), set("seed", "s".repeat(64)), set("seed", "s".repeat(65)), set("seed", 7),
  without("items"), set("items", []), set("items", Array(200).fill("x")), set("items", Array(201).fill("x")), set("items", ["Bad_Id"]), set("items", "x"),
  without("answers"), set("answers", {}), set("answers", []), set("answers", null), set("answers", { a: null, b: true, c: "x", d: ["p", "q"], e: { p: "q" } }),
  set("answers", { a: 5 }), set("answers", { a: "x".repeat(100) }), set("answers", { a: "x".repeat(101) }), set("answers", { a: Array(20).fill("x") }), set("answers", { a: Array(21).fill("x") }),
  set("answers", { a: [1] }), set("answers", { a: { ["k".repeat(101)]: "v" } }), set("answers", { a: { k: "v".repeat(101) } }), set("answers", { a: { k: 1 } }), set("answers", { a: new Date(0) }),
  set("answers", new Map()), set("answers", { ["x".repeat(300)]: "a" }),
  without("score"), set("score", 0), set("score", -0.5), set("score", 2), set("score", 2.0000000001), set("score", 2.1), set("score", Number.NaN), set("score", Number.POSITIVE_INFINITY), set("score", "2"),
  without("max"), set("max", 0), set("max", -1), set("max", 0.5), set("max", Number.POSITIVE_INFINITY),
  without("passed"), set("passed", "true"), set("passed", 1),
  ...timeMutations("started"), ...timeMutations("finished"),
], quizAttemptProblems, quizAttemptSchema);

agree("scenario runs", structuredClone(record.runs[0]!) as unknown as Record<string, unknown>, [
  ...common(),
  without("scenario"), set("scenario", "Boundary"),
  without("log"), set("log", []), set("log", [null, 1, "a", true, [1, [2]], { a: { b: [] } }]), set("log", Array(2000).fill(1)), set("log", Array(2001).fill(1)),
  set("log", [Number.NaN]), set("log", [Number.POSITIVE_INFINITY]), set("log", [undefined]), set("log", [{ a: undefined }]), set("log", [new Date(0)]), set("log", [new Map()]), set("log", {}),
  without("path"), set("path", []), set("path", ["x".repeat(100)]), set("path", ["x".repeat(101)]), set("path", Array(2001).fill("n")), set("path", [1]),
  without("ending"), set("ending", ""), set("ending", "e".repeat(100)), set("ending", "e".repeat(101)), set("ending", 3),
  without("outcome"), set("outcome", undefined, "outcome = undefined"), set("outcome", ""), set("outcome", "o".repeat(40)), set("outcome", "o".repeat(41)), set("outcome", null), set("outcome", 1),
  without("score"), set("score", -5), set("score", 1e9), set("score", Number.NaN), set("score", Number.NEGATIVE_INFINITY),
  without("max"), set("max", 0), set("max", -1), set("max", Number.POSITIVE_INFINITY),
  ...timeMutations("started"), ...timeMutations("finished"),
], scenarioRunProblems, scenarioRunSchema);

// Stored profiles are already trimmed (the schema trims on import), so no case has outer spaces.
agree("profiles", { ...record.learner }, [
  ...common(),
  without("name"), set("name", ""), set("name", "名".repeat(40)), set("name", "名".repeat(41)), set("name", 1),
  without("township"), set("township", ""), set("township", "镇".repeat(41)),
  without("village"), set("village", ""), set("village", null),
  ...timeMutations("created"), ...timeMutations("updated"),
], profileProblems, learnerProfileSchema);

agree("whole records", structuredClone(record) as unknown as Record<string, unknown>, [
  set("version", 1), set("version", 3), set("version", "2"), without("version"), without("learner"), without("lessons"), set("lessons", {}), set("extra", []),
  set("learner", { ...record.learner, name: "" }, "learner without a name"),
  set("attempts", [...record.attempts, ...record.attempts], "attempts with the same id twice"),
  set("lessons", [record.lessons[0], { ...record.lessons[1], id: record.lessons[0]!.id }], "lessons with the same id twice"),
  set("runs", [{ ...record.runs[0], id: "run-2" }, ...record.runs], "two runs"),
  set("runs", [{ ...record.runs[0], max: -1 }], "a run with a negative max"),
  set("attempts", [{ ...record.attempts[0], score: 9 }], "an attempt scored above its max"),
], (v) => recordProblems(v, 2), progressRecordSchema);

describe("learner fields", () => {
  const profile = record.learner;
  // The profile without the three fields the form fills in: the input supplies them.
  const { name: _n, township: _t, village: _v, ...rest } = profile;
  const inputs: unknown[] = [
    { name: "张秀兰", township: "城关镇", village: "东关村" },
    { name: "  张秀兰  ", township: " 城关镇", village: "" },
    { name: "   ", township: "", village: "" },
    { name: "", township: "", village: "" },
    { name: "名".repeat(40), township: "镇".repeat(40), village: "村".repeat(40) },
    { name: "名".repeat(41), township: "", village: "" },
    { name: ` ${"名".repeat(40)} `, township: "", village: "" },
    { name: "张", township: "镇".repeat(41), village: "" },
    { name: "张", township: "", village: 5 },
    { name: "张", township: "" },
    { name: "张", township: "", village: "", extra: "x" },
    { name: 1, township: "", village: "" },
    null,
    "张秀兰",
  ];
  it.each(inputs.map((v) => [JSON.stringify(v)?.slice(0, 60) ?? String(v), v]))("agree with the profile schema: %s", (_n, input) => {
    const guarded = learnerFields(input);
    const parsed = learnerProfileSchema.safeParse(typeof input === "object" && input !== null ? { ...rest, ...input } : input);
    expect(guarded.ok).toBe(parsed.success);
    if (guarded.ok && parsed.success) {
      const data = parsed.data as typeof profile;
      expect(guarded.fields).toEqual({ name: data.name, township: data.township, village: data.village });
    }
  });

  it("checks only the given fields for a rename", () => {
    expect(learnerFields({ village: " 西关村 " }, true)).toEqual({ ok: true, fields: { village: "西关村" } });
    expect(learnerFields({ name: " " }, true).ok).toBe(false);
    expect(learnerFields({ id: "x" }, true).ok).toBe(false);
  });

  it("say what is wrong, in Chinese, with the field (fully for what a person typed)", () => {
    const result = learnerFields({ name: " ", township: "镇".repeat(41), village: "" });
    expect(result).toEqual({ ok: false, problems: ["name：姓名不能为空", "township：乡镇（街道）最多 40 个字"] });
    expect(quizAttemptProblems({ ...record.attempts[0]!, score: 3 })).toEqual(["score：得分不能高于满分"]);
    expect(lessonEventProblems({ ...record.lessons[0]!, at: "yesterday" })).toEqual(["at：格式不对"]);
    expect(scenarioRunProblems({ ...record.runs[0]!, extra: 1, ending: undefined })).toEqual(["多余的字段 extra", "ending：缺少"]);
  });
});
