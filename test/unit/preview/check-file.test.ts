/**
 * The preview page's checker: one file, the same checker as `npm run check`, against the
 * ids the build publishes (known.json), which must say exactly what the content set says.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentDir } from "../../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { checkQuizText, knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { checkScenarioText } from "../../../src/lib/scenario/check.ts";
import { checkFile, detectKind } from "../../../src/lib/preview/check-file.ts";
import { knownFromIds, knownIds } from "../../../src/lib/preview/known.ts";

const siteKnown = knownFromContentSet(readContentSet({ root: process.cwd(), content: contentDir(process.cwd()) }).set);
// What the page gets: the build's JSON, read back.
const known = knownFromIds(JSON.parse(JSON.stringify(knownIds(siteKnown))))!;
const scenario = readFileSync("test/fixtures/scenarios/minimal.yaml", "utf8");
const bank = readFileSync("test/fixtures/preview/preview-bank.yaml", "utf8");

describe("detectKind", () => {
  it("tells a scenario from a bank by its top-level keys", () => {
    expect(detectKind(scenario)).toBe("scenario");
    expect(detectKind(bank)).toBe("bank");
  });

  it("recognises a file whose YAML does not parse, and one starting with a byte order mark", () => {
    expect(detectKind("id: x\nnodes:\n  a: [\n")).toBe("scenario");
    expect(detectKind("\uFEFFitems:\n- id: a")).toBe("bank");
  });

  it("knows a scenario by any of its keys, a space before the colon allowed", () => {
    expect(detectKind("parties:\n  - id: a\n")).toBe("scenario");
    expect(detectKind("id: x\nnodes :\n  a: {}\n")).toBe("scenario");
    expect(detectKind("quizzes\t:\n")).toBe("bank");
  });

  it("says neither for other YAML, nested keys and free text", () => {
    expect(detectKind("id: rmtjf\nprovisions:\n  - article: 1\n")).toBeUndefined();
    expect(detectKind("id: x\nmeta:\n  nodes: 3\n  items: 2\n")).toBeUndefined();
    expect(detectKind("这不是 YAML")).toBeUndefined();
  });

  it("goes by the majority when keys of both kinds appear, a tie to the scenario", () => {
    expect(detectKind("items: []\nquizzes: []\nstart: a\n")).toBe("bank");
    expect(detectKind("items: []\nstart: a\n")).toBe("scenario");
  });
});

describe("known.json", () => {
  it("carries every provision, lesson, course and objective count of the content set", () => {
    const ids = knownIds(siteKnown);
    expect(ids.provisions).toEqual([...siteKnown.provisions].sort());
    expect(ids.lessons).toEqual([...siteKnown.lessons].sort());
    expect(ids.courses).toEqual([...siteKnown.courses].sort());
    expect(ids.objectives["basics/what-is-people-mediation"]).toBe(siteKnown.objectives!.get("basics/what-is-people-mediation")!.length);
    expect(Object.keys(ids.objectives)).toEqual([...siteKnown.objectives!.keys()].sort());
  });

  it("refuses a download that is not that shape", () => {
    const good = knownIds(siteKnown);
    for (const bad of [null, "x", [], { ...good, provisions: "rmtjf-1" }, { ...good, lessons: [1] }, { ...good, courses: undefined }, { ...good, objectives: [] }, { ...good, objectives: null }, { ...good, objectives: { a: -1 } }, { ...good, objectives: { a: 1.5 } }, { ...good, objectives: { a: "2" } }]) {
      expect(knownFromIds(bad)).toBeUndefined();
    }
    expect(knownFromIds({ ...good, lessons: ["a", 1] })).toBeUndefined();
    expect(knownFromIds({ ...good, objectives: "" })).toBeUndefined();
    expect(knownFromIds({ ...good, objectives: { a: 1, b: -1 } })).toBeUndefined();
    expect(knownFromIds({ ...good, objectives: { a: 0 } })?.objectives?.get("a")).toEqual([]);
    // Only the count travels: the checker reads how many objectives a lesson has.
    expect(knownFromIds({ ...good, objectives: { a: 2 } })?.objectives).toEqual(new Map([["a", ["", ""]]]));
  });
});

describe("checkFile", () => {
  it("passes a sound scenario, returning it to play and the states the exploration checked", () => {
    const result = checkFile(scenario, "minimal.yaml", known);
    expect(result).toMatchObject({ kind: "scenario", issues: [] });
    expect(result.scenario?.id).toBe("minimal");
    expect(result.parsed).toBe(result.scenario);
    expect(result.states).toBe(checkScenarioText(scenario, "minimal.yaml", siteKnown.provisions).exploration!.states);
    expect(result.bank).toBeUndefined();
  });

  it("reports a broken scenario exactly as the content check does, sorted by line, and offers nothing to play", () => {
    const broken = scenario.replace("law: [rmtjf-17]", "law: [rmtjf-999]").replace("start: opening", "start: nowhere");
    const result = checkFile(broken, "minimal.yaml", known);
    const expected = checkScenarioText(broken, "minimal.yaml", siteKnown.provisions).issues;
    expect(result.issues).toHaveLength(expected.length);
    expect(new Set(result.issues)).toEqual(new Set(expected));
    expect(result.issues.map((i) => i.line)).toEqual([...result.issues.map((i) => i.line)].sort((a, b) => a - b));
    expect(result.issues[0]).toMatchObject({ line: 10, field: "law.0" });
    expect(result.issues.some((i) => i.line === 35 && i.field === "start")).toBe(true);
    expect(result.scenario).toBeUndefined();
    // The schema accepted it: its graph can still be drawn.
    expect(result.parsed?.start).toBe("nowhere");
  });

  it("lists a scenario's problems by line even when the checker finds them in another order", () => {
    // The law problem (a reference, found first) sits below the node nothing reaches any more (structure, found later).
    const broken = scenario.replace("    next: ask\n", "    next: talk\n").replace("law: [rmtjf-26]", "law: [rmtjf-998]");
    const found = checkScenarioText(broken, "minimal.yaml", siteKnown.provisions).issues.map((i) => i.line);
    expect(found).not.toEqual([...found].sort((a, b) => a - b));
    expect(checkFile(broken, "minimal.yaml", known).issues.map((i) => i.line)).toEqual([...found].sort((a, b) => a - b));
  });

  it("names the YAML syntax error's line and column", () => {
    const result = checkFile(scenario.replace("difficulty: 1", "difficulty: [1"), "minimal.yaml", known);
    expect(result.kind).toBe("scenario");
    expect(result.issues[0]?.message).toContain("YAML 格式错误");
    expect(result.issues[0]?.line).toBeGreaterThanOrEqual(5);
    expect(result.parsed).toBeUndefined();
  });

  it("holds a scenario to its file name, as content/scenarios/ does", () => {
    expect(checkFile(scenario, "my-case.yaml", known).issues.map((i) => i.field)).toEqual(["id"]);
  });

  it("passes a sound bank, returning it to take", () => {
    const result = checkFile(bank, "preview-bank.yaml", known);
    expect(result).toMatchObject({ kind: "bank", issues: [] });
    expect(result.bank?.id).toBe("preview-bank");
    expect(result.takeable?.map((q) => q.id)).toEqual(["preview-check"]);
    expect(result.scenario).toBeUndefined();
  });

  it("reports a broken bank as the bank checker does, including lessons and objectives from known.json", () => {
    const broken = bank
      .replace("    answer: a\n", "    answer: c\n")
      .replace("law: [rmtjf-17]", "law: [rmtjf-17]\n    objective: basics/what-is-people-mediation#99")
      .replace("lesson: basics/what-is-people-mediation\n\nquizzes", "lesson: basics/nowhere\n\nquizzes");
    const result = checkFile(broken, "preview-bank.yaml", known);
    const expected = checkQuizText(broken, "preview-bank.yaml", siteKnown).issues;
    expect(new Set(result.issues)).toEqual(new Set(expected));
    expect(result.issues.map((i) => [i.line, i.field])).toEqual([
      [24, "items.1.answer"],
      [27, "items.1.objective"],
      [30, "items.1.lesson"],
    ]);
    expect(result.bank).toBeUndefined();
    expect(result.takeable).toBeUndefined();
  });

  it("checks nothing in a file that is neither kind", () => {
    expect(checkFile("id: x\ntitle: y\n", "x.yaml", known)).toEqual({ kind: undefined, issues: [] });
  });
});

describe("previewGraphSvg", () => {
  it("draws the scenario's graph with the light layout, every node, a broken file's dead end marked", async () => {
    const { previewGraphSvg } = await import("../../../src/lib/preview/check-file.ts");
    const words = { strings: { "trainers.tag.unreachable": "到不了" }, fill: (t: string) => t };
    const sound = await previewGraphSvg(checkFile(scenario, "minimal.yaml", known).scenario!, words, "借出去的三轮车的分支图");
    expect(sound.match(/data-node=/g)).toHaveLength(5);
    expect(sound).toContain("<title id=\"pv-title\">借出去的三轮车的分支图</title>");
    expect(sound).not.toContain("到不了");
    // A style attribute inserted by script would be refused by the site's CSP.
    expect(sound).not.toContain("style=");
    const orphan = scenario.replace("    next: ask\n", "    next: talk\n");
    const drawn = await previewGraphSvg(checkFile(orphan, "minimal.yaml", known).parsed!, words, "图");
    expect(drawn).toContain("到不了");
  });
});
