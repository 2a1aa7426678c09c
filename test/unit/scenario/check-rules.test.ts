/**
 * Checker rules that check.test.ts does not give a case of its own: each edit of minimal.yaml
 * below makes one mistake a trainer can make, and the checker must name it at its field in
 * words that say what to do. Also the exploration's findings on longer routes, the graph,
 * and the folder reader.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentIssue } from "../../../src/lib/content/issues.ts";
import { checkScenarioText, MEDIATOR } from "../../../src/lib/scenario/check.ts";
import { DEFAULT_STATE_LIMIT, explore } from "../../../src/lib/scenario/explore.ts";
import { checkScenarioDir } from "../../../src/lib/scenario/files.ts";
import { edges, graphCounts, reachable, reachesEnding } from "../../../src/lib/scenario/graph.ts";
import { failingText as mutationText } from "./check-mutations.ts";
import { example, fixturesDir, minimal, provisionIds } from "./helpers.ts";

const FILE = "content/scenarios/minimal.yaml";
const minimalText = () => readFileSync(`${fixturesDir}minimal.yaml`, "utf8");

/** Replace `from` (which must occur exactly once) by `to`, in order. */
function edited(...pairs: [from: string, to: string][]): string {
  return pairs.reduce((text, [from, to]) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`expected ${JSON.stringify(from)} once, found ${count}`);
    return text.replace(from, () => to);
  }, minimalText());
}

/** A copy of minimal.yaml with one of check-mutations.ts's mistakes, keeping the id `minimal` that FILE needs. */
const failingText = (name: string) => mutationText(name).replace(`id: ${name}\n`, "id: minimal\n");

const check = (text: string, provisions: Iterable<string> = provisionIds) => checkScenarioText(text, FILE, provisions);
const issuesOf = (text: string, provisions?: Iterable<string>): ContentIssue[] => check(text, provisions).issues;
const at = (issues: ContentIssue[], field: string) => issues.filter((i) => i.field === field).map((i) => i.message);

/** After the last choice of `talk` (the last node before the endings). */
const END_OF_TALK = "        next: bad-end\n";
const afterTalk = (text: string): [string, string] => [END_OF_TALK, END_OF_TALK + text];

