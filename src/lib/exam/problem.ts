/**
 * What went wrong, as a code with values; src/i18n/zh-CN.exam.ts words each code once
 * (`exam.problem.<code>`), and `sayProblem` fills it with the caller's strings and `fill`
(src/i18n/fill.ts): rules never import src/i18n. `what` names a file kind
 * (`exam.file.<what>`), `field` a part of a file (`exam.field.<field>`).
 */
/** Values for a message's `{name}` placeholders (the shape of src/i18n's `Values`). */
export type Values = Record<string, string | number>;

/** src/i18n's `fill`, passed in by the caller. */
export type Fill = (template: string, values: Values) => string;

export type FileKind = "paper" | "sheet" | "codes" | "key";

export interface Problem {
  code: string;
  values?: Values;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const problem = (code: string, values?: Values): { ok: false; problem: Problem } => ({ ok: false, problem: { code, values } });

/** The problem in words. A missing key shows the code rather than nothing. */
export function sayProblem(p: Problem, strings: Readonly<Record<string, string>>, fill: Fill): string {
  const values: Values = { ...p.values };
  if (typeof values.what === "string") values.what = strings[`exam.file.${values.what}`] ?? values.what;
  if (typeof values.field === "string") values.field = strings[`exam.field.${values.field}`] ?? values.field;
  return fill(strings[`exam.problem.${p.code}`] ?? p.code, values);
}
