/** The shipped curriculum against the coverage rules, through the one content check. */
import { describe, expect, it } from "vitest";
import { checkAll } from "../../../src/lib/check-all.ts";
import { contentDir } from "../../../src/lib/content/content-dir.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";

const root = process.cwd();
const result = checkAll(root, contentDir(root));

describe("shipped coverage", () => {
  it("teaches, practises and assesses every People's Mediation Law article from 17 to 33", () => {
    const coded = result.issues.filter((i) => i.code?.startsWith("provision-"));
    expect(coded, formatIssues(coded)).toEqual([]);
    const rows = result.coverage.provisions.filter((p) => p.statute === "rmtjf" && p.article >= 17 && p.article <= 33);
    expect(rows.map((p) => p.article)).toEqual(Array.from({ length: 17 }, (_, i) => 17 + i));
  });

  it("tests every lesson objective with at least one quiz item", () => {
    expect(result.warnings, formatIssues(result.warnings)).toEqual([]);
  });
});
