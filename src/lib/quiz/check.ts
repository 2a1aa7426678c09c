/**
 * The bank checker behind `npm run check`: every rule a schema cannot express, each
 * issue located at file, line and column. checkQuizText covers one file; checkQuizBanks
 * covers what needs all files (ids across banks, draws from other banks, one check per
 * lesson); checkQuizCoverage says which lessons and courses still lack a quiz.
 */
import type { ContentIssue } from "../content/issues.ts";
import { provisionId, type ContentSet } from "../content/model.ts";
import type { FieldPath } from "../content/source.ts";
import { parseObjectiveRef } from "../content/objective-ref.ts";
import { buildCatalog, type QuizCatalog } from "./catalog.ts";
import { poolOf } from "./draw.ts";
import { parseBankText, type Locate } from "./parse.ts";
import { multipleScoringRules, type Quiz, type QuizBankFile, type QuizItem } from "./schema.ts";

/** Ids that bank files may refer to, from the content set. */
export interface KnownContent {
  /** `rmtjf-28`. */
  provisions: ReadonlySet<string>;
  /** `<course>/<lesson>`. */
  lessons: ReadonlySet<string>;
  courses: ReadonlySet<string>;
  /**
   * `<course>/<lesson>` → its learning objectives, for items' `objective` references.
   * When absent, a reference is checked only for its lesson.
   */
  objectives?: ReadonlyMap<string, readonly string[]>;
}

export function knownFromContentSet(set: ContentSet): KnownContent {
  return {
    provisions: new Set(set.statutes.flatMap((s) => s.data.provisions.map((p) => provisionId(s.data.id, p.article)))),
    lessons: new Set(set.lessons.map((l) => `${l.folder}/${l.data.id}`)),
    courses: new Set(set.courses.map((c) => c.data.id)),
    objectives: new Map(set.lessons.map((l) => [`${l.folder}/${l.data.id}`, l.data.objectives])),
  };
}

/** A bank file that passed its schema (it may still have other issues). */
export interface CheckedBank {
  file: string;
  data: QuizBankFile;
  locate: Locate;
}

/** The code of every rule in this file; each has a failing case in test/unit/quiz/check-mutations.ts. */
export const quizRuleCodes = [
  "bank-file-name",
  "bank-empty",
  "bank-duplicate-id",
  "item-duplicate-id",
  "item-id-in-two-banks",
  "item-unknown-provision",
  "item-unknown-lesson",
  "item-unknown-objective",
  "option-duplicate-id",
  "option-duplicate-text",
  "answer-not-an-option",
  "answer-twice",
  "multiple-without-scoring",
  "ordering-step-twice",
  "ordering-unknown-step",
  "ordering-step-missing",
  "matching-duplicate-prompt",
  "matching-unknown-prompt",
  "matching-prompt-missing",
  "quiz-duplicate-id",
  "quiz-id-in-two-banks",
  "quiz-unknown-lesson",
  "quiz-unknown-course",
  "quiz-duplicate-target",
  "draw-unknown-tag",
  "draw-unknown-bank",
  "draw-pool-too-small",
] as const;
export type QuizRuleCode = (typeof quizRuleCodes)[number];

type Say = (code: QuizRuleCode, path: FieldPath, message: string) => void;

const sayer = (issues: ContentIssue[], file: string, locate: Locate): Say => (code, path, message) =>
  issues.push({ file, ...locate(path), field: path.join("."), message, code });

const list = (ids: Iterable<string>) => [...ids].join("、");

