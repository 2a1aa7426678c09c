import { describe, expect, it } from "vitest";
import { firstLoadBudgets, overBudget, shortOfGoal, type FirstLoad } from "../../../scripts/bench/first-load.ts";

const row = (type: FirstLoad["type"], total: number, js = 1000): FirstLoad => ({ page: `${type}/x/`, type, html: 0, css: 0, js, data: 0, total });
const lesson = firstLoadBudgets.find((b) => b.types.includes("lesson") && b.measure === "total")!;

describe("first-load budgets", () => {
  it("fails a page over what CI holds, and only reports one between the goal and the hold", () => {
    expect(lesson.holdAt).toBeGreaterThan(lesson.limit);
    expect(overBudget([row("lesson", lesson.limit)])).toEqual([]);
    expect(shortOfGoal([row("lesson", lesson.limit)])).toEqual([]);
    expect(overBudget([row("lesson", lesson.limit + 1)])).toEqual([]);
    expect(shortOfGoal([row("lesson", lesson.limit + 1)])).toHaveLength(1);
    expect(overBudget([row("lesson", lesson.holdAt! + 1)])).toHaveLength(1);
    expect(shortOfGoal([row("lesson", lesson.holdAt! + 1)])).toEqual([]);
  });

  it("enforces the goal itself where no hold is set", () => {
    expect(overBudget([row("home", 5000, 2 * 1024 + 1)])).toHaveLength(1);
    expect(overBudget([row("home", 5000, 2 * 1024)])).toEqual([]);
  });
});
