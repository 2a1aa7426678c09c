/**
 * The bank schema's zh-CN messages: for each mistake a trainer can make in a bank file,
 * the exact sentence `npm run check` prints and the field it points at. The bank is built
 * as a value inside each test and written out as YAML, so each case is one change to a
 * valid bank.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseBankText } from "../../../src/lib/quiz/parse.ts";

const FILE = "content/quizzes/procedure-core.yaml";

type Bank = Record<string, any>;

/** A valid bank with one item of each type (items.0 … items.5) and one quiz of each kind. */
function validBank(): Bank {
  return {
    id: "procedure-core",
    title: "调解程序题库",
    scoring: { multiple: "partial-if-no-wrong" },
    items: [
      {
        id: "who-may-apply",
        type: "single",
        stem: "一方明确拒绝调解时怎么办？",
        options: [
          { id: "a", text: "不得调解" },
          { id: "b", text: "先调解后征求意见", feedback: "不能先调后问。" },
        ],
        answer: "a",
        explanation: "人民调解法第十七条。",
        law: ["rmtjf-17"],
        tags: ["受理"],
        difficulty: 1,
        lesson: "procedure/starting-mediation",
      },
      {
        id: "party-rights",
        type: "multiple",
        stem: "当事人享有哪些权利？",
        options: [
          { id: "a", text: "选择调解员" },
          { id: "b", text: "要求终止调解" },
          { id: "c", text: "交费优先" },
        ],
        answer: ["a", "b"],
        explanation: "人民调解法第二十三条。",
        tags: ["当事人权利"],
        difficulty: 2,
      },
      {
        id: "mediation-is-free",
        type: "true-false",
        stem: "调解可以收费。",
        answer: false,
        explanation: "人民调解法第四条。",
        tags: ["调解原则"],
        difficulty: 1,
      },
      {
        id: "procedure-steps",
        type: "ordering",
        stem: "排列调解的步骤。",
        options: [
          { id: "accept", text: "受理" },
          { id: "prepare", text: "准备" },
          { id: "session", text: "主持调解" },
        ],
        answer: ["accept", "prepare", "session"],
        explanation: "先受理，再准备，后调解。",
        tags: ["调解程序"],
        difficulty: 2,
      },
      {
        id: "dispute-channels",
        type: "matching",
        stem: "把纠纷与渠道配对。",
        prompts: [
          { id: "noise", text: "装修噪音" },
          { id: "wages", text: "拖欠工资" },
        ],
        options: [
          { id: "committee", text: "人民调解" },
          { id: "labour", text: "劳动仲裁" },
        ],
        answer: { noise: "committee", wages: "labour" },
        explanation: "邻里纠纷调解，欠薪走劳动争议。",
        tags: ["分流"],
        difficulty: 2,
      },
      {
        id: "agreement-refused",
        type: "case-judgement",
        situation: "王某与李某因宅基地边界发生纠纷，李某明确表示不再接受调解。",
        stem: "调解员应当怎么做？",
        options: [
          { id: "a", text: "终止调解", feedback: "正确，应当终止。" },
          { id: "b", text: "继续调解", feedback: "不能强行调解。" },
        ],
        answer: "a",
        explanation: "人民调解法第二十六条。",
        tags: ["调解程序"],
        difficulty: 3,
      },
    ],
    quizzes: [
      {
        id: "the-session-check",
        title: "主持调解小测",
        kind: "lesson-check",
        lesson: "procedure/the-session",
        draw: [{ count: 2, tags: ["受理"] }],
        passMark: 60,
      },
      {
        id: "procedure-final-test",
        title: "结课测试",
        kind: "course-final",
        course: "procedure",
        draw: [{ count: 3, bank: "procedure-core", difficulty: [1, 2] }],
        passMark: 80,
        timeLimit: 20,
        attempts: 2,
      },
    ],
  };
}

const parse = (bank: Bank) => parseBankText(stringify(bank), FILE);

/** The bank's issues as field → message. */
const issuesOf = (bank: Bank) => parse(bank).issues.map(({ field, message }) => ({ field, message }));

/** The valid bank changed by `change`, and its issues. */
const issuesAfter = (change: (bank: Bank) => void) => {
  const bank = validBank();
  change(bank);
  return issuesOf(bank);
};

