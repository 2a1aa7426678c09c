/**
 * The shape of a question bank file, content/quizzes/<bank-id>.yaml. One file holds a
 * bank's `items` and, optionally, `quizzes` that draw from it or from other banks (a
 * course's final test may live in a file with no items of its own). Messages are zh-CN
 * because trainers read them. Rules that need more than one field (answer among the
 * options, pools big enough) live in check.ts.
 */
import { z } from "zod";
import { text } from "../content/fields.ts";
import { LESSON_KEY } from "../id-patterns.ts";
import { OBJECTIVE_REF } from "../content/objective-ref.ts";
import { provisionIdSchema, slugSchema } from "../content/schemas.ts";
import { typeWord } from "../content/zod-issues.ts";
import { matchingScoringRules, multipleScoringRules, orderingScoringRules } from "./scoring.ts";

export * from "./scoring.ts";

const int = (what: string, min: number, max: number, example: number) =>
  z
    .number({ required_error: `缺少${what}`, invalid_type_error: `${what}应为整数，例如 ${example}` })
    .int(`${what}应为整数，例如 ${example}`)
    .min(min, `${what}最小是 ${min}`)
    .max(max, `${what}最大是 ${max}`);

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === "invalid_enum_value"
          ? `${what}只能是 ${values.join(" / ")} 之一，实际是 ${JSON.stringify(issue.received)}`
          : issue.code === "invalid_type"
            ? issue.received === "undefined"
              ? `缺少${what}，可写 ${values.join(" / ")}`
              : `${what}只能是 ${values.join(" / ")} 之一，实际是${typeWord(issue.received)}`
            : ctx.defaultError,
    }),
  });

/** A full lesson key, `<course-id>/<lesson-id>`: a bank belongs to no course, so no short form. */
export const lessonKeySchema = z
  .string({ required_error: "缺少课时 lesson：写成 <课程编号>/<课时编号>，例如 procedure/the-session", invalid_type_error: "课时应写成 <课程编号>/<课时编号>" })
  .regex(
    LESSON_KEY,
    "课时应写成 <课程编号>/<课时编号>，例如 procedure/the-session",
  );

/** `<course>/<lesson>#<n>`: the n-th learning objective of that lesson (content/objective-ref.ts). */
export const objectiveRefSchema = z
  .string({ invalid_type_error: "objective 应写成 <课程编号>/<课时编号>#<第几条学习目标>" })
  .regex(OBJECTIVE_REF, "objective 应写成 <课程编号>/<课时编号>#<第几条学习目标>，例如 procedure/starting-mediation#2（该课时的第 2 条学习目标）");

// Partial-credit rules live in scoring.ts (no zod there, so grading code bundles small).

// ── Items ─────────────────────────────────────────────────────────────────────

export const itemTypes = ["single", "multiple", "true-false", "ordering", "matching", "case-judgement"] as const;
export type ItemType = (typeof itemTypes)[number];

/** One choice. Answers name options by id, so shuffling never changes what is correct. */
export const optionSchema = z
  .object({
    /** Unique within the item, e.g. a, b, c or a short slug. */
    id: slugSchema,
    text: text(1, 200, "选项内容"),
    /** Shown after submitting to a learner who chose this option. */
    feedback: text(2, 300, "选项反馈").optional(),
  })
  .strict();

/** Case judgement explains every option: why this action is or is not lawful. */
const judgedOptionSchema = optionSchema.extend({ feedback: text(2, 300, "选项反馈") });

/** A left-hand entry of a matching item (e.g. a dispute); options are the right-hand side. */
export const promptSchema = z.object({ id: slugSchema, text: text(1, 200, "配对左侧内容") }).strict();

/** An option id named in `answer`; check.ts verifies it exists among the options. */
const answerId = z.string({ required_error: "缺少答案 answer", invalid_type_error: "答案应为选项编号，例如 b" }).trim().min(1, "答案不能为空");
const answerIds = (example: string) =>
  z.array(answerId, { required_error: "缺少答案 answer", invalid_type_error: `答案应为选项编号列表，例如 ${example}` });

