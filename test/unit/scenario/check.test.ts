/**
 * One failing scenario per checker rule. Each mutation in check-mutations.ts makes a copy of
 * test/fixtures/scenarios/minimal.yaml with one mistake, checked as failingPath(name), and must
 * produce exactly the issues listed here: file, line, column, field and the words a trainer reads.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkScenarioText } from "../../../src/lib/scenario/check.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { checkScenarioDir } from "../../../src/lib/scenario/files.ts";
import { failingPath, failingText, mutations } from "./check-mutations.ts";
import { checkFile, fixturesDir, loadScenario, provisionIds, root } from "./helpers.ts";

const DIR = "test/fixtures/scenarios";

interface Expected {
  line: number;
  column: number;
  field: string;
  says: string[];
}

const cases: Record<keyof typeof mutations, { rule: string; expected: Expected[] }> = {
  "yaml-syntax": {
    rule: "a YAML syntax error is reported on its line",
    expected: [{ line: 7, column: 1, field: "", says: ["YAML 格式错误", "重复的字段名"] }],
  },
  "schema-difficulty": {
    rule: "schema: difficulty outside 1–3",
    expected: [{ line: 5, column: 13, field: "difficulty", says: ["难度 difficulty 只能是 1、2 或 3"] }],
  },
  "schema-unknown-kind": {
    rule: "schema: an unknown node kind lists the six kinds",
    expected: [{ line: 39, column: 11, field: "nodes.opening.kind", says: ["节点类型 kind 只能是", "narration", "ending"] }],
  },
  "schema-bad-condition": {
    rule: "schema: a condition must be data, not an expression string",
    expected: [{ line: 69, column: 20, field: "nodes.talk.choices.0.condition", says: ["条件应写成以下形式之一", "{ flag: 标记名 }"] }],
  },
  "choice-without-feedback": {
    rule: "a choice without feedback",
    expected: [{ line: 56, column: 9, field: "nodes.ask.choices.1.feedback", says: ["每个选项都要写反馈 feedback"] }],
  },
  "ending-without-debrief": {
    rule: "an ending without a debrief",
    expected: [{ line: 87, column: 5, field: "nodes.bad-end.debrief", says: ["结局必须写复盘 debrief"] }],
  },
  "ending-without-lawful-path": {
    rule: "a bad ending without the lawful path not taken",
    expected: [{ line: 87, column: 5, field: "nodes.bad-end", says: ["调解破裂", "需要写 lawfulPath"] }],
  },
  "id-mismatch": {
    rule: "the scenario id must equal the file name",
    expected: [{ line: 2, column: 5, field: "id", says: ["文件名是 id-mismatch.yaml", "这里写的是 minimal"] }],
  },
  "unknown-node-link": {
    rule: "a link to an unknown node",
    expected: [{ line: 61, column: 15, field: "nodes.ask.choices.1.next.0.to", says: ["找不到节点 tlak"] }],
  },
  "unknown-start": {
    rule: "a start node that does not exist",
    expected: [{ line: 35, column: 8, field: "start", says: ["找不到开始节点 begin"] }],
  },
  "unreachable-node": {
    rule: "a node no link leads to",
    expected: [{ line: 80, column: 5, field: "nodes.aside", says: ["从开始节点 opening 出发走不到节点 aside"] }],
  },
  "no-ending": {
    rule: "a node from which no ending can be reached",
    expected: [{ line: 84, column: 5, field: "nodes.waiting", says: ["从节点 waiting 出发到不了任何结局"] }],
  },
  "undefined-variable": {
    rule: "an undefined variable in a condition",
    expected: [{ line: 69, column: 27, field: "nodes.talk.choices.0.condition.var", says: ["没有定义变量 trsut", "已定义：trust"] }],
  },
  "undefined-flag": {
    rule: "an undefined flag in an effect",
    expected: [{ line: 50, column: 27, field: "nodes.ask.choices.0.effects.set.consnet", says: ["没有定义标记 consnet", "已定义：consent"] }],
  },
  "flag-added-to": {
    rule: "`add` on a flag",
    expected: [{ line: 51, column: 37, field: "nodes.ask.choices.0.effects.add.consent", says: ["consent 是标记，不能用 add"] }],
  },
  "effect-out-of-range": {
    rule: "an effect that can push a variable out of range names the route and the limit",
    expected: [
      {
        line: 51,
        column: 25,
        field: "nodes.ask.choices.0.effects.add.trust",
        says: ["可能让 trust 超出范围", "依次选择 ask-consent 之后", "会变成 4", "上限 3"],
      },
    ],
  },
  "set-out-of-range": {
    rule: "`set` to a value outside the range",
    expected: [{ line: 50, column: 40, field: "nodes.ask.choices.0.effects.set.trust", says: ["trust 的范围是 0 到 3，不能设为 5"] }],
  },
  "unknown-law": {
    rule: "a law reference that does not exist",
    expected: [{ line: 76, column: 15, field: "nodes.talk.choices.1.law.0", says: ["条文 rmtjf-99 不存在"] }],
  },
  "duplicate-choice-id": {
    rule: "choice ids are unique in the scenario (the run log records them)",
    expected: [{ line: 73, column: 13, field: "nodes.talk.choices.1.id", says: ["选项编号 ask-consent 已在节点 ask 中使用"] }],
  },
  "unknown-speaker": {
    rule: "a dialogue speaker who is not a party",
    expected: [{ line: 41, column: 18, field: "nodes.opening.lines.0.speaker", says: ["没有编号为 liu 的当事人", "wang、zhao", "mediator"] }],
  },
  "condition-never-true": {
    rule: "a node that is linked but whose conditions can never hold",
    expected: [{ line: 80, column: 5, field: "nodes.good-end", says: ["节点 good-end 的入口条件永远无法满足"] }],
  },
  "no-choice-available": {
    rule: "a choice node where, on some route, every choice is hidden",
    expected: [{ line: 64, column: 5, field: "nodes.talk", says: ["依次选择 skip-consent 之后", "一个可选的选项都没有"] }],
  },
  "agreement-missing-element": {
    rule: "an agreement node whose clauses cannot make a complete agreement",
    expected: [{ line: 83, column: 7, field: "nodes.draft.clauses", says: ["履行方式和期限", "无法写出完整合法的协议书"] }],
  },
  "agreement-unlawful-without-next": {
    rule: "an agreement node offering an unlawful clause without next.unlawful",
    expected: [{ line: 100, column: 7, field: "nodes.draft.next", says: ["需要写 next.unlawful"] }],
  },
  "agreement-defective-clause-satisfies": {
    rule: "an unlawful clause may not claim an element, and does not count as supplying it",
    expected: [
      { line: 94, column: 20, field: "nodes.draft.clauses.3.satisfies", says: ["违法或被迫的条款不能算作协议的必备内容"] },
      { line: 83, column: 7, field: "nodes.draft.clauses", says: ["履行方式和期限", "无法写出完整合法的协议书"] },
    ],
  },
  "agreement-unlawful-and-coerced": {
    rule: "a clause is either unlawful or coerced, not both",
    expected: [{ line: 98, column: 18, field: "nodes.draft.clauses.4.coerced", says: ["只写 unlawful（违法）或 coerced（被迫）中的一个"] }],
  },
  "agreement-duplicate-clause-id": {
    rule: "clause ids are unique within an agreement node",
    expected: [{ line: 92, column: 13, field: "nodes.draft.clauses.3.id", says: ["条款编号 terms 在这个节点里重复了"] }],
  },
  "agreement-clause-unknown-law": {
    rule: "a clause's law reference that does not exist",
    expected: [{ line: 98, column: 15, field: "nodes.draft.clauses.4.law.0", says: ["条文 rmtjf-99 不存在"] }],
  },
  "agreement-unused-unlawful-next": {
    rule: "next.unlawful without any unlawful or coerced clause",
    expected: [{ line: 97, column: 17, field: "nodes.draft.next.unlawful", says: ["next.unlawful 永远用不上"] }],
  },
};

describe("scenario checker", () => {
  it.each(["minimal.yaml", "example-boundary-wall.yaml"])("accepts %s with no issues", (name) => {
    const { scenario, issues } = checkFile(`${DIR}/${name}`);
    expect(issues, formatIssues(issues)).toEqual([]);
    expect(scenario?.id).toBe(name.replace(".yaml", ""));
  });

  it("has a case for every mutation, and a mutation for every case", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(mutations).sort());
  });

  describe.each(Object.entries(cases))("%s", (name, { rule, expected }) => {
    it(rule, () => {
      const file = failingPath(name);
      const { issues } = checkFailing(name);
      expect(issues.length, formatIssues(issues)).toBe(expected.length);
      expected.forEach((want, i) => {
        const got = issues[i];
        expect({ file: got.file, line: got.line, column: got.column, field: got.field }).toEqual({
          file,
          line: want.line,
          column: want.column,
          field: want.field,
        });
        for (const words of want.says) expect(got.message).toContain(words);
      });
    });
  });

  it("checks a folder of scenarios, reporting paths relative to the root", () => {
    const results = checkScenarioDir(root, fixturesDir, provisionIds);
    expect(results.map((r) => [r.file, r.scenario?.id, r.issues.length])).toEqual([
      [`${DIR}/example-boundary-wall.yaml`, "example-boundary-wall", 0],
      [`${DIR}/minimal.yaml`, "minimal", 0],
    ]);
    expect(checkScenarioDir(root, `${fixturesDir}no-such-folder`, provisionIds)).toEqual([]);
  });

  it("reports an empty file", () => {
    expect(checkScenarioText("", "content/scenarios/x.yaml", provisionIds).issues).toMatchObject([{ line: 1, message: "文件是空的" }]);
  });

  it("returns the parsed scenario even when later rules fail, for the graph view", () => {
    const { scenario, issues } = checkFailing("unreachable-node");
    expect(issues).toHaveLength(1);
    expect(scenario?.nodes.aside.kind).toBe("narration");
  });

  it("reports a law reference to a statute that has no file", () => {
    const text = loadText("minimal.yaml").replace("law: [rmtjf-17]\n\nparties", "law: [xyz-1]\n\nparties");
    const { issues } = checkScenarioText(text, "content/scenarios/minimal.yaml", provisionIds);
    expect(issues).toMatchObject([{ line: 10, field: "law.0" }]);
    expect(issues[0].message).toContain("没有编号为 xyz 的法规文件");
  });

  it("says when a scenario has too many states to explore, instead of passing it unchecked", () => {
    expect(explore(loadScenario(`${DIR}/example-boundary-wall.yaml`), 5).complete).toBe(false);
    const { issues } = checkScenarioText(loadText("minimal.yaml"), "content/scenarios/minimal.yaml", provisionIds, { stateLimit: 2 });
    expect(issues).toMatchObject([{ field: "variables", line: 25 }]);
    expect(issues[0].message).toContain("检查器无法逐一验证");
  });
});

const loadText = (name: string): string => readFileSync(`${fixturesDir}${name}`, "utf8");

/** Check the copy of minimal.yaml with the mistake `name`, as the file failingPath(name). */
const checkFailing = (name: string) => checkScenarioText(failingText(name), failingPath(name), provisionIds);
