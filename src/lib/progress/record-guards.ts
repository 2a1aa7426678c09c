/**
 * Guards for a whole record and its profile, as importRecord receives them (export.ts has
 * already parsed the file with the full schema; these keep the store's own promise
 * without zod). Apart from guards.ts because only an import needs them: pages that just
 * append entries do not download this.
 */
import { at, entryId, isObject, isoTime, lessonEventProblems, object, quizAttemptProblems, scenarioRunProblems, str, within, type GuardProblem } from "./guards.ts";
import { LABEL_MAX } from "./learner-guards.ts";
import type { LearnerProfile } from "./schema.ts";

/** A stored profile (as an import carries it); labels must already be trimmed, as the schema leaves them. */
export function profileProblems(value: unknown): GuardProblem[] {
  const problems = object(
    value,
    {
      id: entryId,
      name: str({ min: 1, max: LABEL_MAX }),
      township: str({ max: LABEL_MAX }),
      village: str({ max: LABEL_MAX }),
      created: isoTime,
      updated: isoTime,
      changed: (v, path, out) => {
        const times = object(v, { name: isoTime, township: isoTime, village: isoTime }, ["name", "township", "village"]);
        out.push(...times.map((p) => within(path, p)));
      },
    },
    ["changed"],
  );
  if (!problems.length) {
    const p = value as LearnerProfile;
    for (const key of ["name", "township", "village"] as const) if (p[key] !== p[key].trim()) problems.push(at(key, "前后不能有空格"));
  }
  return problems;
}

/** A whole record of `version`: the same rules as schema.ts's progressRecordSchema. */
export function recordProblems(value: unknown, version: number): GuardProblem[] {
  if (!isObject(value)) return ["应为字段组"];
  const problems: GuardProblem[] = [];
  const unknown = Object.keys(value).filter((k) => !["version", "learner", "lessons", "attempts", "runs"].includes(k));
  if (unknown.length) problems.push(`不认识的字段 ${unknown.join("、")}`);
  if (value.version !== version) problems.push(at("version", `只能是 ${version}`));
  problems.push(...profileProblems(value.learner).map((p) => within("learner", p)));
  const entries = (key: string, check: (v: unknown) => GuardProblem[], what: string) => {
    const list = value[key];
    if (!Array.isArray(list)) return void problems.push(at(key, "应为列表"));
    const seen = new Set<unknown>();
    list.forEach((entry, i) => {
      problems.push(...check(entry).map((p) => within(`${key}.${i}`, p)));
      // Only a real id can repeat: a missing one is already reported by the entry's check.
      const id = isObject(entry) ? entry.id : undefined;
      if (typeof id !== "string") return;
      if (seen.has(id)) problems.push(at(`${key}.${i}.id`, `${what}编号 ${id} 重复`));
      seen.add(id);
    });
  };
  entries("lessons", lessonEventProblems, "学习记录");
  entries("attempts", quizAttemptProblems, "测验记录");
  entries("runs", scenarioRunProblems, "案例模拟记录");
  return problems;
}