const option = (id: string) => ({ id, text: `选项 ${id}` });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i + 1}`));
const judged = (n: number) => Array.from({ length: n }, (_, i) => ({ ...option(`o${i + 1}`), feedback: "理由如此。" }));

describe("a valid bank", () => {
  it("parses with no issues and fills in the defaults a trainer may leave out", () => {
    const { value, issues } = parse(validBank());
    expect(issues).toEqual([]);
    expect(value?.items.map((i) => i.type)).toEqual(["single", "multiple", "true-false", "ordering", "matching", "case-judgement"]);
    // law and points default; shuffle and reveal default to on.
    expect(value?.items[1]).toMatchObject({ law: [], points: 1 });
    expect(value?.items[0]).toMatchObject({ law: ["rmtjf-17"], points: 1 });
    expect(value?.quizzes[0]).toMatchObject({ shuffle: { items: true, options: true }, reveal: true });
    expect(value?.quizzes[1]).toMatchObject({ kind: "course-final", course: "procedure", timeLimit: 20, attempts: 2 });
  });

  it("keeps what the trainer wrote over the defaults", () => {
    const bank = validBank();
    bank.items[0].points = 3;
    bank.quizzes[0].shuffle = { options: false };
    bank.quizzes[0].reveal = false;
    const { value, issues } = parse(bank);
    expect(issues).toEqual([]);
    expect(value?.items[0].points).toBe(3);
    expect(value?.quizzes[0]).toMatchObject({ shuffle: { items: true, options: false }, reveal: false });
  });

  it("may hold only quizzes, or only items, and no bank-wide scoring", () => {
    const quizzesOnly = validBank();
    delete quizzesOnly.items;
    delete quizzesOnly.scoring;
    const a = parse(quizzesOnly);
    expect(a.issues).toEqual([]);
    expect(a.value).toMatchObject({ items: [], scoring: {} });
    expect(a.value?.quizzes).toHaveLength(2);
    const itemsOnly = validBank();
    delete itemsOnly.quizzes;
    const b = parse(itemsOnly);
    expect(b.issues).toEqual([]);
    expect(b.value?.quizzes).toEqual([]);
    expect(b.value?.scoring).toEqual({ multiple: "partial-if-no-wrong" });
  });

  it("accepts the partial-credit rules of every type, on the bank and on an item", () => {
    const bank = validBank();
    bank.scoring = { multiple: "proportional-with-penalty", ordering: "all-or-nothing", matching: "all-or-nothing" };
    bank.items[1].scoring = "all-or-nothing";
    bank.items[3].scoring = "adjacent-pairs";
    bank.items[4].scoring = "per-pair";
    const { value, issues } = parse(bank);
    expect(issues).toEqual([]);
    expect(value?.scoring).toEqual(bank.scoring);
    expect(value?.items.map((i) => ("scoring" in i ? i.scoring : undefined))).toEqual([undefined, "all-or-nothing", undefined, "adjacent-pairs", "per-pair", undefined]);
  });

  it("trims an answer, an option text and a tag", () => {
    const bank = validBank();
    bank.items[0].answer = " a ";
    bank.items[0].options[0].text = "  不得调解 ";
    bank.items[0].tags = [" 受理 "];
    const { value, issues } = parse(bank);
    expect(issues).toEqual([]);
    expect(value?.items[0]).toMatchObject({ answer: "a", tags: ["受理"], options: [{ id: "a", text: "不得调解" }, { id: "b" }] });
  });

  it("accepts the largest lists a trainer may write", () => {
    const bank = validBank();
    bank.items[0].options = options(8);
    bank.items[0].answer = "o1";
    bank.items[0].tags = ["一", "二", "三", "四", "五", "六", "七", "八"];
    bank.items[3].options = options(10);
    bank.items[3].answer = options(10).map((o) => o.id);
    bank.items[4].prompts = options(8).map((o) => ({ id: `p-${o.id}`, text: "左侧" }));
    bank.items[4].options = options(10);
    bank.items[4].answer = {};
    bank.items[5].options = judged(6);
    bank.items[5].answer = "o1";
    expect(issuesOf(bank)).toEqual([]);
  });
});

describe("item messages", () => {
  it.each<[string, (bank: Bank) => void, string, string]>([
    ["an unknown item type lists the six types with their names", (b) => (b.items[3].type = "sorting"), "items.3.type", "题型 type 只能是 single / multiple / true-false / ordering / matching / case-judgement（单选 / 多选 / 判断 / 排序 / 配对 / 案例判断）"],
    ["an item written as plain text", (b) => (b.items[0] = "who-may-apply"), "items.0", "应为字段组，实际是文字"],
    ["a missing difficulty", (b) => delete b.items[0].difficulty, "items.0.difficulty", "缺少难度 difficulty"],
    ["a difficulty in words", (b) => (b.items[0].difficulty = "easy"), "items.0.difficulty", "难度 difficulty应为整数，例如 1"],
    ["a fractional difficulty", (b) => (b.items[0].difficulty = 1.5), "items.0.difficulty", "难度 difficulty应为整数，例如 1"],
    ["a difficulty of 0", (b) => (b.items[0].difficulty = 0), "items.0.difficulty", "难度 difficulty最小是 1"],
    ["a difficulty of 4", (b) => (b.items[0].difficulty = 4), "items.0.difficulty", "难度 difficulty最大是 3"],
    ["points of 0", (b) => (b.items[0].points = 0), "items.0.points", "分值 points最小是 1"],
    ["points of 11", (b) => (b.items[0].points = 11), "items.0.points", "分值 points最大是 10"],
    ["points in words", (b) => (b.items[0].points = "two"), "items.0.points", "分值 points应为整数，例如 1"],
    ["no tags", (b) => delete b.items[0].tags, "items.0.tags", "缺少标签 tags"],
    ["an empty tag list", (b) => (b.items[0].tags = []), "items.0.tags", "至少写 1 个标签，测验按标签抽题"],
    ["nine tags", (b) => (b.items[0].tags = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]), "items.0.tags", "标签最多 8 个"],
    ["a blank tag", (b) => (b.items[0].tags = [" "]), "items.0.tags.0", "标签至少 1 个字"],
    ["a tag of 13 characters", (b) => (b.items[0].tags = ["一二三四五六七八九十一二三"]), "items.0.tags.0", "标签最多 12 个字"],
    ["a stem of 3 characters", (b) => (b.items[0].stem = "怎么办"), "items.0.stem", "题干至少 4 个字"],
    ["an explanation of 4 characters", (b) => (b.items[0].explanation = "见第四条"), "items.0.explanation", "解析至少 5 个字"],
    ["a lesson without its course", (b) => (b.items[0].lesson = "starting-mediation"), "items.0.lesson", "课时应写成 <课程编号>/<课时编号>，例如 procedure/the-session"],
    ["a lesson written as a number", (b) => (b.items[0].lesson = 3), "items.0.lesson", "课时应写成 <课程编号>/<课时编号>"],
    ["an objective without its course", (b) => (b.items[0].objective = "starting-mediation#1"), "items.0.objective", "objective 应写成 <课程编号>/<课时编号>#<第几条学习目标>，例如 procedure/starting-mediation#2（该课时的第 2 条学习目标）"],
    ["an objective written as a number", (b) => (b.items[0].objective = 2), "items.0.objective", "objective 应写成 <课程编号>/<课时编号>#<第几条学习目标>"],
    ["an empty option text", (b) => (b.items[0].options[0].text = " "), "items.0.options.0.text", "选项内容至少 1 个字"],
    ["an option text of 201 characters", (b) => (b.items[0].options[0].text = "字".repeat(201)), "items.0.options.0.text", "选项内容最多 200 个字"],
    ["an option feedback of 1 character", (b) => (b.items[0].options[1].feedback = "错"), "items.0.options.1.feedback", "选项反馈至少 2 个字"],
    ["a single-choice item with 1 option", (b) => (b.items[0].options = options(1)), "items.0.options", "单选题至少 2 个选项"],
    ["a single-choice item with 9 options", (b) => (b.items[0].options = options(9)), "items.0.options", "选项最多 8 个"],
    ["a single-choice item without answer", (b) => delete b.items[0].answer, "items.0.answer", "缺少答案 answer"],
    ["a single-choice answer written as a number", (b) => (b.items[0].answer = 1), "items.0.answer", "答案应为选项编号，例如 b"],
    ["a blank single-choice answer", (b) => (b.items[0].answer = "  "), "items.0.answer", "答案不能为空"],
    ["a multiple-choice item with 2 options", (b) => (b.items[1].options = options(2)), "items.1.options", "多选题至少 3 个选项"],
    ["a multiple-choice item with 9 options", (b) => (b.items[1].options = options(9)), "items.1.options", "选项最多 8 个"],
    ["a multiple-choice item without answer", (b) => delete b.items[1].answer, "items.1.answer", "缺少答案 answer"],
    ["a multiple-choice answer written as one id", (b) => (b.items[1].answer = "a"), "items.1.answer", "答案应为选项编号列表，例如 [a, c]"],
    ["a multiple-choice answer with no option", (b) => (b.items[1].answer = []), "items.1.answer", "多选题至少 1 个正确选项"],
    ["a multiple-choice answer entry written as a number", (b) => (b.items[1].answer = ["a", 2]), "items.1.answer.1", "答案应为选项编号，例如 b"],
    ["an unknown multiple-choice scoring rule", (b) => (b.items[1].scoring = "partial"), "items.1.scoring", '多选题计分规则只能是 all-or-nothing / partial-if-no-wrong / proportional-with-penalty 之一，实际是 "partial"'],
    ["a true-false item without answer", (b) => delete b.items[2].answer, "items.2.answer", "缺少答案：判断题写 answer: true（正确）或 answer: false（错误）"],
    ["a true-false answer written as 错", (b) => (b.items[2].answer = "错"), "items.2.answer", "判断题的答案应为 true（正确）或 false（错误）"],
    ["an ordering item with 2 steps", (b) => (b.items[3].options = options(2)), "items.3.options", "排序题至少 3 个步骤"],
    ["an ordering item with 11 steps", (b) => (b.items[3].options = options(11)), "items.3.options", "排序题最多 10 个步骤"],
    ["an ordering item without answer", (b) => delete b.items[3].answer, "items.3.answer", "缺少答案 answer"],
    ["an ordering answer written as one id", (b) => (b.items[3].answer = "accept"), "items.3.answer", "答案应为选项编号列表，例如 [accept, prepare, session]"],
    ["an unknown ordering scoring rule", (b) => (b.items[3].scoring = "pairs"), "items.3.scoring", '排序题计分规则只能是 all-or-nothing / adjacent-pairs 之一，实际是 "pairs"'],
    ["a matching item with 1 prompt", (b) => (b.items[4].prompts = [{ id: "noise", text: "噪音" }]), "items.4.prompts", "配对题至少 2 项"],
    ["a matching item with 9 prompts", (b) => (b.items[4].prompts = options(9)), "items.4.prompts", "配对题最多 8 项"],
    ["an empty prompt text", (b) => (b.items[4].prompts[0].text = ""), "items.4.prompts.0.text", "配对左侧内容至少 1 个字"],
    ["a prompt with an unknown field", (b) => (b.items[4].prompts[0].feedback = "说明"), "items.4.prompts.0.feedback", "不认识的字段 feedback：请检查拼写，或删除它"],
    ["a matching item with 1 option", (b) => (b.items[4].options = options(1)), "items.4.options", "配对题至少 2 个选项"],
    ["a matching item with 11 options", (b) => (b.items[4].options = options(11)), "items.4.options", "选项最多 10 个"],
    ["a matching item without answer", (b) => delete b.items[4].answer, "items.4.answer", "缺少答案 answer"],
    ["a matching answer written as a list", (b) => (b.items[4].answer = ["committee", "labour"]), "items.4.answer", "配对题的答案应为「左侧编号: 选项编号」的字段组"],
    ["a matching answer naming a number", (b) => (b.items[4].answer.noise = 1), "items.4.answer.noise", "答案应为选项编号，例如 b"],
    ["an unknown matching scoring rule", (b) => (b.items[4].scoring = "pairs"), "items.4.scoring", '配对题计分规则只能是 all-or-nothing / per-pair 之一，实际是 "pairs"'],
    ["a case without its situation", (b) => delete b.items[5].situation, "items.5.situation", "缺少案情 situation"],
    ["a situation of 9 characters", (b) => (b.items[5].situation = "王某与李某发生纠纷"), "items.5.situation", "案情 situation至少 10 个字"],
    ["a case option without feedback", (b) => delete b.items[5].options[1].feedback, "items.5.options.1.feedback", "缺少选项反馈"],
    ["a case option feedback of 301 characters", (b) => (b.items[5].options[1].feedback = "字".repeat(301)), "items.5.options.1.feedback", "选项反馈最多 300 个字"],
    ["a case with 1 option", (b) => (b.items[5].options = judged(1)), "items.5.options", "案例判断题至少 2 个选项"],
    ["a case with 7 options", (b) => (b.items[5].options = judged(7)), "items.5.options", "选项最多 6 个"],
  ])("%s", (_what, change, field, message) => {
    expect(issuesAfter(change)).toEqual([{ field, message }]);
  });

  it("a scoring rule written as a number says what it should be", () => {
    expect(issuesAfter((b) => (b.items[1].scoring = 2))).toEqual([
      { field: "items.1.scoring", message: "多选题计分规则只能是 all-or-nothing / partial-if-no-wrong / proportional-with-penalty 之一，实际是数字" },
    ]);
  });
});

describe("quiz messages", () => {
  it.each<[string, (bank: Bank) => void, string, string]>([
    ["an unknown quiz kind", (b) => (b.quizzes[0].kind = "final"), "quizzes.0.kind", "测验类型 kind 只能是 lesson-check（课后小测，写 lesson）或 course-final（结课测试，写 course）"],
    ["a quiz written as plain text", (b) => (b.quizzes[0] = "the-session-check"), "quizzes.0", "应为字段组，实际是文字"],
    ["a lesson check without its lesson", (b) => delete b.quizzes[0].lesson, "quizzes.0.lesson", "缺少课时 lesson：写成 <课程编号>/<课时编号>，例如 procedure/the-session"],
    ["a lesson check for a lesson without its course", (b) => (b.quizzes[0].lesson = "the-session"), "quizzes.0.lesson", "课时应写成 <课程编号>/<课时编号>，例如 procedure/the-session"],
    ["a quiz title of 1 character", (b) => (b.quizzes[0].title = "测"), "quizzes.0.title", "测验名称至少 2 个字"],
    ["a quiz without draw rules", (b) => delete b.quizzes[0].draw, "quizzes.0.draw", "缺少抽题规则 draw"],
    ["a quiz with an empty draw list", (b) => (b.quizzes[0].draw = []), "quizzes.0.draw", "至少写 1 条抽题规则"],
    ["a draw rule without count", (b) => delete b.quizzes[0].draw[0].count, "quizzes.0.draw.0.count", "缺少抽题数量 count"],
    ["a draw count of 0", (b) => (b.quizzes[0].draw[0].count = 0), "quizzes.0.draw.0.count", "抽题数量 count最小是 1"],
    ["a draw count of 101", (b) => (b.quizzes[0].draw[0].count = 101), "quizzes.0.draw.0.count", "抽题数量 count最大是 100"],
    ["a draw count in words", (b) => (b.quizzes[0].draw[0].count = "five"), "quizzes.0.draw.0.count", "抽题数量 count应为整数，例如 5"],
    ["a draw by an empty tag list", (b) => (b.quizzes[0].draw[0].tags = []), "quizzes.0.draw.0.tags", "tags 不写表示不限标签；写了就至少 1 个"],
    ["a draw by a blank tag", (b) => (b.quizzes[0].draw[0].tags = [""]), "quizzes.0.draw.0.tags.0", "标签至少 1 个字"],
    ["a draw by difficulty 4", (b) => (b.quizzes[1].draw[0].difficulty = [4]), "quizzes.1.draw.0.difficulty.0", "难度最大是 3"],
    ["a draw by difficulty in words", (b) => (b.quizzes[1].draw[0].difficulty = ["easy"]), "quizzes.1.draw.0.difficulty.0", "难度应为整数，例如 1"],
    ["a draw from a bank id with capitals", (b) => (b.quizzes[1].draw[0].bank = "Procedure"), "quizzes.1.draw.0.bank", "编号只能用小写字母、数字和连字符，例如 written-agreement"],
    ["a quiz without pass mark", (b) => delete b.quizzes[0].passMark, "quizzes.0.passMark", "缺少及格线 passMark（百分比）"],
    ["a pass mark of 101", (b) => (b.quizzes[0].passMark = 101), "quizzes.0.passMark", "及格线 passMark（百分比）最大是 100"],
    ["a pass mark written as 60%", (b) => (b.quizzes[0].passMark = "60%"), "quizzes.0.passMark", "及格线 passMark（百分比）应为整数，例如 80"],
    ["a time limit of 181 minutes", (b) => (b.quizzes[1].timeLimit = 181), "quizzes.1.timeLimit", "时间限制 timeLimit（分钟）最大是 180"],
    ["a time limit of 0", (b) => (b.quizzes[1].timeLimit = 0), "quizzes.1.timeLimit", "时间限制 timeLimit（分钟）最小是 1"],
    ["a time limit written as 20min", (b) => (b.quizzes[1].timeLimit = "20min"), "quizzes.1.timeLimit", "时间限制 timeLimit（分钟）应为整数，例如 15"],
    ["21 attempts", (b) => (b.quizzes[1].attempts = 21), "quizzes.1.attempts", "允许作答次数 attempts最大是 20"],
    ["attempts in words", (b) => (b.quizzes[1].attempts = "three"), "quizzes.1.attempts", "允许作答次数 attempts应为整数，例如 3"],
    ["reveal written as yes-please", (b) => (b.quizzes[0].reveal = "yes-please"), "quizzes.0.reveal", "reveal 应为 true 或 false"],
  ])("%s", (_what, change, field, message) => {
    expect(issuesAfter(change)).toEqual([{ field, message }]);
  });

  it("a course final names its course, a lesson check its lesson", () => {
    expect(issuesAfter((b) => delete b.quizzes[1].course)).toEqual([{ field: "quizzes.1.course", message: "缺少课程 course：结课测试要写它属于哪门课程的编号，例如 procedure" }]);
    expect(issuesAfter((b) => (b.quizzes[1].course = "Procedure"))).toEqual([{ field: "quizzes.1.course", message: "编号只能用小写字母、数字和连字符，例如 written-agreement" }]);
  });
});

describe("bank messages", () => {
  it.each<[string, (bank: Bank) => void, string, string]>([
    ["a bank title of 1 character", (b) => (b.title = "题"), "title", "题库名称至少 2 个字"],
    ["a bank title of 41 characters", (b) => (b.title = "题".repeat(41)), "title", "题库名称最多 40 个字"],
    ["an unknown bank-wide multiple-choice rule", (b) => (b.scoring.multiple = "all"), "scoring.multiple", '多选题计分规则只能是 all-or-nothing / partial-if-no-wrong / proportional-with-penalty 之一，实际是 "all"'],
    ["an unknown bank-wide ordering rule", (b) => (b.scoring.ordering = "all"), "scoring.ordering", '排序题计分规则只能是 all-or-nothing / adjacent-pairs 之一，实际是 "all"'],
    ["an unknown bank-wide matching rule", (b) => (b.scoring.matching = "all"), "scoring.matching", '配对题计分规则只能是 all-or-nothing / per-pair 之一，实际是 "all"'],
    ["a bank-wide rule for true-false items", (b) => (b.scoring["true-false"] = "all-or-nothing"), "scoring.true-false", "不认识的字段 true-false：请检查拼写，或删除它"],
  ])("%s", (_what, change, field, message) => {
    expect(issuesAfter(change)).toEqual([{ field, message }]);
  });

  it("points at the line of the mistake", () => {
    const bank = validBank();
    bank.items[2].answer = "错";
    const text = stringify(bank);
    const [issue] = parseBankText(text, FILE).issues;
    const line = text.split("\n").findIndex((l) => l.includes("answer: 错")) + 1;
    expect(issue).toMatchObject({ file: FILE, line, field: "items.2.answer" });
  });
});