/** Schema, then every single-file rule. `bank` is returned whenever the schema passed. */
export function checkQuizText(text: string, file: string, known: KnownContent): { bank: CheckedBank | undefined; issues: ContentIssue[] } {
  const parsed = parseBankText(text, file);
  if (!parsed.value) return { bank: undefined, issues: parsed.issues };
  const bank: CheckedBank = { file, data: parsed.value, locate: parsed.locate };
  const issues: ContentIssue[] = [];
  const say = sayer(issues, file, parsed.locate);
  const { data } = bank;

  const expected = `${data.id}.yaml`;
  if (file !== expected && !file.endsWith(`/${expected}`)) say("bank-file-name", ["id"], `文件名应与题库编号一致：请把文件命名为 ${expected}，或把 id 改成文件名`);
  if (!data.items.length && !data.quizzes.length) say("bank-empty", [], "题库里既没有题目 items，也没有测验 quizzes");

  const itemLines = new Map<string, number>();
  data.items.forEach((item, i) => {
    const first = itemLines.get(item.id);
    if (first !== undefined) say("item-duplicate-id", ["items", i, "id"], `题目编号 ${item.id} 在本文件第 ${first} 行已经用过`);
    else itemLines.set(item.id, parsed.locate(["items", i, "id"]).line);
    checkItem(item, (code, path, message) => say(code, ["items", i, ...path], message), data, known);
  });

  const quizLines = new Map<string, number>();
  data.quizzes.forEach((quiz, q) => {
    const first = quizLines.get(quiz.id);
    if (first !== undefined) say("quiz-duplicate-id", ["quizzes", q, "id"], `测验编号 ${quiz.id} 在本文件第 ${first} 行已经用过`);
    else quizLines.set(quiz.id, parsed.locate(["quizzes", q, "id"]).line);
    if (quiz.kind === "lesson-check" && !known.lessons.has(quiz.lesson)) say("quiz-unknown-lesson", ["quizzes", q, "lesson"], unknownLesson(quiz.lesson));
    if (quiz.kind === "course-final" && !known.courses.has(quiz.course)) {
      say("quiz-unknown-course", ["quizzes", q, "course"], `没有编号为 ${quiz.course} 的课程（现有：${list(known.courses)}）`);
    }
  });

  // Draws that stay inside this bank can be checked now; the others need every bank.
  const catalog = buildCatalog([data]);
  data.quizzes.forEach((quiz, q) => {
    if (quiz.draw.every((rule) => (rule.bank ?? data.id) === data.id)) checkDraws(quiz, data.id, catalog, (code, path, m) => say(code, ["quizzes", q, ...path], m));
  });
  return { bank, issues };
}

function checkItem(item: QuizItem, say: Say, bank: QuizBankFile, known: KnownContent): void {
  item.law.forEach((id, j) => {
    if (!known.provisions.has(id)) say("item-unknown-provision", ["law", j], unknownProvision(id, known.provisions));
  });
  if (item.lesson && !known.lessons.has(item.lesson)) say("item-unknown-lesson", ["lesson"], unknownLesson(item.lesson));
  if (item.objective) {
    const problem = objectiveProblem(item.objective, known);
    if (problem) say("item-unknown-objective", ["objective"], problem);
  }
  if (item.type === "true-false") return;

  const optionIds = new Set<string>();
  const optionTexts = new Map<string, number>();
  item.options.forEach((option, j) => {
    if (optionIds.has(option.id)) say("option-duplicate-id", ["options", j, "id"], `选项编号 ${option.id} 重复，同一题的选项编号要不同`);
    optionIds.add(option.id);
    const same = optionTexts.get(option.text);
    if (same !== undefined) say("option-duplicate-text", ["options", j, "text"], `选项内容与第 ${same + 1} 个选项相同`);
    else optionTexts.set(option.text, j);
  });
  const notAnOption = (id: string) => `答案 ${id} 不在选项中（选项编号：${list(optionIds)}）`;

  switch (item.type) {
    case "single":
    case "case-judgement":
      if (!optionIds.has(item.answer)) say("answer-not-an-option", ["answer"], notAnOption(item.answer));
      break;
    case "multiple": {
      const seen = new Set<string>();
      item.answer.forEach((id, j) => {
        if (seen.has(id)) say("answer-twice", ["answer", j], `答案里 ${id} 写了两次`);
        else if (!optionIds.has(id)) say("answer-not-an-option", ["answer", j], notAnOption(id));
        seen.add(id);
      });
      if (!item.scoring && !bank.scoring.multiple) {
        say(
          "multiple-without-scoring",
          ["type"],
          `多选题要写明计分规则：在本题加 scoring（${multipleScoringRules.join(" / ")}），或在文件开头用 scoring.multiple 统一规定`,
        );
      }
      break;
    }
    case "ordering": {
      const seen = new Set<string>();
      item.answer.forEach((id, j) => {
        if (seen.has(id)) say("ordering-step-twice", ["answer", j], `步骤 ${id} 在答案里写了两次，每个步骤只出现一次`);
        else if (!optionIds.has(id)) say("ordering-unknown-step", ["answer", j], `答案里的 ${id} 不是本题的步骤（步骤编号：${list(optionIds)}）`);
        seen.add(id);
      });
      const missing = [...optionIds].filter((id) => !seen.has(id));
      if (missing.length) say("ordering-step-missing", ["answer"], `排序题的答案要按顺序列出全部步骤，缺少 ${list(missing)}`);
      break;
    }
    case "matching": {
      const promptIds = new Set<string>();
      item.prompts.forEach((prompt, j) => {
        if (promptIds.has(prompt.id)) say("matching-duplicate-prompt", ["prompts", j, "id"], `左侧编号 ${prompt.id} 重复`);
        promptIds.add(prompt.id);
      });
      for (const [promptId, optionId] of Object.entries(item.answer)) {
        if (!promptIds.has(promptId)) say("matching-unknown-prompt", ["answer", promptId], `答案里的 ${promptId} 不是左侧的编号（左侧编号：${list(promptIds)}）`);
        else if (!optionIds.has(optionId)) say("answer-not-an-option", ["answer", promptId], notAnOption(optionId));
      }
      const missing = [...promptIds].filter((id) => !Object.hasOwn(item.answer, id));
      if (missing.length) say("matching-prompt-missing", ["answer"], `配对题的答案要为每个左侧项目写一个选项，缺少 ${list(missing)}`);
      break;
    }
  }
}

