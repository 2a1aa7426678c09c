/** What the quiz runner's views show, computed without Lit or the DOM. */
import type { DrawnItem } from "./draw.ts";
import type { Response } from "./response.ts";
import type { QuizItem, QuizOption } from "./schema.ts";

/** Scores are sums of fractions: show at most one decimal (2.6667 → 2.7). */
export const points = (n: number): string => String(Math.round(n * 10) / 10);

/** 90 s → "1:30"; whole seconds, rounded up so 0:00 means the time is really up. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}

/** The options of an item in the order this attempt shows them. */
export function optionsShown(item: QuizItem, drawn: DrawnItem): QuizOption[] {
  if (!("options" in item)) return [];
  const byId = new Map(item.options.map((o) => [o.id, o]));
  const order = drawn.options ?? item.options.map((o) => o.id);
  return order.map((id) => byId.get(id)).filter((o): o is QuizOption => Boolean(o));
}

/** Matching prompts in the order shown. */
export function promptsShown(item: Extract<QuizItem, { type: "matching" }>, drawn: DrawnItem): { id: string; text: string }[] {
  const byId = new Map(item.prompts.map((p) => [p.id, p]));
  const order = drawn.prompts ?? item.prompts.map((p) => p.id);
  return order.map((id) => byId.get(id)).filter((p): p is { id: string; text: string } => Boolean(p));
}

export type AnswerState = "answered" | "partly" | "unanswered";

/**
 * Whether the learner has answered an item. An ordering item counts once a step has been
 * moved (its starting order is the shuffle, not the learner's answer); a matching item is
 * partly answered until every prompt has a choice.
 */
export function answerState(item: QuizItem, response: Response | undefined): AnswerState {
  if (response === undefined || response === null) return "unanswered";
  switch (item.type) {
    case "multiple":
    case "ordering":
      return Array.isArray(response) && response.length > 0 ? "answered" : "unanswered";
    case "matching": {
      const given = typeof response === "object" && !Array.isArray(response) ? (response as Record<string, string>) : {};
      const chosen = item.prompts.filter((p) => given[p.id]).length;
      return chosen === 0 ? "unanswered" : chosen < item.prompts.length ? "partly" : "answered";
    }
    default:
      return "answered";
  }
}
