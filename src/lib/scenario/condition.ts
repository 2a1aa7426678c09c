/** Conditions are data, interpreted here and nowhere else (no eval, no expressions). */
import type { FieldPath } from "../content/source.ts";
import type { Branch, Condition } from "./schema.ts";

/** The part of a run that conditions can see. */
export interface Env {
  vars: Readonly<Record<string, number>>;
  flags: Readonly<Record<string, boolean>>;
}

export function evalCondition(condition: Condition, env: Env): boolean {
  if ("all" in condition) return condition.all.every((c) => evalCondition(c, env));
  if ("any" in condition) return condition.any.some((c) => evalCondition(c, env));
  if ("not" in condition) return !evalCondition(condition.not, env);
  if ("flag" in condition) return env.flags[condition.flag] === true;
  const value = env.vars[condition.var];
  // An unknown variable never satisfies a comparison; the checker reports it beforehand.
  if (value === undefined) return false;
  const { eq, ne, gt, gte, lt, lte } = condition;
  return (
    (eq === undefined || value === eq) &&
    (ne === undefined || value !== ne) &&
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte)
  );
}

/** The target of the first branch whose condition holds (the last branch always does). */
export function resolveNext(branches: readonly Branch[], env: Env): string {
  for (const branch of branches) {
    if (branch.if === undefined || evalCondition(branch.if, env)) return branch.to;
  }
  // Unreachable for schema-valid data: the last branch has no `if`.
  return branches[branches.length - 1].to;
}

/** A variable or flag named by a condition, with where it is written (relative path). */
export interface ConditionRef {
  kind: "var" | "flag";
  name: string;
  path: FieldPath;
}

export function conditionRefs(condition: Condition, path: FieldPath = []): ConditionRef[] {
  if ("all" in condition) return condition.all.flatMap((c, i) => conditionRefs(c, [...path, "all", i]));
  if ("any" in condition) return condition.any.flatMap((c, i) => conditionRefs(c, [...path, "any", i]));
  if ("not" in condition) return conditionRefs(condition.not, [...path, "not"]);
  if ("flag" in condition) return [{ kind: "flag", name: condition.flag, path: [...path, "flag"] }];
  return [{ kind: "var", name: condition.var, path: [...path, "var"] }];
}