/**
 * Every draw rule can always be satisfied, whatever the seed: its pool, less the most that
 * earlier rules could take from it, still holds `count` items.
 */
function checkDraws(quiz: Quiz, defaultBank: string, catalog: QuizCatalog, say: Say): void {
  const pools = quiz.draw.map((rule) => new Set(poolOf(rule, defaultBank, catalog).map((c) => c.item.id)));
  quiz.draw.forEach((rule, r) => {
    const bankId = rule.bank ?? defaultBank;
    const bankItems = catalog.banks.get(bankId) ?? [];
    rule.tags?.forEach((tag, t) => {
      if (!bankItems.some((c) => c.item.tags.includes(tag))) say("draw-unknown-tag", ["draw", r, "tags", t], `题库 ${bankId} 里没有带标签「${tag}」的题目`);
    });
    const size = pools[r].size;
    let reserved = 0;
    for (let j = 0; j < r; j++) {
      const overlap = [...pools[j]].filter((id) => pools[r].has(id)).length;
      reserved += Math.min(quiz.draw[j].count, overlap);
    }
    if (size - reserved >= rule.count) return;
    say(
      "draw-pool-too-small",
      ["draw", r, "count"],
      reserved === 0
        ? `要抽 ${rule.count} 题，但题库 ${bankId} 中符合条件的题目只有 ${size} 题`
        : `要抽 ${rule.count} 题，符合条件的 ${size} 题中最多 ${reserved} 题可能已被前面的抽题规则抽走，还差 ${rule.count - (size - reserved)} 题`,
    );
  });
}

/**
 * Rules that need every bank. Pass the banks in a stable order (sorted by file): the later
 * copy is reported. `unreadable` names banks whose files failed their schema: draws from
 * them are skipped rather than reported again as missing.
 */
export function checkQuizBanks(banks: readonly CheckedBank[], unreadable: ReadonlySet<string> = new Set()): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const bankFiles = new Map<string, string>();
  const items = new Map<string, string>();
  const quizzes = new Map<string, string>();
  const lessonChecks = new Map<string, string>();
  const finals = new Map<string, string>();
  const where = (bank: CheckedBank, path: FieldPath) => `${bank.file}:${bank.locate(path).line}`;

  for (const bank of banks) {
    const say = sayer(issues, bank.file, bank.locate);
    const { data } = bank;
    const otherBank = bankFiles.get(data.id);
    if (otherBank) say("bank-duplicate-id", ["id"], `题库编号 ${data.id} 已在 ${otherBank} 中使用`);
    else bankFiles.set(data.id, bank.file);

    data.items.forEach((item, i) => {
      const other = items.get(item.id);
      // Duplicates inside one file are reported by checkQuizText.
      if (other && !other.startsWith(`${bank.file}:`)) say("item-id-in-two-banks", ["items", i, "id"], `题目编号 ${item.id} 已在 ${other} 使用，题目编号在所有题库中都不能重复`);
      if (!other) items.set(item.id, where(bank, ["items", i, "id"]));
    });
    data.quizzes.forEach((quiz, q) => {
      const other = quizzes.get(quiz.id);
      if (other && !other.startsWith(`${bank.file}:`)) say("quiz-id-in-two-banks", ["quizzes", q, "id"], `测验编号 ${quiz.id} 已在 ${other} 使用，测验编号在所有题库中都不能重复`);
      if (!other) quizzes.set(quiz.id, where(bank, ["quizzes", q, "id"]));
      // A lesson page and a course page each link exactly one quiz.
      const [seen, key, field, what] =
        quiz.kind === "lesson-check" ? [lessonChecks, quiz.lesson, "lesson", "课后小测"] : [finals, quiz.course, "course", "结课测试"];
      const same = seen.get(key);
      if (same) say("quiz-duplicate-target", ["quizzes", q, field], `${key} 已有${what}（${same}），每个${quiz.kind === "lesson-check" ? "课时" : "课程"}只设一个`);
      else seen.set(key, where(bank, ["quizzes", q, "id"]));
    });
  }

  const catalog = buildCatalog(banks.map((b) => b.data));
  for (const bank of banks) {
    const say = sayer(issues, bank.file, bank.locate);
    bank.data.quizzes.forEach((quiz, q) => {
      if (quiz.draw.every((rule) => (rule.bank ?? bank.data.id) === bank.data.id)) return;
      const missing = quiz.draw.map((rule, r) => [rule.bank, r] as const).filter(([id]) => id !== undefined && !catalog.banks.has(id));
      for (const [id, r] of missing) {
        if (!unreadable.has(id as string)) say("draw-unknown-bank", ["quizzes", q, "draw", r, "bank"], `没有编号为 ${id} 的题库（现有：${list(catalog.banks.keys())}）`);
      }
      if (!missing.length) checkDraws(quiz, bank.data.id, catalog, (code, path, m) => say(code, ["quizzes", q, ...path], m));
    });
  }
  return issues;
}