describe("references", () => {
  it("keeps the party id mediator for the learner", () => {
    const issues = issuesOf(edited(["  - id: zhao\n", "  - id: mediator\n"]));
    expect(MEDIATOR).toBe("mediator");
    expect(at(issues, "parties.1.id")).toEqual(["mediator 留给学员自己（调解员）使用，请给当事人换一个编号"]);
  });

  it("reports a party id used twice", () => {
    expect(at(issuesOf(edited(["  - id: zhao\n", "  - id: wang\n"])), "parties.1.id")).toEqual(["当事人编号 wang 重复了"]);
  });

  it("reports a flag with a variable's name", () => {
    const issues = issuesOf(edited(["  consent: { label: 双方同意调解 }\n", "  consent: { label: 双方同意调解 }\n  trust: { label: 信任的标记 }\n"]));
    expect(at(issues, "flags.trust")).toEqual(["trust 已经是变量名，标记请换一个名称"]);
  });

  it("reports a gauge given to someone who is not a party, without offering the mediator", () => {
    const issues = issuesOf(edited(["initial: 1 }", "initial: 1, party: liu }"]));
    expect(at(issues, "variables.trust.party")).toEqual(["没有编号为 liu 的当事人（现有：wang、zhao）"]);
  });

  it("accepts a gauge that belongs to a party, and a line the mediator speaks", () => {
    const text = edited(
      ["initial: 1 }", "initial: 1, party: wang }"],
      ["    kind: narration\n    text: 王秀英来到村调委会，说邻居赵建军借了她的三轮车，两个月都没还。\n", "    kind: dialogue\n    lines:\n      - speaker: mediator\n        text: 您先坐。\n"],
    );
    expect(issuesOf(text)).toEqual([]);
  });

  it("tells a flag written as a variable, and a variable written as a flag, how to write it", () => {
    expect(at(issuesOf(edited(["condition: { flag: consent }", "condition: { var: consent, gte: 1 }"])), "nodes.talk.choices.0.condition.var")).toEqual([
      "consent 是标记，不是数值变量：条件应写成 { flag: consent }",
    ]);
    expect(at(issuesOf(edited(["condition: { flag: consent }", "condition: { flag: trust }"])), "nodes.talk.choices.0.condition.flag")).toEqual([
      "trust 是数值变量，不是标记：条件应写成 { var: trust, gte: 数字 }",
    ]);
  });

  it("checks the conditions of next branches of every kind of node", () => {
    const text = edited(
      ["    next: ask\n", "    next:\n      - if: { flag: ready }\n        to: ask\n      - to: ask\n"],
      ["        next: good-end\n", "        next:\n          - if: { var: mood, gte: 1 }\n            to: good-end\n          - to: good-end\n"],
    );
    const issues = issuesOf(text);
    expect(at(issues, "nodes.opening.next.0.if.flag")).toEqual(["没有定义标记 ready：请在 flags 下定义它，或检查拼写（已定义：consent）"]);
    expect(at(issues, "nodes.talk.choices.0.next.0.if.var")).toEqual(["没有定义变量 mood：请在 variables 下定义它，或检查拼写（已定义：trust）"]);
  });

  it("says when nothing of the kind is defined at all", () => {
    const issues = issuesOf(edited(["flags:\n  consent: { label: 双方同意调解 }\n", ""]));
    expect(at(issues, "nodes.talk.choices.0.condition.flag")).toEqual(["没有定义标记 consent：请在 flags 下定义它，或检查拼写（已定义：无）"]);
    expect(at(issues, "nodes.ask.choices.0.effects.set.consent")).toEqual(["没有定义标记 consent：请在 flags 下定义它，或检查拼写（已定义：无）"]);
  });

  it("checks the type of each set value against what it sets", () => {
    expect(at(issuesOf(edited(["set: { consent: true }", "set: { consent: 1 }"])), "nodes.ask.choices.0.effects.set.consent")).toEqual(["consent 是标记，set 的值应为 true 或 false"]);
    expect(at(issuesOf(edited(["set: { consent: true }", "set: { consent: true, trust: true }"])), "nodes.ask.choices.0.effects.set.trust")).toEqual([
      "trust 是数值变量，set 的值应为整数",
    ]);
    expect(at(issuesOf(edited(["set: { consent: true }", "set: { consent: true, trsut: 2 }"])), "nodes.ask.choices.0.effects.set.trsut")).toEqual([
      "没有定义变量 trsut：请在 variables 下定义它，或检查拼写（已定义：trust）",
    ]);
    expect(at(issuesOf(edited(["add: { trust: 1 }", "add: { trsut: 1 }"])), "nodes.ask.choices.0.effects.add.trsut")).toEqual([
      "没有定义变量 trsut：请在 variables 下定义它，或检查拼写（已定义：trust）",
    ]);
  });

  it("accepts set values at both ends of a range, and refuses one below it", () => {
    expect(issuesOf(edited(["set: { consent: true }", "set: { consent: true, trust: 0 }"]))).toEqual([]);
    expect(issuesOf(edited(["set: { consent: true }", "set: { consent: true, trust: 3 }"], ["add: { trust: 1 }", "add: { trust: 0 }"]))).toEqual([]);
    expect(at(issuesOf(edited(["set: { consent: true }", "set: { consent: true, trust: -1 }"])), "nodes.ask.choices.0.effects.set.trust")).toEqual([
      "trust 的范围是 0 到 3，不能设为 -1",
    ]);
  });

  it("reports a mood effect on someone who is not a party", () => {
    const issues = issuesOf(edited(["add: { trust: 1 }", "add: { trust: 1 }\n          mood: { liu: calm }"]));
    expect(at(issues, "nodes.ask.choices.0.effects.mood.liu")).toEqual(["没有编号为 liu 的当事人（现有：wang、zhao）"]);
  });

  it("checks the law an ending cites", () => {
    const issues = issuesOf(edited(["    debrief: 你先确认了双方自愿", "    law: [rmtjf-99]\n    debrief: 你先确认了双方自愿"]));
    expect(at(issues, "nodes.good-end.law.0")).toEqual([expect.stringContaining("条文 rmtjf-99 不存在：content/law/rmtjf.yaml 里没有这一条")]);
  });

  it("asks every bad ending, and only those, for the lawful path not taken", () => {
    const referral = edited(["outcome: breakdown", "outcome: correct-referral"], ["    lawfulPath: 先确认双方自愿，再请双方陈述、引导协商。\n", ""]);
    expect(issuesOf(referral)).toEqual([]);
    const escalation = edited(["outcome: breakdown", "outcome: escalation"], ["    lawfulPath: 先确认双方自愿，再请双方陈述、引导协商。\n", ""]);
    expect(at(issuesOf(escalation), "nodes.bad-end")).toEqual(["这个结局是“矛盾激化”，需要写 lawfulPath：本来合法的做法是什么"]);
  });

  it("needs 第二十九条 in the law library when a scenario has an agreement node", () => {
    const text = failingText("agreement-unused-unlawful-next");
    const without = [...provisionIds].filter((id) => id !== "rmtjf-29");
    expect(at(issuesOf(text, without), "nodes")).toEqual(["有起草协议的节点，但法条库里没有 rmtjf-29（《人民调解法》第二十九条），协议检查要引用它"]);
    expect(at(issuesOf(text), "nodes")).toEqual([]);
  });

  it("checks the conditions on an agreement node's next", () => {
    const text = failingText("agreement-unlawful-without-next").replace(
      "      lawful: good-end\n",
      "      lawful:\n        - if: { flag: signed }\n          to: good-end\n        - to: good-end\n      unlawful:\n        - if: { var: anger, gte: 1 }\n          to: bad-end\n        - to: bad-end\n",
    );
    const issues = issuesOf(text);
    expect(at(issues, "nodes.draft.next.lawful.0.if.flag")).toEqual([expect.stringContaining("没有定义标记 signed")]);
    expect(at(issues, "nodes.draft.next.unlawful.0.if.var")).toEqual([expect.stringContaining("没有定义变量 anger")]);
  });

  it("wants next.unlawful for a coerced clause as for an unlawful one", () => {
    const text = failingText("agreement-unlawful-without-next").replace("        unlawful: 调解不能剥夺当事人依法起诉的权利。\n", "        coerced: 以不开证明相要挟，不是甲方自愿的。\n");
    expect(at(issuesOf(text), "nodes.draft.next")).toEqual(["有违法或被迫的条款，需要写 next.unlawful：学员选了这类条款后去哪个节点"]);
  });

  it("names every element the clauses cannot supply", () => {
    const text = failingText("agreement-missing-element").replace("        satisfies: [facts, responsibility]\n", "        satisfies: facts\n");
    expect(at(issuesOf(text), "nodes.draft.clauses")).toEqual(["可选条款里没有能写明“争议事项和各方责任”“履行方式和期限”的合法条款，学员无法写出完整合法的协议书"]);
  });

  it("stops before exploring when a reference is broken, but still returns the scenario", () => {
    const result = check(edited(["set: { consent: true }", "set: { consnet: true }"]));
    expect(result.scenario?.id).toBe("minimal");
    expect(result.exploration).toBeUndefined();
    const sound = check(minimalText());
    expect(sound.exploration?.complete).toBe(true);
  });

  it("reports an unknown start once, without calling every node unreachable", () => {
    const issues = issuesOf(edited(["start: opening", "start: begin"]));
    expect(issues.map((i) => i.field)).toEqual(["start"]);
  });
});