const itemBase = {
  /** Unique across all banks; attempts store answers by item id. */
  id: slugSchema,
  /** The question; for case-judgement, the question asked about the situation. */
  stem: text(4, 400, "题干"),
  /** Shown after submitting (when the quiz reveals answers): why the answer is right. */
  explanation: text(5, 800, "解析"),
  /** Provisions the answer rests on, e.g. rmtjf-17. */
  law: z.array(provisionIdSchema).default([]),
  /** Topic tags; quizzes draw items by tag. */
  tags: z.array(text(1, 12, "标签"), { required_error: "缺少标签 tags" }).min(1, "至少写 1 个标签，测验按标签抽题").max(8, "标签最多 8 个"),
  /** 1 入门 · 2 进阶 · 3 较难 (the site's one set of names: `scenario.difficulty.*` in src/i18n). */
  difficulty: int("难度 difficulty", 1, 3, 1),
  /** The lesson that teaches this, `<course>/<lesson>`. */
  lesson: lessonKeySchema.optional(),
  /** The lesson objective this item tests, `<course>/<lesson>#<n>` (n counts from 1). */
  objective: objectiveRefSchema.optional(),
  /** Weight in the quiz total. */
  points: int("分值 points", 1, 10, 1).default(1),
};

export const singleItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("single"),
    options: z.array(optionSchema).min(2, "单选题至少 2 个选项").max(8, "选项最多 8 个"),
    /** The id of the one correct option. */
    answer: answerId,
  })
  .strict();

export const multipleItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("multiple"),
    options: z.array(optionSchema).min(3, "多选题至少 3 个选项").max(8, "选项最多 8 个"),
    /** Ids of every correct option. */
    answer: answerIds("[a, c]").min(1, "多选题至少 1 个正确选项"),
    /** Overrides the bank's `scoring.multiple`. */
    scoring: oneOf(multipleScoringRules, "多选题计分规则").optional(),
  })
  .strict();

export const trueFalseItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("true-false"),
    /** Whether the statement in the stem is true. */
    answer: z.boolean({
      required_error: "缺少答案：判断题写 answer: true（正确）或 answer: false（错误）",
      invalid_type_error: "判断题的答案应为 true（正确）或 false（错误）",
    }),
  })
  .strict();

export const orderingItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("ordering"),
    /** The steps, in any order (they are always shown shuffled). */
    options: z.array(optionSchema).min(3, "排序题至少 3 个步骤").max(10, "排序题最多 10 个步骤"),
    /** Every option id exactly once, in the correct order. */
    answer: answerIds("[accept, prepare, session]"),
    scoring: oneOf(orderingScoringRules, "排序题计分规则").optional(),
  })
  .strict();

export const matchingItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("matching"),
    /** Left-hand side, e.g. disputes. */
    prompts: z.array(promptSchema).min(2, "配对题至少 2 项").max(8, "配对题最多 8 项"),
    /** Right-hand side, e.g. channels; may include distractors, and one may fit several prompts. */
    options: z.array(optionSchema).min(2, "配对题至少 2 个选项").max(10, "选项最多 10 个"),
    /** prompt id → option id, one entry per prompt. */
    answer: z.record(z.string(), answerId, {
      required_error: "缺少答案 answer",
      invalid_type_error: "配对题的答案应为「左侧编号: 选项编号」的字段组",
    }),
    scoring: oneOf(matchingScoringRules, "配对题计分规则").optional(),
  })
  .strict();

export const caseJudgementItemSchema = z
  .object({
    ...itemBase,
    type: z.literal("case-judgement"),
    /** The case as the mediator meets it. */
    situation: text(10, 1200, "案情 situation"),
    /** Possible actions, each with feedback. */
    options: z.array(judgedOptionSchema).min(2, "案例判断题至少 2 个选项").max(6, "选项最多 6 个"),
    /** The id of the lawful action. */
    answer: answerId,
  })
  .strict();

export const itemSchema = z.discriminatedUnion(
  "type",
  [singleItemSchema, multipleItemSchema, trueFalseItemSchema, orderingItemSchema, matchingItemSchema, caseJudgementItemSchema],
  {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === "invalid_union_discriminator"
          ? `题型 type 只能是 ${itemTypes.join(" / ")}（单选 / 多选 / 判断 / 排序 / 配对 / 案例判断）`
          : ctx.defaultError,
    }),
  },
);

