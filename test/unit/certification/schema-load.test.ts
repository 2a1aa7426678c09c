/**
 * schema.ts builds its zod schemas when it is imported: a mistake there throws at import
 * time and breaks `npm run check`, the build and the certification pages. The module is
 * imported inside the test, so such a throw fails this test instead of stopping the file
 * from being collected (which a mutation run would count as no failing test).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const files = ["test/fixtures/certification/base.yaml", "test/fixtures/certification/review.yaml", "content/certifications/pre-job.yaml", "content/certifications/annual-review.yaml"];

describe("the certification level schema module", () => {
  it("loads, and accepts the fixture levels and the shipped ones", async () => {
    const { levelSchema, grades } = await import("../../../src/lib/certification/schema.ts");
    expect(grades).toEqual(["一级", "二级", "三级", "四级"]);
    for (const file of files) {
      const result = levelSchema.safeParse(parse(readFileSync(join(process.cwd(), file), "utf8")));
      expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
    }
  });
});