describe("findings of the exploration, with their routes", () => {
  it("finds auto-advancing nodes that loop on some route only", () => {
    const text = edited(
      ["    next: ask\n", "    next:\n      - if: { flag: consent }\n        to: opening\n      - to: ask\n"],
      ["        next: bad-end\n", "        next: opening\n"],
    );
    // Without the structure's help: bad-end is now unreachable, hence the second finding.
    const issues = issuesOf(text);
    expect(at(issues, "nodes.opening")).toEqual([
      "依次选择 ask-consent → give-up 之后，从节点 opening 开始的叙述、对话或证据节点会绕回 opening，永远停不下来：请检查这些节点 next 里的 if 条件",
    ]);
  });

  it("finds a node from which, after some route, no ending can be reached", () => {
    const text = edited(
      afterTalk(
        [
          "      - id: delay",
          "        text: 让两人回去再想想",
          "        feedback: 拖延不能解决问题，应当及时调解。",
          "        next: waiting",
          "",
          "  waiting:",
          "    kind: choice",
          "    prompt: 过了几天，两人还是不说话。",
          "    choices:",
          "      - id: wait-more",
          "        text: 再等等看",
          "        feedback: 只有确认了双方自愿，拖一拖才有意义。",
          "        next:",
          "          - if: { flag: consent }",
          "            to: good-end",
          "          - to: waiting",
          "",
        ].join("\n"),
      ),
    );
    const issues = issuesOf(text);
    expect(at(issues, "nodes.waiting")).toEqual(["依次选择 skip-consent → delay 之后，会来到节点 waiting，而从这里再也走不到任何结局：请检查后面选项的条件"]);
    expect(issues).toHaveLength(1);
  });

  it("shows only the last 8 steps of a long route", () => {
    const text = edited(
      ["min: 0, max: 3, initial: 1", "min: 0, max: 12, initial: 1"],
      afterTalk(["      - id: press", "        text: 再劝劝赵建军", "        feedback: 多劝几次，赵建军的态度软了一些。", "        effects: { add: { trust: 1 } }", "        next: talk", ""].join("\n")),
    );
    const [issue] = issuesOf(text);
    expect(issue.field).toBe("nodes.talk.choices.2.effects.add.trust");
    expect(issue.message).toBe(
      `这一步可能让 trust 超出范围：依次选择 … → ${Array(8).fill("press").join(" → ")} 之后，trust 会变成 13，超出上限 12。请调整加减的数值、变量的范围，或给选项加上条件`,
    );
  });

  it("shows a route of exactly 8 steps whole", () => {
    const text = edited(
      ["min: 0, max: 3, initial: 1", "min: 0, max: 8, initial: 1"],
      afterTalk(["      - id: press", "        text: 再劝劝赵建军", "        feedback: 多劝几次，赵建军的态度软了一些。", "        effects: { add: { trust: 1 } }", "        next: talk", ""].join("\n")),
    );
    const [issue] = issuesOf(text);
    expect(issue.message).toContain(`：依次选择 ask-consent → ${Array(7).fill("press").join(" → ")} 之后，trust 会变成 9，超出上限 8。`);
  });

  it("names the lower limit, and a route from the very start", () => {
    const text = edited(["add: { trust: 1 }", "add: { trust: -2 }"]);
    expect(at(issuesOf(text), "nodes.ask.choices.0.effects.add.trust")).toEqual([
      "这一步可能让 trust 超出范围：依次选择 ask-consent 之后，trust 会变成 -1，超出下限 0。请调整加减的数值、变量的范围，或给选项加上条件",
    ]);
    const stuckAtOnce = edited(["    choices:\n      - id: ask-consent\n", "    choices:\n      - id: ask-consent\n        condition: { flag: consent }\n"], [
      "      - id: skip-consent\n",
      "      - id: skip-consent\n        condition: { flag: consent }\n",
    ]);
    expect(at(issuesOf(stuckAtOnce), "nodes.ask")).toEqual(["一开始，节点 ask 一个可选的选项都没有，学员会卡住：请放宽选项的条件，或加一个没有条件的选项"]);
  });

  it("names the agreement steps of a route by what was submitted", () => {
    const boost = (from: string) =>
      [
        "",
        "  after:",
        "    kind: choice",
        "    prompt: 协议签了，接下来呢？",
        "    choices:",
        "      - id: boost",
        "        text: 表扬双方",
        "        feedback: 表扬让双方更信任调解员了。",
        "        effects: { add: { trust: 3 } }",
        "        next: good-end",
        "",
      ].join("\n") + from;
    const lawful = failingText("agreement-unlawful-without-next").replace("      lawful: good-end\n", `      lawful: after\n      unlawful: bad-end\n${boost("")}`);
    expect(at(issuesOf(lawful), "nodes.after.choices.0.effects.add.trust")).toEqual([
      expect.stringContaining("依次选择 ask-consent → mediate → （提交合法的协议） → boost 之后，trust 会变成 5"),
    ]);
    const unlawful = failingText("agreement-unlawful-without-next").replace("      lawful: good-end\n", `      lawful: good-end\n      unlawful: after\n${boost("")}`);
    expect(at(issuesOf(unlawful), "nodes.after.choices.0.effects.add.trust")).toEqual([
      expect.stringContaining("依次选择 ask-consent → mediate → （提交含违法条款的协议） → boost 之后"),
    ]);
  });

  it("reports each overflowing effect once, with the index of its choice", () => {
    // give-up leads back to ask, so ask-consent overflows again on later routes: reported once.
    const text = edited(["add: { trust: 1 }", "add: { trust: 3 }"], ["        law: [rmtjf-26]\n        next: bad-end\n", "        law: [rmtjf-26]\n        next: ask\n"]);
    const found = explore(check(text).scenario!);
    expect(found.reached.has("bad-end")).toBe(false);
    expect(found.overflows).toEqual([
      { node: "ask", choiceIndex: 0, choice: "ask-consent", variable: "trust", source: "add", attempted: 4, route: [{ choice: "ask-consent" }] },
    ]);
  });

  it("stops at the state limit and says how far it got", () => {
    const scenario = example();
    expect(DEFAULT_STATE_LIMIT).toBe(100_000);
    const small = explore(scenario, 3);
    expect(small).toMatchObject({ complete: false, states: 3 });
    expect(explore(scenario).complete).toBe(true);
    expect(explore(scenario).states).toBeGreaterThan(3);
    const { issues } = checkScenarioText(minimalText(), FILE, provisionIds, { stateLimit: 3 });
    expect(issues.map((i) => i.message)).toEqual(["这个情景可能出现的状态超过 3 种，检查器无法逐一验证：请缩小变量的取值范围，或减少标记和分支"]);
  });

  it("finds the shortest route to each ending and every node shown", () => {
    const found = explore(minimal());
    expect(Object.fromEntries(found.routes)).toEqual({
      "good-end": [{ choice: "ask-consent" }, { choice: "mediate" }],
      "bad-end": [{ choice: "ask-consent" }, { choice: "give-up" }],
    });
    expect([...found.reached].sort()).toEqual(["ask", "bad-end", "good-end", "opening", "talk"]);
    expect([found.stuck.size, found.trapped.size, found.loops.size, found.overflows.length]).toEqual([0, 0, 0, 0]);
  });
});