// ── Quizzes ───────────────────────────────────────────────────────────────────

/** Draw `count` items from a pool: a bank, narrowed by tags (any of) and difficulty. */
export const drawRuleSchema = z
  .object({
    count: int("抽题数量 count", 1, 100, 5),
    /** Bank id; defaults to the bank of the file the quiz is written in. */
    bank: slugSchema.optional(),
    /** Items carrying any of these tags; all items of the bank when absent. */
    tags: z.array(text(1, 12, "标签")).min(1, "tags 不写表示不限标签；写了就至少 1 个").optional(),
    /** Only items of these difficulties. */
    difficulty: z.array(int("难度", 1, 3, 1)).min(1).optional(),
  })
  .strict();

const quizBase = {
  /** Unique across all banks; attempts refer to it. */
  id: slugSchema,
  title: text(2, 40, "测验名称"),
  /** Rules apply in order; an item drawn once is not drawn again. */
  draw: z.array(drawRuleSchema, { required_error: "缺少抽题规则 draw" }).min(1, "至少写 1 条抽题规则"),
  shuffle: z
    .object({
      /** Shuffle the order of the drawn items. */
      items: z.boolean().default(true),
      /** Shuffle options of choice items (ordering and matching are always shuffled). */
      options: z.boolean().default(true),
    })
    .strict()
    .default({}),
  /** Percent of the maximum score needed to pass. */
  passMark: int("及格线 passMark（百分比）", 1, 100, 80),
  /** Minutes; no limit when absent. */
  timeLimit: int("时间限制 timeLimit（分钟）", 1, 180, 15).optional(),
  /** Attempts allowed per learner; unlimited when absent. */
  attempts: int("允许作答次数 attempts", 1, 20, 3).optional(),
  /** Show correct answers, explanations and option feedback after submitting. */
  reveal: z.boolean({ invalid_type_error: "reveal 应为 true 或 false" }).default(true),
};

export const quizKinds = ["lesson-check", "course-final"] as const;

export const lessonCheckSchema = z
  .object({ kind: z.literal("lesson-check"), /** `<course>/<lesson>` it checks. */ lesson: lessonKeySchema, ...quizBase })
  .strict();

export const courseFinalSchema = z
  .object({
    kind: z.literal("course-final"),
    /** The course id it concludes. */
    course: z.string({ required_error: "缺少课程 course：结课测试要写它属于哪门课程的编号，例如 procedure" }).pipe(slugSchema),
    ...quizBase,
  })
  .strict();

export const quizSchema = z.discriminatedUnion("kind", [lessonCheckSchema, courseFinalSchema], {
  errorMap: (issue, ctx) => ({
    message:
      issue.code === "invalid_union_discriminator"
        ? "测验类型 kind 只能是 lesson-check（课后小测，写 lesson）或 course-final（结课测试，写 course）"
        : ctx.defaultError,
  }),
});

// ── The file ──────────────────────────────────────────────────────────────────

export const bankFileSchema = z
  .object({
    /** Must equal the file name without .yaml. */
    id: slugSchema,
    title: text(2, 40, "题库名称"),
    /** Bank-wide partial-credit rules; an item's own `scoring` wins. */
    scoring: z
      .object({
        multiple: oneOf(multipleScoringRules, "多选题计分规则").optional(),
        ordering: oneOf(orderingScoringRules, "排序题计分规则").optional(),
        matching: oneOf(matchingScoringRules, "配对题计分规则").optional(),
      })
      .strict()
      .default({}),
    items: z.array(itemSchema).default([]),
    quizzes: z.array(quizSchema).default([]),
  })
  .strict();

export type QuizOption = z.infer<typeof optionSchema>;
export type QuizItem = z.infer<typeof itemSchema>;
export type ItemOfType<T extends ItemType> = Extract<QuizItem, { type: T }>;
export type DrawRule = z.infer<typeof drawRuleSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type BankScoring = z.infer<typeof bankFileSchema>["scoring"];
export type QuizBankFile = z.infer<typeof bankFileSchema>;
