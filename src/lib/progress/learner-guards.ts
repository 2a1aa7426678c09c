/**
 * Name, township and village as a volunteer types them on 我的学习: trimmed and checked
 * with the rules of schema.ts's learnerProfileSchema, and worded for the person typing
 * (unlike guards.ts, whose problems are our bugs). Loaded only where profiles are edited.
 */
import { isObject, type GuardProblem } from "./guards.ts";
import type { LearnerProfile } from "./schema.ts";

export type LearnerFields = Pick<LearnerProfile, "name" | "township" | "village">;

const fields: Record<keyof LearnerFields, { what: string; min: number }> = {
  name: { what: "姓名", min: 1 },
  township: { what: "乡镇（街道）", min: 0 },
  village: { what: "村（社区）", min: 0 },
};

/** The same limit as schema.ts's labels. */
export const LABEL_MAX = 40;

/** `partial`: only the fields given are checked (a rename). */
export function learnerFields(value: unknown, partial = false): { ok: true; fields: Partial<LearnerFields> } | { ok: false; problems: GuardProblem[] } {
  if (!isObject(value)) return { ok: false, problems: ["学员信息的格式不对"] };
  const problems: GuardProblem[] = [];
  const unknown = Object.keys(value).filter((k) => !(k in fields));
  if (unknown.length) problems.push(`不认识的字段 ${unknown.join("、")}`);
  const out: Partial<LearnerFields> = {};
  for (const [key, { what, min }] of Object.entries(fields) as [keyof LearnerFields, { what: string; min: number }][]) {
    const raw = value[key];
    if (raw === undefined && partial) continue;
    if (typeof raw !== "string") {
      problems.push(`${key}：${raw === undefined ? `缺少${what}` : `${what}应为文字`}`);
      continue;
    }
    const text = raw.trim();
    if (text.length < min) problems.push(`${key}：${what}不能为空`);
    else if (text.length > LABEL_MAX) problems.push(`${key}：${what}最多 ${LABEL_MAX} 个字`);
    out[key] = text;
  }
  return problems.length ? { ok: false, problems } : { ok: true, fields: out };
}
