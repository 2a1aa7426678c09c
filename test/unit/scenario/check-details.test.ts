/**
 * Smaller checker and explorer rules: files with no content, rules that apply only when an
 * agreement node exists, conditions on evidence and dialogue links, several findings in one
 * file, and what the explorer promises about the scenarios it is given.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenarioText } from "../../../src/lib/scenario/check.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { reachesEnding } from "../../../src/lib/scenario/graph.ts";
import type { NodeOf } from "../../../src/lib/scenario/schema.ts";
import { ScenarioRunError } from "../../../src/lib/scenario/step.ts";
import { editable, example, fixturesDir, minimal, provisionIds } from "./helpers.ts";

const FILE = "content/scenarios/minimal.yaml";
const text = () => readFileSync(`${fixturesDir}minimal.yaml`, "utf8");
const issuesOf = (yaml: string, provisions: Iterable<string> = provisionIds) => checkScenarioText(yaml, FILE, provisions).issues;

describe("checker details", () => {
  it("calls a file of nothing but comments, or an explicit null, empty", () => {
    for (const yaml of ["# 还没写\n", "~\n"]) {
      expect(issuesOf(yaml), JSON.stringify(yaml)).toEqual([{ file: FILE, line: 1, column: 1, field: "", message: "文件是空的" }]);
    }
  });

  it("does not ask for 第二十九条 when the scenario has no agreement node", () => {
    expect(issuesOf(text(), [...provisionIds].filter((id) => id !== "rmtjf-29"))).toEqual([]);
  });

  it("checks the conditions on the links of evidence and dialogue nodes, at their place", () => {
    const evidence = text().replace(
      "    kind: narration\n    text: 王秀英来到村调委会，说邻居赵建军借了她的三轮车，两个月都没还。\n    next: ask\n",
      "    kind: evidence\n    title: 借条\n    text: 赵建军写的借条。\n    next:\n      - if: { flag: seen }\n        to: ask\n      - to: ask\n",
    );
    expect(issuesOf(evidence).map((i) => [i.field, i.message])).toEqual([["nodes.opening.next.0.if.flag", expect.stringContaining("没有定义标记 seen")]]);
    const dialogue = text().replace(
      "    kind: narration\n    text: 王秀英来到村调委会，说邻居赵建军借了她的三轮车，两个月都没还。\n    next: ask\n",
      "    kind: dialogue\n    lines:\n      - speaker: wang\n        text: 车呢？\n    next:\n      - if: { flag: seen }\n        to: ask\n      - to: ask\n",
    );
    expect(issuesOf(dialogue).map((i) => i.field)).toEqual(["nodes.opening.next.0.if.flag"]);
  });

  it("lists every defined name when a name is misspelt", () => {
    const yaml = text().replace("  trust: { label: 双方的信任, min: 0, max: 3, initial: 1 }\n", "  trust: { label: 双方的信任, min: 0, max: 3, initial: 1 }\n  calm: { label: 平静程度, min: 0, max: 3, initial: 1 }\n");
    const issues = issuesOf(yaml.replace("add: { trust: 1 }", "add: { trsut: 1 }"));
    expect(issues.map((i) => i.message)).toEqual(["没有定义变量 trsut：请在 variables 下定义它，或检查拼写（已定义：trust、calm）"]);
  });

  it("reports every overflowing effect, not only the first", () => {
    const yaml = text()
      .replace("add: { trust: 1 }", "add: { trust: 3 }")
      .replace("        mistake: true\n", "        mistake: true\n        effects: { add: { trust: -2 } }\n");
    expect(issuesOf(yaml).map((i) => i.field)).toEqual(["nodes.ask.choices.0.effects.add.trust", "nodes.ask.choices.1.effects.add.trust"]);
  });
});

describe("explorer details", () => {
  it("finds an agreement node stuck when no complete lawful draft can be written there", () => {
    const scenario = editable(example());
    const draft = scenario.nodes.draft as NodeOf<"agreement">;
    draft.clauses = draft.clauses.filter((c) => c.id !== "performance");
    delete draft.next.unlawful;
    draft.clauses = draft.clauses.filter((c) => !c.unlawful && !c.coerced);
    const found = explore(scenario);
    expect([...found.stuck.keys()]).toEqual(["draft"]);
    expect(found.routes.has("end-lawful")).toBe(false);
  });

  it("explores an agreement node without next.unlawful through its lawful draft only", () => {
    const scenario = editable(example());
    const draft = scenario.nodes.draft as NodeOf<"agreement">;
    delete draft.next.unlawful;
    const found = explore(scenario);
    expect(found.stuck.size).toBe(0);
    expect(found.routes.get("end-lawful")?.at(-1)).toEqual({ agreement: { clauses: ["parties-full", "main-facts", "responsibility", "terms", "performance"] } });
  });

  it("is for scenarios whose links are sound: a missing node is an error, not a loop", () => {
    const scenario = editable(minimal());
    (scenario.nodes.opening as NodeOf<"narration">).next = [{ to: "nowhere" }];
    expect(() => explore(scenario)).toThrow(ScenarioRunError);
  });

  it("reports nothing but its size when it stops at the limit", () => {
    const found = explore(example(), 3);
    expect([found.complete, found.stuck.size, found.trapped.size]).toEqual([false, 0, 0]);
  });

  it("finds that every node of minimal.yaml leads to an ending, and nothing else", () => {
    expect([...reachesEnding(minimal())].sort()).toEqual(["ask", "bad-end", "good-end", "opening", "talk"]);
  });
});