/** Lessons without a lesson-check and courses without a final, reported against the quiz folder. */
export function checkQuizCoverage(banks: readonly CheckedBank[], known: KnownContent, folder = "content/quizzes"): ContentIssue[] {
  const quizzes = banks.flatMap((b) => b.data.quizzes);
  const checked = new Set(quizzes.flatMap((q) => (q.kind === "lesson-check" ? [q.lesson] : [])));
  const finished = new Set(quizzes.flatMap((q) => (q.kind === "course-final" ? [q.course] : [])));
  const issue = (message: string): ContentIssue => ({ file: folder, line: 0, column: 0, field: "", message });
  return [
    ...[...known.lessons].filter((l) => !checked.has(l)).map((l) => issue(`课时 ${l} 还没有课后小测（kind: lesson-check）`)),
    ...[...known.courses].filter((c) => !finished.has(c)).map((c) => issue(`课程 ${c} 还没有结课测试（kind: course-final）`)),
  ];
}

/** Per-file and cross-bank checks over a set of bank texts; files are sorted for stable reports. */
export function checkQuizzes(
  files: readonly { file: string; text: string }[],
  known: KnownContent,
): { banks: CheckedBank[]; catalog: QuizCatalog; issues: ContentIssue[] } {
  const sorted = [...files].sort((a, b) => a.file.localeCompare(b.file));
  const banks: CheckedBank[] = [];
  const unreadable = new Set<string>();
  const issues: ContentIssue[] = [];
  for (const { file, text } of sorted) {
    const checked = checkQuizText(text, file, known);
    issues.push(...checked.issues);
    if (checked.bank) banks.push(checked.bank);
    else unreadable.add(file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""));
  }
  issues.push(...checkQuizBanks(banks, unreadable));
  return { banks, catalog: buildCatalog(banks.map((b) => b.data)), issues };
}

/** Why `ref` names no objective, or undefined when it names one. */
function objectiveProblem(ref: string, known: KnownContent): string | undefined {
  const parsed = parseObjectiveRef(ref);
  if (!parsed) return undefined; // the schema already refused its form
  if (!known.lessons.has(parsed.lesson)) return `objective：${unknownLesson(parsed.lesson)}`;
  const objectives = known.objectives?.get(parsed.lesson);
  if (!objectives || parsed.n <= objectives.length) return undefined;
  return `课时 ${parsed.lesson} 只有 ${objectives.length} 条学习目标，没有第 ${parsed.n} 条：请对照该课时 frontmatter 的 objectives 改正序号（从 1 数起）`;
}

function unknownLesson(key: string): string {
  return `找不到课时 ${key}：请写 <课程编号>/<课时编号>，例如 procedure/the-session`;
}

function unknownProvision(id: string, provisions: ReadonlySet<string>): string {
  const statute = id.split("-")[0];
  return [...provisions].some((p) => p.startsWith(`${statute}-`))
    ? `条文 ${id} 不存在：content/law/${statute}.yaml 里没有这一条，请先添加或改正条号`
    : `条文 ${id} 不存在：没有编号为 ${statute} 的法规文件（content/law/${statute}.yaml）`;
}
