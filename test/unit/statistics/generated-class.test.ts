/** The seeded 300-learner class (scripts/report/class-fixtures.ts) through the whole report, as a trainer would load it. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateClass, type GeneratedClass } from "../../../scripts/report/class-fixtures.ts";
import { checkAll } from "../../../src/lib/check-all.ts";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import { loadClassFiles, type ClassRecords } from "../../../src/lib/statistics/class-files.ts";
import { analyseScenario } from "../../../src/lib/statistics/decision-analysis.ts";
import { analyseItems, type ItemAnalysis } from "../../../src/lib/statistics/item-analysis.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const content = checkAll(root, join(root, "content"));
let generated: GeneratedClass;
let loaded: ClassRecords;
let analysis: ItemAnalysis;

beforeAll(async () => {
  generated = await generateClass(content, { learners: 300 });
  loaded = await loadClassFiles(generated.files);
  analysis = analyseItems(
    loaded.learners.map((l) => l.record),
    buildCatalog(content.banks.map((b) => b.data)),
  );
}, 60_000);

describe("a generated class of 300", () => {
  it("loads every file as one learner each", () => {
    expect(loaded.refused).toEqual([]);
    expect(loaded.learners).toHaveLength(300);
  });

  it("is reproducible from its seed", async () => {
    const again = await generateClass(content, { learners: 5 });
    const first = await generateClass(content, { learners: 5 });
    expect(again.files).toEqual(first.files);
  });

  it("flags the planted misleading distractor, and little else as misleading", () => {
    const planted = analysis.items.find((i) => i.item === generated.planted.item && i.quiz === generated.planted.quiz);
    expect(planted?.flags).toContainEqual(expect.objectContaining({ code: "misleading-option", option: generated.planted.option }));
    const misleading = analysis.items.filter((i) => i.flags.some((f) => f.code === "misleading-option"));
    expect(misleading.length).toBeLessThanOrEqual(Math.ceil(analysis.items.length * 0.05));
  });

  it("has stronger and weaker learners: first-attempt scores spread out", () => {
    for (const quiz of analysis.quizzes) {
      const sorted = [...quiz.scores].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length * 0.9)] - sorted[Math.floor(sorted.length * 0.1)]).toBeGreaterThan(0.3);
    }
  });

  it("replays every generated scenario run", () => {
    for (const file of content.scenarios) {
      if (!file.scenario) continue;
      const a = analyseScenario(file.scenario, loaded.learners.map((l) => l.record));
      expect(a.unreadable).toBe(0);
      expect(a.runs).toBeGreaterThan(0);
    }
  });
});