describe("the graph", () => {
  it("lists the links of every node with where they are written, their label and whether a condition guards them", () => {
    const scenario = example();
    const all = edges(scenario);
    expect(all.filter((e) => e.from === "intro")).toEqual([{ from: "intro", to: "zhang-complains", path: ["nodes", "intro", "next", 0, "to"], label: undefined, conditional: false }]);
    expect(all.filter((e) => e.from === "li-choice")).toEqual([
      { from: "li-choice", to: "site-visit", path: ["nodes", "li-choice", "choices", 0, "next", 0, "to"], label: "li-consent", conditional: false },
      { from: "li-choice", to: "end-escalation", path: ["nodes", "li-choice", "choices", 1, "next", 0, "to"], label: "li-threaten", conditional: true },
      { from: "li-choice", to: "site-visit", path: ["nodes", "li-choice", "choices", 1, "next", 1, "to"], label: "li-threaten", conditional: false },
    ]);
    expect(all.filter((e) => e.from === "joint-session" && e.label === "explain-and-propose")[0].conditional).toBe(true);
    expect(all.filter((e) => e.from === "draft")).toEqual([
      { from: "draft", to: "end-lawful", path: ["nodes", "draft", "next", "lawful", 0, "to"], label: "lawful", conditional: false },
      { from: "draft", to: "end-unlawful", path: ["nodes", "draft", "next", "unlawful", 0, "to"], label: "unlawful", conditional: false },
    ]);
    expect(all.filter((e) => e.from.startsWith("end-"))).toEqual([]);
  });

  it("finds what the start reaches and what reaches an ending, ignoring conditions", () => {
    const scenario = structuredClone(minimal());
    scenario.nodes.island = { kind: "narration", text: "无人到达的节点。", next: [{ to: "island" }] };
    scenario.nodes.talk = { ...scenario.nodes.talk, kind: "choice", prompt: "接下来呢？", choices: [] } as never;
    scenario.nodes.opening = { kind: "narration", text: "开场。", next: [{ if: { flag: "consent" }, to: "ghost" }, { to: "ask" }] };
    expect([...reachable(scenario)].sort()).toEqual(["ask", "opening", "talk"]);
    expect([...reachesEnding(scenario)].sort()).toEqual(["bad-end", "good-end"]);
    expect(reachable({ ...scenario, start: "nowhere" }).size).toBe(0);
  });

  it("counts nodes, choices, decisions and endings", () => {
    expect(graphCounts(example())).toEqual({ nodes: 12, choices: 9, decisions: 4, endings: 4 });
  });
});

describe("the folder reader", () => {
  it("checks .yaml and .yml files in name order, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenarios-"));
    try {
      const text = minimalText();
      writeFileSync(join(dir, "b.yml"), text.replace("id: minimal", "id: b"));
      writeFileSync(join(dir, "a.yaml"), text.replace("id: minimal", "id: a"));
      writeFileSync(join(dir, "notes.txt"), "not a scenario");
      writeFileSync(join(dir, "c.yaml.bak"), text);
      const results = checkScenarioDir(dir, dir, provisionIds);
      expect(results.map((r) => [r.file, r.scenario?.id, r.issues.length, r.exploration?.complete])).toEqual([
        ["a.yaml", "a", 0, true],
        ["b.yml", "b", 0, true],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
