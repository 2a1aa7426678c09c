/**
 * The shape of a case simulation, content/scenarios/<id>.yaml. Trainers write these by
 * hand, so every message is zh-CN and says what to write instead. Rules that need the
 * whole file (links, names, reachability, ranges) live in check.ts, not here.
 */
import { z } from "zod";
import { slugField, text } from "../content/fields.ts";
import { provisionIdSchema } from "../content/schemas.ts";
import { agreementElements, comparators, disputeTypes, moods, nodeKinds, outcomes, type Comparator } from "./vocabulary.ts";

// ── Small building blocks ─────────────────────────────────────────────────────

const int = (what: string) =>
  z.number({ required_error: `缺少${what}`, invalid_type_error: `${what}应为整数` }).int(`${what}应为整数`);

// Scenario, node, choice and clause ids: kebab-case, they appear in logs and URLs.
export const scenarioIdSchema = slugField("情景编号", "boundary-wall");
export const nodeIdSchema = slugField("节点编号", "first-visit");
export const choiceIdSchema = slugField("选项编号", "ask-consent");
export const clauseIdSchema = slugField("条款编号", "pay-repair");

/** Party ids are short names (zhang, li2); `mediator` is reserved for the learner. */
export const partyIdSchema = z
  .string({ required_error: "缺少当事人编号", invalid_type_error: "当事人编号应为文字" })
  .regex(/^[a-z][a-z0-9]*$/, "当事人编号只能用小写字母和数字，并以字母开头，例如 zhang");

/** Variable and flag names: snake_case, as in `trust_zhang`. */
export const stateNameSchema = z
  .string({ invalid_type_error: "名称应为文字" })
  .regex(/^[a-z][a-z0-9_]*$/, "变量和标记的名称只能用小写字母、数字和下划线，并以字母开头，例如 trust_zhang");

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { errorMap: () => ({ message: `${what}只能是 ${values.join(" / ")} 之一` }) });

// ── Enumerations (the values live in vocabulary.ts, which the browser can import) ──

export {
  agreementElements,
  comparators,
  disputeTypes,
  isInteractive,
  lawfulOutcomes,
  moods,
  nodeKinds,
  outcomeNames,
  outcomes,
  rubricDimensions,
} from "./vocabulary.ts";
export type { AgreementElement, Comparator, DisputeType, Mood, Outcome, RubricDimension } from "./vocabulary.ts";

// ── Conditions (data only, never evaluated as code) ───────────────────────────

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { flag: string }
  | ({ var: string } & Partial<Record<Comparator, number>>);

const conditionHelp =
  "条件应写成以下形式之一：{ flag: 标记名 }、{ var: 变量名, gte: 数字 }（比较可用 eq ne gt gte lt lte）、{ all: [条件, …] }、{ any: [条件, …] }、{ not: 条件 }";

/** Hand-written so that a mistake deep inside `all`/`any` is reported at its own line. */
function validateCondition(value: unknown, path: (string | number)[], report: (path: (string | number)[], message: string) => void): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return report(path, conditionHelp);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const forms = keys.filter((k) => ["all", "any", "not", "flag", "var"].includes(k));
  if (forms.length !== 1) return report(path, conditionHelp);
  const form = forms[0];
  const allowed = form === "var" ? ["var", ...comparators] : [form];
  const extra = keys.filter((k) => !allowed.includes(k));
  if (extra.length) return report([...path, extra[0]], `条件里不认识的字段 ${extra.join("、")}。${conditionHelp}`);
  switch (form) {
    case "all":
    case "any": {
      const list = record[form];
      if (!Array.isArray(list) || list.length === 0) return report([...path, form], `${form} 后面应是至少一项条件的列表`);
      list.forEach((item, i) => validateCondition(item, [...path, form, i], report));
      return;
    }
    case "not":
      return validateCondition(record.not, [...path, "not"], report);
    case "flag":
    case "var": {
      const parsed = stateNameSchema.safeParse(record[form]);
      if (!parsed.success) return report([...path, form], parsed.error.issues[0].message);
      if (form === "var") {
        const used = comparators.filter((c) => c in record);
        if (!used.length) return report(path, `变量条件至少要有一个比较，例如 { var: ${String(record.var)}, gte: 3 }`);
        for (const c of used) {
          if (typeof record[c] !== "number" || !Number.isInteger(record[c])) report([...path, c], `${c} 后面应是整数`);
        }
      }
    }
  }
}

