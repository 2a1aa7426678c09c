/**
 * The scenario schema (src/lib/scenario/schema.ts) on hand-written mistakes: each is a copy of
 * test/fixtures/scenarios/minimal.yaml with one field wrong, and must be refused at that field
 * with a zh-CN message that names the field, as the trainer reads it in the checker's output.
 * Limits are tried at both edges, and the defaults a trainer may leave out are checked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionSchema, nextSchema, scenarioSchema } from "../../../src/lib/scenario/schema.ts";
import { checkScenarioText } from "../../../src/lib/scenario/check.ts";
import { fixtureData, fixturesDir, MINIMAL, provisionIds } from "./helpers.ts";

/* eslint-disable @typescript-eslint/no-explicit-any -- the point is to write data the types forbid */
type Data = any;

interface Issue {
  path: string;
  message: string;
}

/** minimal.yaml as read from YAML, edited, then through the schema: its issues (empty when accepted). */
function issuesAfter(edit: (data: Data) => void): Issue[] {
  const data: Data = fixtureData(MINIMAL);
  edit(data);
  const result = scenarioSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/** The parsed scenario after `edit`, which must be accepted. */
function parsedAfter(edit: (data: Data) => void) {
  const data: Data = fixtureData(MINIMAL);
  edit(data);
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** The `i`-th choice of the node `ask`. */
const choice = (d: Data, i = 0) => d.nodes.ask.choices[i];

const dialogue = (lines: unknown) => ({ kind: "dialogue", lines, next: "ask" });
const agreementNode = (extra: object = {}) => ({
  kind: "agreement",
  prompt: "请选出条款",
  clauses: [
    { id: "who", text: "甲方王秀英，乙方赵建军。", satisfies: "parties" },
    { id: "rest", text: "乙方修好三轮车后归还。", satisfies: ["facts", "responsibility", "terms", "performance"] },
  ],
  next: { lawful: "good-end" },
  ...extra,
});

/** [what is wrong, the edit, the field reported, words the message must contain]. */
const refused: [string, (d: Data) => void, string, string[]][] = [
  // The scenario's own fields.
  ["an id with capitals", (d) => (d.id = "Minimal"), "id", ["情景编号", "boundary-wall"]],
  ["no title", (d) => delete d.title, "title", ["缺少情景标题 title"]],
  ["a one-character title", (d) => (d.title = "车"), "title", ["情景标题 title至少 2 个字"]],
  ["an unknown dispute type", (d) => (d.disputeType = "traffic"), "disputeType", ["纠纷类型 disputeType只能是"]],
  ["no difficulty", (d) => delete d.difficulty, "difficulty", ["缺少难度 difficulty"]],
  ["a difficulty in words", (d) => (d.difficulty = "easy"), "difficulty", ["难度 difficulty应为整数"]],
  ["a fractional difficulty", (d) => (d.difficulty = 1.5), "difficulty", ["难度 difficulty应为整数"]],
  ["difficulty 0", (d) => (d.difficulty = 0), "difficulty", ["难度 difficulty 只能是 1、2 或 3"]],
  ["difficulty 4", (d) => (d.difficulty = 4), "difficulty", ["难度 difficulty 只能是 1、2 或 3"]],
  ["2 minutes", (d) => (d.minutes = 2), "minutes", ["minutes 至少 3 分钟"]],
  ["91 minutes", (d) => (d.minutes = 91), "minutes", ["minutes 最多 90 分钟"]],
  ["minutes missing", (d) => delete d.minutes, "minutes", ["缺少预计用时 minutes"]],
  ["a short summary", (d) => (d.summary = "借车不还"), "summary", ["情景简介 summary"]],
  ["no objectives", (d) => delete d.objectives, "objectives", ["缺少学习目标 objectives"]],
  ["an empty list of objectives", (d) => (d.objectives = []), "objectives", ["至少写 1 条学习目标"]],
  ["seven objectives", (d) => (d.objectives = Array.from({ length: 7 }, (_, i) => `学习目标第 ${i + 1} 条`)), "objectives", ["学习目标最多 6 条"]],
  ["a two-character objective", (d) => (d.objectives = ["自愿"]), "objectives.0", ["学习目标"]],
  ["no law", (d) => delete d.law, "law", ["缺少相关法条 law"]],
  ["an empty law list", (d) => (d.law = []), "law", ["至少列出 1 条相关法条"]],
  ["no parties", (d) => delete d.parties, "parties", ["缺少当事人 parties"]],
  ["an empty list of parties", (d) => (d.parties = []), "parties", ["至少要有一位当事人"]],
  ["no start", (d) => delete d.start, "start", ["缺少开始节点 start"]],
  ["no nodes", (d) => delete d.nodes, "nodes", ["缺少节点 nodes"]],
  ["no node at all", (d) => (d.nodes = {}), "nodes", ["至少要有一个节点"]],
  ["an unknown field", (d) => (d.author = "张三"), "", []],
  // Parties.
  ["a party id with capitals", (d) => (d.parties[0].id = "Wang"), "parties.0.id", ["当事人编号只能用小写字母和数字", "zhang"]],
  ["a party id starting with a digit", (d) => (d.parties[0].id = "2wang"), "parties.0.id", ["当事人编号只能用小写字母和数字"]],
  ["a party id with a hyphen", (d) => (d.parties[0].id = "wang-2"), "parties.0.id", ["当事人编号只能用小写字母和数字"]],
  ["a party without id", (d) => delete d.parties[0].id, "parties.0.id", ["缺少当事人编号"]],
  ["a numeric party id", (d) => (d.parties[0].id = 7), "parties.0.id", ["当事人编号应为文字"]],
  ["a party without name", (d) => delete d.parties[0].name, "parties.0.name", ["缺少当事人姓名"]],
  ["a one-character role", (d) => (d.parties[0].role = "邻"), "parties.0.role", ["当事人身份 role"]],
  ["a party without interests", (d) => delete d.parties[0].interests, "parties.0.interests", ["缺少利益诉求 interests"]],
  ["a party with no interest listed", (d) => (d.parties[0].interests = []), "parties.0.interests", ["至少写 1 条利益诉求"]],
  ["a party with six interests", (d) => (d.parties[0].interests = Array.from({ length: 6 }, (_, i) => `诉求 ${i}`)), "parties.0.interests", ["利益诉求最多 5 条"]],
  ["a one-character interest", (d) => (d.parties[0].interests = ["车"]), "parties.0.interests.0", ["利益诉求"]],
  ["an unknown party mood", (d) => (d.parties[0].mood = "happy"), "parties.0.mood", ["心情 mood只能是"]],
  ["signsAgreement in words", (d) => (d.parties[0].signsAgreement = "yes"), "parties.0.signsAgreement", ["signsAgreement 应为 true 或 false"]],
  // Variables, flags, rubric.
  ["a variable name with capitals", (d) => (d.variables.Trust = d.variables.trust), "variables.Trust", ["变量和标记的名称只能用小写字母、数字和下划线", "trust_zhang"]],
  ["a variable name starting with _", (d) => (d.variables._trust = d.variables.trust), "variables._trust", ["变量和标记的名称"]],
  ["a variable name with a hyphen", (d) => (d.variables["trust-x"] = d.variables.trust), "variables.trust-x", ["变量和标记的名称"]],
  ["a one-character variable label", (d) => (d.variables.trust.label = "信"), "variables.trust.label", ["变量名称 label"]],
  ["a variable without min", (d) => delete d.variables.trust.min, "variables.trust.min", ["缺少最小值 min"]],
  ["a variable without max", (d) => delete d.variables.trust.max, "variables.trust.max", ["缺少最大值 max"]],
  ["a variable without initial", (d) => delete d.variables.trust.initial, "variables.trust.initial", ["缺少初始值 initial"]],
  ["max equal to min", (d) => Object.assign(d.variables.trust, { min: 3, max: 3, initial: 3 }), "variables.trust.max", ["最大值 max 应大于最小值 min（3）"]],
  ["max below min", (d) => Object.assign(d.variables.trust, { min: 3, max: 1, initial: 2 }), "variables.trust.max", ["最大值 max 应大于最小值 min（3）"]],
  ["initial below min", (d) => (d.variables.trust.initial = -1), "variables.trust.initial", ["初始值应在 0 到 3 之间"]],
  ["initial above max", (d) => (d.variables.trust.initial = 4), "variables.trust.initial", ["初始值应在 0 到 3 之间"]],
  ["a variable's party id with capitals", (d) => (d.variables.trust.party = "Wang"), "variables.trust.party", ["当事人编号只能用小写字母和数字"]],
  ["a one-character flag label", (d) => (d.flags.consent.label = "同"), "flags.consent.label", ["标记说明 label"]],
  ["a flag's initial in words", (d) => (d.flags.consent.initial = "no"), "flags.consent.initial", ["initial 应为 true 或 false"]],
  ["a rubric max of 0", (d) => (d.rubric.procedure.max = 0), "rubric.procedure.max", ["满分至少 1 分"]],
  ["a rubric max of 101", (d) => (d.rubric.procedure.max = 101), "rubric.procedure.max", ["满分最多 100 分"]],
  ["a rubric max in words", (d) => (d.rubric.procedure.max = "两分"), "rubric.procedure.max", ["满分 max应为整数"]],
  ["a three-character rubric about", (d) => (d.rubric.procedure.about = "确认自"), "rubric.procedure.about", ["评分说明 about"]],
  ["a rubric dimension missing", (d) => delete d.rubric.outcome, "rubric.outcome", []],
  // Nodes.
  ["a node id with capitals", (d) => (d.nodes.Extra = d.nodes.opening), "nodes.Extra", ["节点编号", "first-visit"]],
  ["an unknown node kind", (d) => (d.nodes.opening.kind = "narrative"), "nodes.opening.kind", ["节点类型 kind 只能是 narration / dialogue / choice / evidence / agreement / ending 之一"]],
  ["a one-character narration", (d) => (d.nodes.opening.text = "车"), "nodes.opening.text", ["叙述文字 text"]],
  ["a dialogue without lines", (d) => (d.nodes.opening = dialogue(undefined)), "nodes.opening.lines", ["缺少台词 lines"]],
  ["a dialogue with no line", (d) => (d.nodes.opening = dialogue([])), "nodes.opening.lines", ["至少要有一句台词"]],
  ["a line without speaker", (d) => (d.nodes.opening = dialogue([{ text: "车呢？" }])), "nodes.opening.lines.0.speaker", ["缺少说话人 speaker"]],
  ["a numeric speaker", (d) => (d.nodes.opening = dialogue([{ speaker: 1, text: "车呢？" }])), "nodes.opening.lines.0.speaker", ["speaker 应为当事人编号"]],
  ["an empty line", (d) => (d.nodes.opening = dialogue([{ speaker: "wang", text: " " }])), "nodes.opening.lines.0.text", ["台词 text"]],
  ["an unknown line mood", (d) => (d.nodes.opening = dialogue([{ speaker: "wang", text: "车呢？", mood: "sad" }])), "nodes.opening.lines.0.mood", ["心情 mood只能是"]],
  ["an evidence without title", (d) => (d.nodes.opening = { kind: "evidence", text: "借条一张", next: "ask" }), "nodes.opening.title", ["缺少证据名称 title"]],
  ["an evidence with a one-character text", (d) => (d.nodes.opening = { kind: "evidence", title: "借条", text: "借", next: "ask" }), "nodes.opening.text", ["证据内容 text"]],
  ["a choice node without prompt", (d) => delete d.nodes.ask.prompt, "nodes.ask.prompt", ["缺少提问 prompt"]],
  ["a choice node without choices", (d) => delete d.nodes.ask.choices, "nodes.ask.choices", ["缺少选项 choices"]],
  ["a choice node with no choice", (d) => (d.nodes.ask.choices = []), "nodes.ask.choices", ["至少要有一个选项"]],
  // Choices.
  ["a choice id with capitals", (d) => (choice(d).id = "Ask"), "nodes.ask.choices.0.id", ["选项编号", "ask-consent"]],
  ["a one-character choice text", (d) => (choice(d).text = "问"), "nodes.ask.choices.0.text", ["选项文字 text"]],
  ["a choice without feedback", (d) => delete choice(d).feedback, "nodes.ask.choices.0.feedback", ["每个选项都要写反馈 feedback"]],
  ["a short feedback", (d) => (choice(d).feedback = "对的。"), "nodes.ask.choices.0.feedback", ["反馈 feedback至少 10 个字"]],
  ["mistake in words", (d) => (choice(d).mistake = "no"), "nodes.ask.choices.0.mistake", ["mistake 应为 true 或 false"]],
  ["a fractional score", (d) => (choice(d).score = { procedure: 1.5 }), "nodes.ask.choices.0.score.procedure", ["程序分 procedure应为整数"]],
  ["a relationship score in words", (d) => (choice(d).score = { relationship: "一" }), "nodes.ask.choices.0.score.relationship", ["关系分 relationship应为整数"]],
  ["an outcome score in words", (d) => (choice(d).score = { outcome: "一" }), "nodes.ask.choices.0.score.outcome", ["结果分 outcome应为整数"]],
  ["an unknown score dimension", (d) => (choice(d).score = { law: 1 }), "nodes.ask.choices.0.score", []],
  ["a fractional set value", (d) => (choice(d).effects.set = { trust: 1.5 }), "nodes.ask.choices.0.effects.set.trust", ["set 的值应为整数（变量）或 true / false（标记）"]],
  ["a set value in words", (d) => (choice(d).effects.set = { consent: "yes" }), "nodes.ask.choices.0.effects.set.consent", ["set 的值应为整数（变量）或 true / false（标记）"]],
  ["an add value in words", (d) => (choice(d).effects.add = { trust: "one" }), "nodes.ask.choices.0.effects.add.trust", ["add 的值应为整数"]],
  ["an effect on a badly named variable", (d) => (choice(d).effects.add = { Trust: 1 }), "nodes.ask.choices.0.effects.add.Trust", ["变量和标记的名称"]],
  ["an unknown mood in an effect", (d) => (choice(d).effects.mood = { wang: "happy" }), "nodes.ask.choices.0.effects.mood.wang", ["心情只能是 calm"]],
  ["a mood effect on a badly named party", (d) => (choice(d).effects.mood = { Wang: "calm" }), "nodes.ask.choices.0.effects.mood.Wang", ["当事人编号只能用小写字母和数字"]],
  ["an unknown kind of effect", (d) => (choice(d).effects.remove = { trust: 1 }), "nodes.ask.choices.0.effects", []],
  // Links.
  ["a choice without next", (d) => delete choice(d).next, "nodes.ask.choices.0.next", ["缺少 next：接下来去哪个节点"]],
  ["a next that is a number", (d) => (choice(d).next = 5), "nodes.ask.choices.0.next", ["next 应写一个节点编号，或一组 { if: 条件, to: 节点编号 }"]],
  ["an empty next list", (d) => (choice(d).next = []), "nodes.ask.choices.0.next", ["next 至少要有一项"]],
  ["a branch without to", (d) => (choice(d).next = [{}]), "nodes.ask.choices.0.next.0.to", ["缺少 to：要去的节点编号"]],
  ["a numeric branch target", (d) => (choice(d).next = [{ to: 5 }]), "nodes.ask.choices.0.next.0.to", ["to 应为节点编号"]],
  ["a last branch with a condition", (d) => (choice(d).next = [{ if: { flag: "consent" }, to: "talk" }]), "nodes.ask.choices.0.next.0.if", ["最后一项不能写 if"]],
  ["an earlier branch without a condition", (d) => (choice(d).next = [{ to: "talk" }, { to: "bad-end" }]), "nodes.ask.choices.0.next.0", ["只有最后一项可以不写 if"]],
  ["a branch with an unknown field", (d) => (choice(d).next = [{ to: "talk", when: "now" }]), "nodes.ask.choices.0.next.0", []],
  // Agreement nodes and clauses.
  ["an agreement node with one clause", (d) => (d.nodes.draft = agreementNode({ clauses: [agreementNode().clauses[0]] })), "nodes.draft.clauses", ["至少要有两条可选条款"]],
  ["an agreement node without clauses", (d) => (d.nodes.draft = agreementNode({ clauses: undefined })), "nodes.draft.clauses", ["缺少可选条款 clauses"]],
  ["an agreement node without prompt", (d) => (d.nodes.draft = agreementNode({ prompt: undefined })), "nodes.draft.prompt", ["缺少提问 prompt"]],
  ["an agreement node without a lawful next", (d) => (d.nodes.draft = agreementNode({ next: { unlawful: "bad-end" } })), "nodes.draft.next.lawful", ["缺少 next"]],
  ["a clause id with capitals", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "Who", text: "甲方王秀英。" }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.id", ["条款编号", "pay-repair"]],
  ["a three-character clause", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "who", text: "王秀英" }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.text", ["条款内容 text"]],
  ["an unknown element satisfied", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "who", text: "甲方王秀英。", satisfies: "names" }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.satisfies.0", ["satisfies只能是 parties / facts / responsibility / terms / performance 之一"]],
  ["an empty satisfies list", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "who", text: "甲方王秀英。", satisfies: [] }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.satisfies", []],
  ["a short unlawful reason", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "who", text: "甲方王秀英。", unlawful: "违法" }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.unlawful", ["违法原因 unlawful"]],
  ["a short coerced reason", (d) => (d.nodes.draft = agreementNode({ clauses: [{ id: "who", text: "甲方王秀英。", coerced: "被迫" }, agreementNode().clauses[1]] })), "nodes.draft.clauses.0.coerced", ["被迫原因 coerced"]],
  // Endings.
  ["an unknown outcome", (d) => (d.nodes["good-end"].outcome = "success"), "nodes.good-end.outcome", ["结局类型 outcome只能是"]],
  ["a one-character ending title", (d) => (d.nodes["good-end"].title = "好"), "nodes.good-end.title", ["结局标题 title"]],
  ["a short ending text", (d) => (d.nodes["good-end"].text = "车还了。"), "nodes.good-end.text", ["结局描述 text"]],
  ["an ending without debrief", (d) => delete d.nodes["good-end"].debrief, "nodes.good-end.debrief", ["结局必须写复盘 debrief"]],
  ["a short debrief", (d) => (d.nodes["good-end"].debrief = "先确认自愿，再协商。"), "nodes.good-end.debrief", ["复盘 debrief至少 20 个字"]],
  ["a short lawful path", (d) => (d.nodes["bad-end"].lawfulPath = "先确认自愿。"), "nodes.bad-end.lawfulPath", ["合法做法 lawfulPath"]],
  ["an ending score in words", (d) => (d.nodes["good-end"].score = { outcome: "满分" }), "nodes.good-end.score.outcome", ["结果分 outcome应为整数"]],
];

describe("scenario schema", () => {
  it("accepts minimal.yaml as it is (the baseline of every case below)", () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it.each(refused)("refuses %s", (_what, edit, path, words) => {
    const issues = issuesAfter(edit);
    const here = issues.filter((i) => i.path === path);
    expect(here, JSON.stringify(issues)).not.toEqual([]);
    for (const w of words) expect(here.map((i) => i.message).join("\n")).toContain(w);
  });

  it("accepts every limit at its edge", () => {
    const accepted: [string, (d: Data) => void][] = [
      ["difficulty 2", (d) => (d.difficulty = 2)],
      ["difficulty 3", (d) => (d.difficulty = 3)],
      ["3 minutes", (d) => (d.minutes = 3)],
      ["90 minutes", (d) => (d.minutes = 90)],
      ["six objectives", (d) => (d.objectives = Array.from({ length: 6 }, (_, i) => `学习目标第 ${i + 1} 条`))],
      ["five interests", (d) => (d.parties[0].interests = Array.from({ length: 5 }, (_, i) => `诉求 ${i}`))],
      ["one-letter and numbered party ids", (d) => ((d.parties[0].id = "w"), (d.parties[1].id = "zhao2"))],
      ["one-letter and snake_case variable names", (d) => ((d.variables.t = { ...d.variables.trust }), (d.variables.trust_2 = { ...d.variables.trust }))],
      ["an initial value at min", (d) => (d.variables.trust.initial = 0)],
      ["an initial value at max", (d) => (d.variables.trust.initial = 3)],
      ["a rubric max of 1 and of 100", (d) => ((d.rubric.procedure.max = 1), (d.rubric.outcome.max = 100))],
      ["a choice node with one choice", (d) => (d.nodes.talk.choices = [d.nodes.talk.choices[1]])],
      ["a dialogue of one line by the mediator", (d) => (d.nodes.opening = dialogue([{ speaker: "mediator", text: "请坐。", mood: "calm" }]))],
      ["an agreement node with two clauses", (d) => (d.nodes.draft = agreementNode())],
      ["a negative score", (d) => (choice(d, 1).score = { procedure: -2 })],
      ["a branch list", (d) => (choice(d).next = [{ if: { flag: "consent" }, to: "talk" }, { to: "bad-end" }])],
    ];
    for (const [what, edit] of accepted) expect(issuesAfter(edit), what).toEqual([]);
  });

  it("fills in the defaults a trainer may leave out", () => {
    const scenario = parsedAfter((d) => {
      delete d.flags.consent.initial;
      d.variables.shown = { label: "显示的变量", min: 0, max: 2, initial: 0 };
    });
    expect(scenario.parties.map((p) => p.signsAgreement)).toEqual([true, true]);
    expect(scenario.flags.consent.initial).toBe(false);
    expect(scenario.variables.shown.hidden).toBe(false);
    const ask = scenario.nodes.ask;
    expect(ask.kind === "choice" && ask.choices.map((c) => [c.mistake, c.law])).toEqual([
      [false, ["rmtjf-17"]],
      [true, ["rmtjf-17"]],
    ]);
    const talk = scenario.nodes.talk;
    expect(talk.kind === "choice" && talk.choices[0].law).toEqual([]);
    const end = scenario.nodes["good-end"];
    expect(end.kind === "ending" && end.law).toEqual([]);
    expect(parsedAfter((d) => (d.nodes.draft = agreementNode())).nodes.draft).toMatchObject({
      clauses: [{ law: [], satisfies: ["parties"] }, { law: [] }],
    });
    const noState = parsedAfter((d) => {
      delete d.variables;
      delete d.flags;
      delete choice(d).effects;
      delete d.nodes.talk.choices[0].condition;
    });
    expect([noState.variables, noState.flags]).toEqual([{}, {}]);
  });

  it("keeps what the trainer did write instead of the defaults", () => {
    const scenario = parsedAfter((d) => {
      d.parties[1].signsAgreement = false;
      d.flags.consent.initial = true;
      d.variables.trust.hidden = true;
    });
    expect(scenario.parties.map((p) => p.signsAgreement)).toEqual([true, false]);
    expect(scenario.flags.consent.initial).toBe(true);
    expect(scenario.variables.trust.hidden).toBe(true);
  });

  it("turns a plain next into a one-branch list, and a single satisfies into a list", () => {
    expect(nextSchema.parse("talk")).toEqual([{ to: "talk" }]);
    const draft = parsedAfter((d) => (d.nodes.draft = agreementNode())).nodes.draft;
    expect(draft.kind === "agreement" && draft.clauses.map((c) => c.satisfies)).toEqual([["parties"], ["facts", "responsibility", "terms", "performance"]]);
  });

  it("says a node written as plain text should be a group of fields, not that its kind is wrong", () => {
    const text = readFileSync(`${fixturesDir}minimal.yaml`, "utf8").replace("  good-end:\n    kind: ending\n", "  aside: 这里随便写了一句话\n\n  good-end:\n    kind: ending\n");
    const { issues } = checkScenarioText(text, "content/scenarios/minimal.yaml", provisionIds);
    expect(issues.map((i) => [i.field, i.message])).toEqual([["nodes.aside", "应为字段组，实际是文字"]]);
  });

  it("trims text fields", () => {
    expect(parsedAfter((d) => (d.title = "  借出去的三轮车  ")).title).toBe("借出去的三轮车");
  });
});

describe("conditions", () => {
  const messages = (value: unknown) => {
    const result = conditionSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };
  const HELP = "条件应写成以下形式之一";

  it("accepts each form, nested", () => {
    const nested = { all: [{ flag: "consent" }, { any: [{ var: "trust", gte: 1, lte: 3 }, { not: { flag: "angry_2" } }] }] };
    expect(messages(nested)).toEqual([]);
    expect(conditionSchema.parse(nested)).toEqual(nested);
    expect(messages({ var: "t", eq: -1 })).toEqual([]);
    for (const comparison of [{ ne: 1 }, { gt: 0 }, { gte: 0 }, { lt: 2 }, { lte: 2 }]) expect(messages({ var: "t", ...comparison }), JSON.stringify(comparison)).toEqual([]);
  });

  it("refuses what is not a condition object, with the list of forms", () => {
    for (const value of ["consent == true", null, 3, [{ flag: "consent" }], {}, { flag: "a", var: "b", gte: 1 }]) {
      expect(messages(value), JSON.stringify(value)).toEqual([{ path: "", message: expect.stringContaining(HELP) }]);
    }
    expect(messages("x")[0].message).toContain("{ var: 变量名, gte: 数字 }（比较可用 eq ne gt gte lt lte）");
  });

  it("names an unknown field of a condition at that field", () => {
    expect(messages({ flag: "consent", gte: 1 })).toEqual([{ path: "gte", message: expect.stringContaining("条件里不认识的字段 gte。") }]);
    expect(messages({ var: "trust", gte: 1, above: 2, below: 0 })).toEqual([
      { path: "above", message: expect.stringMatching(/^条件里不认识的字段 above、below。条件应写成/) },
    ]);
  });

  it("wants a non-empty list after all and any", () => {
    expect(messages({ all: [] })).toEqual([{ path: "all", message: "all 后面应是至少一项条件的列表" }]);
    expect(messages({ any: { flag: "a" } })).toEqual([{ path: "any", message: "any 后面应是至少一项条件的列表" }]);
  });

  it("reports a mistake deep inside all, any and not at its own place", () => {
    expect(messages({ all: [{ flag: "a" }, { any: [{ not: { flag: "Bad" } }] }] })).toEqual([
      { path: "all.1.any.0.not.flag", message: expect.stringContaining("变量和标记的名称") },
    ]);
    expect(messages({ any: [{ flag: 1 }, { var: "b" }] }).map((i) => i.path)).toEqual(["any.0.flag", "any.1"]);
    expect(messages({ not: "x" })).toEqual([{ path: "not", message: expect.stringContaining(HELP) }]);
  });

  it("names a flag or variable given as a number", () => {
    expect(messages({ flag: 5 })).toEqual([{ path: "flag", message: "名称应为文字" }]);
  });

  it("wants at least one comparison on a variable, each an integer", () => {
    expect(messages({ var: "trust" })).toEqual([{ path: "", message: "变量条件至少要有一个比较，例如 { var: trust, gte: 3 }" }]);
    expect(messages({ var: "trust", gte: "3", lt: 1.5, eq: 2 })).toEqual([
      { path: "gte", message: "gte 后面应是整数" },
      { path: "lt", message: "lt 后面应是整数" },
    ]);
  });
});
