/**
 * What went wrong, as a code with values; src/i18n/zh-CN.exam.ts words each code once
 * (`exam.problem.<code>`), and `sayProblem` fills it. `what` names a file kind
 * (`exam.file.<what>`), `field` a part of a file (`exam.field.<field>`).
 */
import { fill, type Strings, type Values } from "../../i18n/fill.ts";

export type FileKind = "paper" | "sheet" | "codes" | "key";

export interface Problem {
  code: string;
  values?: Values;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const problem = (code: string, values?: Values): { ok: false; problem: Problem } => ({ ok: false, problem: { code, values } });

/** The problem in words. A missing key shows the code rather than nothing. */
export function sayProblem(p: Problem, strings: Strings): string {
  const values: Values = { ...p.values };
  if (typeof values.what === "string") values.what = strings[`exam.file.${values.what}`] ?? values.what;
  if (typeof values.field === "string") values.field = strings[`exam.field.${values.field}`] ?? values.field;
  return fill(strings[`exam.problem.${p.code}`] ?? p.code, values);
}