export const conditionSchema = z
  .unknown()
  .superRefine((value, ctx) =>
    validateCondition(value, [], (path, message) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message })),
  )
  .transform((value) => value as Condition);

// ── Links between nodes ───────────────────────────────────────────────────────

const branchSchema = z
  .object({
    /** Taken when the condition holds; the last branch has no `if` and is the default. */
    if: conditionSchema.optional(),
    /** Target node id. */
    to: z.string({ required_error: "缺少 to：要去的节点编号", invalid_type_error: "to 应为节点编号" }),
  })
  .strict();

export type Branch = z.infer<typeof branchSchema>;

/**
 * `next: node-id`, or a list of `{ if, to }` tried in order whose last item has no `if`.
 * A plain id is normalised to `[{ to: id }]`, so code only ever sees the list.
 */
export const nextSchema = z.preprocess(
  (value) => (typeof value === "string" ? [{ to: value }] : value),
  z
    .array(branchSchema, {
      required_error: "缺少 next：接下来去哪个节点",
      invalid_type_error: "next 应写一个节点编号，或一组 { if: 条件, to: 节点编号 }",
    })
    .min(1, "next 至少要有一项")
    .superRefine((branches, ctx) => {
      branches.forEach((b, i) => {
        const last = i === branches.length - 1;
        if (last && b.if !== undefined) {
          ctx.addIssue({ code: "custom", path: [i, "if"], message: "最后一项不能写 if：它是所有条件都不满足时的去处" });
        }
        if (!last && b.if === undefined) {
          ctx.addIssue({ code: "custom", path: [i], message: "只有最后一项可以不写 if，否则后面的分支永远走不到" });
        }
      });
    }),
);

// ── Effects and scoring ───────────────────────────────────────────────────────

export const scoreDeltaSchema = z
  .object({
    procedure: int("程序分 procedure").optional(),
    relationship: int("关系分 relationship").optional(),
    outcome: int("结果分 outcome").optional(),
  })
  .strict();

const setValueMessage = "set 的值应为整数（变量）或 true / false（标记）";

export const effectsSchema = z
  .object({
    /** Applied first: a flag to true/false, or a variable to a number. */
    set: z
      .record(
        stateNameSchema,
        // A fraction passes the number branch's type check, so zod reports that branch's own
        // issue, not the union's: both need the same message.
        z.union([z.number().int(setValueMessage), z.boolean()], { errorMap: () => ({ message: setValueMessage }) }),
      )
      .optional(),
    /** Applied second: add (or, if negative, subtract) to a variable. */
    add: z.record(stateNameSchema, int("add 的值")).optional(),
    /** New visible mood of a party. */
    mood: z.record(partyIdSchema, enumOf(moods, "心情")).optional(),
  })
  .strict();

// ── Parties, variables, flags, rubric ─────────────────────────────────────────

export const partySchema = z
  .object({
    id: partyIdSchema,
    /** Full name as it would appear on an agreement: 张德福. */
    name: text(1, 20, "当事人姓名"),
    /** Who they are in this dispute: 东邻，退休教师. */
    role: text(2, 60, "当事人身份 role"),
    /** What they really care about, beyond their stated position. */
    interests: z.array(text(2, 120, "利益诉求"), { required_error: "缺少利益诉求 interests" }).min(1, "至少写 1 条利益诉求").max(5, "利益诉求最多 5 条"),
    /** Mood at the start. */
    mood: enumOf(moods, "心情 mood"),
    /** False for people who speak but do not sign (a village cadre, a relative). */
    signsAgreement: z.boolean({ invalid_type_error: "signsAgreement 应为 true 或 false" }).default(true),
  })
  .strict();

