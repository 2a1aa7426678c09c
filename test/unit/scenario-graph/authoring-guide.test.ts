/**
 * The scenario authoring guide must not teach anything the checker rejects: every complete
 * scenario file shown in it (the template and the example) passes the real checker.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkScenarioText } from "../../../src/lib/scenario/check.ts";
import { graphCounts } from "../../../src/lib/scenario/graph.ts";
import { outcomes } from "../../../src/lib/scenario/schema.ts";
import { zhCN } from "../../../src/i18n/zh-CN.ts";
import { provisionIds, root } from "../scenario/helpers.ts";

const guide = readFileSync(`${root}src/pages/authoring/scenarios.mdx`, "utf8");
const yamlBlocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
/** Blocks that are a whole scenario file (they have a top-level id). */
const files = yamlBlocks.filter((b) => /^id: /m.test(b)).map((text) => ({ text, id: text.match(/^id: ([\w-]+)/m)![1] }));

describe("the scenario authoring guide", () => {
  it("shows a template and a complete example", () => {
    expect(files.map((f) => f.id)).toEqual(["my-case", "example-boundary-wall"]);
  });

  it.each(files)("its $id file passes the checker", ({ text, id }) => {
    const { scenario, issues } = checkScenarioText(text, `content/scenarios/${id}.yaml`, provisionIds);
    expect(formatIssues(issues)).toBe("");
    expect(scenario).toBeDefined();
  });

  it("uses every node kind and every outcome in the template", () => {
    const { scenario } = checkScenarioText(files[0].text, "content/scenarios/my-case.yaml", provisionIds);
    const nodes = Object.values(scenario!.nodes);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(["narration", "dialogue", "evidence", "choice", "agreement", "ending"]));
    const used = new Set(nodes.flatMap((n) => (n.kind === "ending" ? [n.outcome] : [])));
    expect(outcomes.filter((o) => !used.has(o))).toEqual(["correct-referral"]); // named in the outcome table instead
  });

  it("describes the example with its real counts", () => {
    const { scenario } = checkScenarioText(files[1].text, "content/scenarios/example-boundary-wall.yaml", provisionIds);
    const counts = graphCounts(scenario!);
    expect(guide).toContain(`它有 ${counts.nodes} 个节点、${counts.decisions} 个决策点、${counts.endings} 个结局`);
  });

  it("names the difficulty levels with the site's one set of names (the learners' scenario list uses them)", () => {
    const names = [1, 2, 3].map((n) => zhCN[`scenario.difficulty.${n}` as keyof typeof zhCN]);
    expect(files[0].text).toContain(`# 难度：1 ${names[0]}，2 ${names[1]}，3 ${names[2]}`);
  });

  it("shows the example as the checked fixture, apart from its first comment line", () => {
    const fixture = readFileSync(`${root}test/fixtures/scenarios/example-boundary-wall.yaml`, "utf8");
    expect(files[1].text.split("\n").slice(1)).toEqual(fixture.split("\n").slice(1));
  });
});
