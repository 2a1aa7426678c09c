/**
 * schema.ts builds its zod schemas when it is imported: a mistake there (a discriminated
 * union whose options lack their `type` or `kind`, a field factory that returns nothing)
 * throws at import time and breaks `npm run check`, the build and every page that reads a
 * bank. The module is imported inside the test, so such a throw fails this test instead of
 * stopping the file from being collected (which a mutation run would count as no failing test).
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validFiles } from "./check-mutations.ts";

describe("the bank schema module", () => {
  it("loads, and accepts the valid fixture banks with every item type and quiz kind", async () => {
    const { bankFileSchema } = await import("../../../src/lib/quiz/schema.ts");
    const banks = [...validFiles()].map(([file, text]) => ({ file, result: bankFileSchema.safeParse(parse(text)) }));
    for (const { file, result } of banks) expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
    const items = banks.flatMap(({ result }) => result.data?.items ?? []);
    const quizzes = banks.flatMap(({ result }) => result.data?.quizzes ?? []);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(["single", "multiple", "true-false", "ordering", "matching", "case-judgement"]));
    expect(quizzes.map((q) => q.kind).sort()).toEqual(["course-final", "lesson-check"]);
  });
});