export const variableSchema = z
  .object({
    /** Shown to the learner: 张家的信任. */
    label: text(2, 20, "变量名称 label"),
    min: int("最小值 min"),
    max: int("最大值 max"),
    initial: int("初始值 initial"),
    /** The party this gauge belongs to, so the player shows it beside them. */
    party: partyIdSchema.optional(),
    /** Hidden variables are bookkeeping the learner does not see. */
    hidden: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.min >= v.max) ctx.addIssue({ code: "custom", path: ["max"], message: `最大值 max 应大于最小值 min（${v.min}）` });
    else if (v.initial < v.min || v.initial > v.max) {
      ctx.addIssue({ code: "custom", path: ["initial"], message: `初始值应在 ${v.min} 到 ${v.max} 之间` });
    }
  });

export const flagSchema = z
  .object({
    /** What it records, e.g. 已确认双方自愿调解. */
    label: text(2, 30, "标记说明 label"),
    initial: z.boolean({ invalid_type_error: "initial 应为 true 或 false" }).default(false),
  })
  .strict();

const rubricItemSchema = z
  .object({
    /** Full marks for this dimension. */
    max: int("满分 max").min(1, "满分至少 1 分").max(100, "满分最多 100 分"),
    /** What earns the points, shown in the debrief. */
    about: text(4, 120, "评分说明 about").optional(),
  })
  .strict();

export const rubricSchema = z
  .object({
    procedure: rubricItemSchema,
    relationship: rubricItemSchema,
    outcome: rubricItemSchema,
  })
  .strict();

// ── Nodes ─────────────────────────────────────────────────────────────────────

const lawList = z.array(provisionIdSchema).default([]);

export const choiceSchema = z
  .object({
    /** Unique in the whole scenario; the run log records it. */
    id: choiceIdSchema,
    /** What the learner says or does. */
    text: text(2, 120, "选项文字 text"),
    /** Offered only while this holds. */
    condition: conditionSchema.optional(),
    effects: effectsSchema.optional(),
    /** Shown right after choosing: the consequence and why. */
    feedback: text(10, 600, "反馈 feedback", "每个选项都要写反馈 feedback：告诉学员这样做的后果和依据"),
    /** Provisions the feedback relies on. */
    law: lawList,
    /** True when this is a mistake to list in the debrief (with its feedback and law). */
    mistake: z.boolean({ invalid_type_error: "mistake 应为 true 或 false" }).default(false),
    /** Rubric points gained or lost. */
    score: scoreDeltaSchema.optional(),
    next: nextSchema,
  })
  .strict();

export const clauseSchema = z
  .object({
    id: clauseIdSchema,
    /** The clause as it would read in the agreement. */
    text: text(4, 300, "条款内容 text"),
    /** Which required element(s) this clause supplies. */
    satisfies: z
      .preprocess((v) => (typeof v === "string" ? [v] : v), z.array(enumOf(agreementElements, "satisfies")).min(1))
      .optional(),
    /** Why this clause is unlawful (it makes the agreement unlawful). */
    unlawful: text(10, 400, "违法原因 unlawful").optional(),
    /** Why this clause is coerced, i.e. not the party's free will. */
    coerced: text(10, 400, "被迫原因 coerced").optional(),
    law: lawList,
  })
  .strict();

const narrationSchema = z
  .object({
    kind: z.literal("narration"),
    text: text(2, 800, "叙述文字 text"),
    next: nextSchema,
  })
  .strict();

const lineSchema = z
  .object({
    /** A party id, or `mediator` for the learner. */
    speaker: z.string({ required_error: "缺少说话人 speaker", invalid_type_error: "speaker 应为当事人编号" }),
    text: text(1, 300, "台词 text"),
    /** The speaker's mood from this line on. */
    mood: enumOf(moods, "心情 mood").optional(),
  })
  .strict();

const dialogueSchema = z
  .object({
    kind: z.literal("dialogue"),
    lines: z.array(lineSchema, { required_error: "缺少台词 lines" }).min(1, "至少要有一句台词"),
    next: nextSchema,
  })
  .strict();

const evidenceSchema = z
  .object({
    kind: z.literal("evidence"),
    /** Name of the item in the evidence panel: 1987 年宅基地使用证. */
    title: text(2, 40, "证据名称 title"),
    text: text(2, 800, "证据内容 text"),
    next: nextSchema,
  })
  .strict();

