/**
 * Certification levels: content/certifications/<level-id>.yaml. A level says what a
 * learner must study on the site (courses, finals, scenarios, hours, another level held),
 * which supervised exam follows (its id and pass mark; the paper itself lives outside
 * content/, see src/lib/exam), how long the certificate is valid and what the yearly
 * review (年审) asks. Build-time schema (zod 3); cross-file rules are in check.ts.
 */
import { z } from "zod";
import { text as words } from "../content/fields.ts";
import { slugSchema } from "../content/schemas.ts";
import { outcomes, type Outcome } from "../scenario/vocabulary.ts";


/** A percentage pass mark, 0–100 inclusive. */
export const passMarkSchema = z
  .number({ required_error: "缺少及格线 passMark（0–100 的百分数，例如 80）", invalid_type_error: "及格线 passMark 应为 0–100 的数字，例如 80" })
  .min(0, "及格线 passMark 不能小于 0：请写 0–100 的百分数，例如 80")
  .max(100, "及格线 passMark 不能大于 100：请写 0–100 的百分数，例如 80");

const hoursSchema = (what: string) =>
  z
    .number({ required_error: `缺少${what}（小时数，例如 10）`, invalid_type_error: `${what}应为小时数，例如 10` })
    .min(0, `${what}不能为负`)
    .max(1000, `${what}最多 1000 小时`);

const outcomeSchema = z.enum(outcomes, {
  errorMap: () => ({ message: `结局类型只能是 ${outcomes.join(" / ")} 之一` }),
});

/** A course final (or any quiz) to pass with at least `passMark` percent. */
export const quizRequirementSchema = z
  .object({
    /** Quiz id from content/quizzes (usually the course's course-final). */
    quiz: slugSchema,
    passMark: passMarkSchema,
  })
  .strict();

/** A scenario finished with at least `minScore` rubric points, and/or with one of `outcomes`. */
export const scenarioRequirementSchema = z
  .object({
    scenario: slugSchema,
    /** Rubric points (the scenario's rubric maxima summed is its maximum). */
    minScore: z.number({ invalid_type_error: "最低分 minScore 应为数字" }).int("最低分 minScore 应为整数").min(0, "最低分 minScore 不能为负").optional(),
    /** The latest run must end with one of these outcomes. */
    outcomes: z.array(outcomeSchema).min(1, "要求的结局 outcomes 至少写一个").optional(),
  })
  .strict()
  .refine((s) => s.minScore !== undefined || s.outcomes !== undefined, {
    message: "请写明最低分 minScore 或要求的结局 outcomes（至少一项）",
  });

/** Where a county grades its mediators (一级 highest to 四级), which grade this level relates to. */
export const grades = ["一级", "二级", "三级", "四级"] as const;
export const gradeSchema = z
  .object({
    name: z.enum(grades, { errorMap: () => ({ message: `等级 name 只能是 ${grades.join(" / ")} 之一` }) }),
    /** How it relates, in the trainer's words; always "as your county sets". */
    note: words(4, 200, "等级说明 note"),
  })
  .strict();

export const levelSchema = z
  .object({
    id: slugSchema,
    /** 人民调解员岗前培训合格. */
    title: words(2, 40, "名称 title"),
    /** One or two sentences for learners and township officials. */
    summary: words(10, 300, "简介 summary"),
    /** Order on /certification/ and 我的学习. */
    order: z.number({ required_error: "缺少顺序 order（整数，例如 1）" }).int("顺序 order 应为整数"),
    grade: gradeSchema.optional(),
    requires: z
      .object({
        /** Levels the learner must already hold (a certificate, checked at the exam). */
        levels: z.array(slugSchema).default([]),
        /** Every lesson of these courses completed. */
        courses: z.array(slugSchema).default([]),
        finals: z.array(quizRequirementSchema).default([]),
        scenarios: z.array(scenarioRequirementSchema).default([]),
        /** Counted study time (src/lib/progress/hours.ts), in hours. */
        hours: hoursSchema("最少学时 hours").default(0),
      })
      .strict(),
    /** The supervised exam (统一考试): its id and pass mark, in percent. */
    exam: z
      .object({
        id: slugSchema,
        passMark: passMarkSchema,
      })
      .strict(),
    validityMonths: z
      .number({ required_error: "缺少有效期 validityMonths（月数，例如 12）", invalid_type_error: "有效期 validityMonths 应为月数，例如 12" })
      .int("有效期 validityMonths 应为整数个月")
      .min(1, "有效期 validityMonths 至少 1 个月")
      .max(120, "有效期 validityMonths 最多 120 个月"),
    /** What the yearly review (年审) asks to keep the certificate. */
    annualReview: z
      .object({
        hours: hoursSchema("复训学时 hours"),
        quiz: quizRequirementSchema,
      })
      .strict(),
  })
  .strict();

export type Level = z.infer<typeof levelSchema>;
export type LevelInput = z.input<typeof levelSchema>;
export type QuizRequirement = z.infer<typeof quizRequirementSchema>;
export type ScenarioRequirement = z.infer<typeof scenarioRequirementSchema>;
export type Grade = (typeof grades)[number];
export type { Outcome };
