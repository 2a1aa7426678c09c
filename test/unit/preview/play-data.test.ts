import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { bankFileSchema } from "../../../src/lib/quiz/schema.ts";
import { scenarioSchema } from "../../../src/lib/scenario/schema.ts";
import type { ProvisionInfo } from "../../../src/lib/scenario/player-view.ts";
import { quizData, simulationData, takeableQuizzes } from "../../../src/lib/preview/play-data.ts";

const scenario = scenarioSchema.parse(parse(readFileSync("test/fixtures/scenarios/minimal.yaml", "utf8")));
const bank = bankFileSchema.parse(parse(readFileSync("test/fixtures/preview/preview-bank.yaml", "utf8")));
const info = (id: string): ProvisionInfo => ({ id, citation: `《人民调解法》${id}`, heading: "h", summary: "s", url: `/law/${id}/` });
const law = new Map(["rmtjf-4", "rmtjf-17", "rmtjf-29", "rmtjf-33"].map((id) => [id, info(id)]));

describe("simulationData", () => {
  it("hands the player the scenario and the site's text of each provision it cites, skipping ids the site lacks", () => {
    const data = simulationData(scenario, law);
    expect(data.scenario).toBe(scenario);
    expect(data.provisions.map((p) => p.id)).toEqual(["rmtjf-17"]);
    expect(simulationData(scenario, new Map()).provisions).toEqual([]);
  });
});

describe("quiz data", () => {
  const crossBank = {
    ...bank,
    quizzes: [
      ...bank.quizzes,
      { ...bank.quizzes[0]!, id: "other", draw: [{ count: 1, bank: "basics" }] },
      { ...bank.quizzes[0]!, id: "mixed", draw: [{ count: 1, tags: ["预览"] }, { count: 1, bank: "basics" }] },
    ],
  };

  it("offers only the quizzes that draw from this bank alone", () => {
    expect(takeableQuizzes(crossBank).map((q) => q.id)).toEqual(["preview-check"]);
    expect(quizData(crossBank, "other", law)).toBeUndefined();
    expect(quizData(crossBank, "mixed", law)).toBeUndefined();
    expect(quizData(bank, "missing", law)).toBeUndefined();
  });

  it("builds the quiz page data carrying the drawable items and the law links each cites", () => {
    const data = quizData(bank, "preview-check", law)!;
    expect(data.quiz.id).toBe("preview-check");
    expect(data.bank).toBe("preview-bank");
    expect(data.pools).toEqual([["pv-free", "pv-voluntary"]]);
    expect(data.files?.map((f) => [f.bank, f.item.id, f.provisions])).toEqual([
      ["preview-bank", "pv-free", [{ id: "rmtjf-4", citation: "《人民调解法》rmtjf-4", url: "/law/rmtjf-4/" }]],
      ["preview-bank", "pv-voluntary", [{ id: "rmtjf-17", citation: "《人民调解法》rmtjf-17", url: "/law/rmtjf-17/" }]],
    ]);
    expect(quizData(bank, "preview-check", new Map())!.files?.map((f) => f.provisions)).toEqual([[], []]);
  });
});