const choiceNodeSchema = z
  .object({
    kind: z.literal("choice"),
    /** The situation the learner must decide on. */
    prompt: text(2, 300, "提问 prompt"),
    choices: z.array(choiceSchema, { required_error: "缺少选项 choices" }).min(1, "至少要有一个选项"),
  })
  .strict();

const agreementNodeSchema = z
  .object({
    kind: z.literal("agreement"),
    prompt: text(2, 300, "提问 prompt"),
    /** The clauses the learner can pick from, right and wrong ones mixed. */
    clauses: z.array(clauseSchema, { required_error: "缺少可选条款 clauses" }).min(2, "至少要有两条可选条款"),
    next: z
      .object({
        /** After a complete agreement with no unlawful or coerced clause. */
        lawful: nextSchema,
        /** After an agreement containing an unlawful or coerced clause. */
        unlawful: nextSchema.optional(),
      })
      .strict(),
  })
  .strict();

const endingSchema = z
  .object({
    kind: z.literal("ending"),
    outcome: enumOf(outcomes, "结局类型 outcome"),
    title: text(2, 30, "结局标题 title"),
    /** What happens to the people. */
    text: text(10, 800, "结局描述 text"),
    /** Why it ended this way, what to learn. */
    debrief: text(20, 1000, "复盘 debrief", "结局必须写复盘 debrief：为什么会走到这个结局，学员应从中学到什么"),
    /** For the bad outcomes: what the lawful course would have been. */
    lawfulPath: text(10, 600, "合法做法 lawfulPath").optional(),
    law: lawList,
    /** Rubric points for reaching this ending (usually `outcome`). */
    score: scoreDeltaSchema.optional(),
  })
  .strict();

export const nodeSchema = z.discriminatedUnion(
  "kind",
  [narrationSchema, dialogueSchema, evidenceSchema, choiceNodeSchema, agreementNodeSchema, endingSchema],
  {
    errorMap: (issue, ctx) =>
      issue.code === "invalid_union_discriminator"
        ? { message: `节点类型 kind 只能是 ${nodeKinds.join(" / ")} 之一` }
        : { message: ctx.defaultError },
  },
);

// ── The file ──────────────────────────────────────────────────────────────────

export const scenarioSchema = z
  .object({
    /** Must equal the file name without .yaml. */
    id: scenarioIdSchema,
    title: text(2, 30, "情景标题 title"),
    disputeType: enumOf(disputeTypes, "纠纷类型 disputeType"),
    /** 1 beginner, 2 intermediate, 3 advanced. */
    difficulty: int("难度 difficulty").min(1, "难度 difficulty 只能是 1、2 或 3").max(3, "难度 difficulty 只能是 1、2 或 3"),
    /** Estimated minutes to play once. */
    minutes: int("预计用时 minutes").min(3, "minutes 至少 3 分钟").max(90, "minutes 最多 90 分钟"),
    summary: text(10, 200, "情景简介 summary"),
    objectives: z
      .array(text(4, 80, "学习目标"), { required_error: "缺少学习目标 objectives" })
      .min(1, "至少写 1 条学习目标")
      .max(6, "学习目标最多 6 条"),
    /** The provisions the case turns on; the player's 查法条 panel starts with these. */
    law: z.array(provisionIdSchema, { required_error: "缺少相关法条 law" }).min(1, "至少列出 1 条相关法条"),
    parties: z.array(partySchema, { required_error: "缺少当事人 parties" }).min(1, "至少要有一位当事人"),
    variables: z.record(stateNameSchema, variableSchema).default({}),
    flags: z.record(stateNameSchema, flagSchema).default({}),
    rubric: rubricSchema,
    /** Id of the first node. */
    start: z.string({ required_error: "缺少开始节点 start" }),
    nodes: z
      .record(nodeIdSchema, nodeSchema, { required_error: "缺少节点 nodes" })
      .refine((nodes) => Object.keys(nodes).length > 0, "至少要有一个节点"),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type NodeKind = ScenarioNode["kind"];
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;
export type Choice = z.infer<typeof choiceSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type Party = z.infer<typeof partySchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type ScoreDelta = z.infer<typeof scoreDeltaSchema>;
