/**
 * Readiness: what a learner has done towards a certification level, requirement by
 * requirement, from the learner's digests (progress/digest.ts), so 2,000 attempts cost
 * no more than 20. Pure: 我的学习, the application file and the issuing command (issue
 * 10) all ask this one function. Each result carries a message code with values; the
 * zh-CN wording lives in src/i18n/zh-CN.certification.ts.
 *
 * Self-study requirements (courses, finals, scenarios, hours) are checked here. Holding
 * another level and the supervised exam are not self-study: the trainer checks them.
 */
import { formatMinutes } from "../curriculum/time.ts";
import { digestRecord, type Digest, type LessonDigest, type QuizDigest, type ScenarioDigest } from "../progress/digest.ts";
import { secondsOf } from "../progress/hours.ts";
import type { ProgressRecord } from "../progress/schema.ts";
import { passes } from "../quiz/pass-mark.ts";
import { certificationPath, lessonPath, quizPath, scenarioPath } from "../routes.ts";
import { outcomeNames } from "../scenario/vocabulary.ts";
import type { Level } from "./schema.ts";

/** Titles and lesson lists the messages name; built once per page from content. */
export interface CurriculumFacts {
  /** Course id → title and its lessons in order (`key` is `<course>/<lesson>`). */
  courses: Readonly<Record<string, { title: string; lessons: readonly { key: string; title: string }[] }>>;
  /** Quiz id → title. */
  quizzes: Readonly<Record<string, string>>;
  /** Scenario id → title. */
  scenarios: Readonly<Record<string, string>>;
  /** Level id → title. */
  levels: Readonly<Record<string, string>>;
}

/** Every message a requirement can show; keys `certification.req.<code>` in src/i18n. */
export const readinessCodes = [
  "level-held",
  "level-to-confirm",
  "course-done",
  "course-missing",
  "final-passed",
  "final-low",
  "final-not-taken",
  "scenario-score-met",
  "scenario-score-low",
  "scenario-not-played",
  "scenario-outcome-met",
  "scenario-outcome-wrong",
  "hours-met",
  "hours-short",
  "exam",
] as const;
export type ReadinessCode = (typeof readinessCodes)[number];

export type RequirementKind = "level" | "course" | "final" | "scenario-score" | "scenario-outcome" | "hours" | "exam";

export interface Link {
  /** Shown text: a lesson, quiz or scenario title. */
  label: string;
  /** Site path without the base path (src/lib/routes.ts). */
  path: string;
}

export interface RequirementResult {
  kind: RequirementKind;
  /** The course, quiz, scenario, level or exam id; "" for hours. */
  subject: string;
  met: boolean;
  /** Checked on the learner's record; false for a level held and the exam (the trainer checks those). */
  selfStudy: boolean;
  code: ReadinessCode;
  values: Record<string, string | number>;
  /** Where to do what is missing (or review what is done). */
  links: Link[];
}

export interface Readiness {
  level: string;
  requirements: RequirementResult[];
  /** Every self-study requirement met: the learner may apply for the supervised exam. */
  selfStudyMet: boolean;
  /** Self-study requirements met and in all, for a short "3 / 7" line. */
  done: number;
  total: number;
}

export interface ReadinessOptions {
  /** Levels the learner is known to hold (certificates); unknown on a learner's own device. */
  held?: ReadonlySet<string>;
}

const percentOf = (score: number, max: number) => (max > 0 ? (score / max) * 100 : 0);
/** 79.6 % shows as 79, never as a pass mark it did not reach. */
const shownPercent = (score: number, max: number) => Math.floor(percentOf(score, max) + 1e-9);

/** Readiness of one learner for one level, from the learner's digests. */
export function readiness(digests: readonly Digest[], level: Level, facts: CurriculumFacts, options: ReadinessOptions = {}): Readiness {
  const lessons = new Map<string, LessonDigest>();
  const quizzes = new Map<string, QuizDigest>();
  const scenarios = new Map<string, ScenarioDigest>();
  let ms = 0;
  for (const d of digests) {
    ms += d.ms;
    if (d.kind === "lesson") lessons.set(d.subject, d);
    else if (d.kind === "quiz") quizzes.set(d.subject, d);
    else scenarios.set(d.subject, d);
  }

  const requirements: RequirementResult[] = [];
  const { requires } = level;

  for (const id of requires.levels) {
    const held = options.held?.has(id) ?? false;
    requirements.push({
      kind: "level",
      subject: id,
      met: held,
      selfStudy: false,
      code: held ? "level-held" : "level-to-confirm",
      values: { level: facts.levels[id] ?? id },
      links: [{ label: facts.levels[id] ?? id, path: certificationPath() }],
    });
  }

  for (const id of requires.courses) {
    const course = facts.courses[id] ?? { title: id, lessons: [] };
    const missing = course.lessons.filter((l) => !lessons.get(l.key)?.completed);
    // A course with no lessons known cannot be shown as done.
    const met = course.lessons.length > 0 && missing.length === 0;
    requirements.push({
      kind: "course",
      subject: id,
      met,
      selfStudy: true,
      code: met ? "course-done" : "course-missing",
      values: met
        ? { course: course.title, total: course.lessons.length }
        : { course: course.title, count: missing.length || 1, lessons: missing.map((l) => l.title).join("、") || course.title },
      links: missing.map((l) => {
        const [courseId, lessonId] = l.key.split("/");
        return { label: l.title, path: lessonPath(courseId, lessonId) };
      }),
    });
  }

  for (const { quiz, passMark } of requires.finals) {
    const d = quizzes.get(quiz);
    const title = facts.quizzes[quiz] ?? quiz;
    const met = d !== undefined && passes(d.bestScore, d.max, passMark);
    requirements.push({
      kind: "final",
      subject: quiz,
      met,
      selfStudy: true,
      code: !d ? "final-not-taken" : met ? "final-passed" : "final-low",
      values: d ? { quiz: title, score: shownPercent(d.bestScore, d.max), mark: passMark, attempts: d.attempts } : { quiz: title, mark: passMark },
      links: [{ label: title, path: quizPath(quiz) }],
    });
  }

  for (const req of requires.scenarios) {
    const d = scenarios.get(req.scenario);
    const title = facts.scenarios[req.scenario] ?? req.scenario;
    const links = [{ label: title, path: scenarioPath(req.scenario) }];
    if (req.minScore !== undefined) {
      const met = d !== undefined && d.bestScore >= req.minScore;
      requirements.push({
        kind: "scenario-score",
        subject: req.scenario,
        met,
        selfStudy: true,
        code: !d ? "scenario-not-played" : met ? "scenario-score-met" : "scenario-score-low",
        values: d ? { scenario: title, score: d.bestScore, min: req.minScore, max: d.max } : { scenario: title, min: req.minScore },
        links,
      });
    }
    if (req.outcomes) {
      // The latest run counts (the digest keeps it): a learner shows the right course now.
      const met = d?.lastOutcome !== undefined && (req.outcomes as readonly string[]).includes(d.lastOutcome);
      const need = req.outcomes.map((o) => outcomeNames[o]).join(" 或 ");
      const last = d?.lastOutcome;
      requirements.push({
        kind: "scenario-outcome",
        subject: req.scenario,
        met,
        selfStudy: true,
        code: !d ? "scenario-not-played" : met ? "scenario-outcome-met" : "scenario-outcome-wrong",
        values: {
          scenario: title,
          need,
          ...(last !== undefined ? { outcome: (outcomeNames as Record<string, string>)[last] ?? last } : d ? { outcome: "—" } : {}),
          ...(req.minScore !== undefined ? { min: req.minScore } : {}),
        },
        links,
      });
    }
  }

  if (requires.hours > 0) {
    const haveSeconds = secondsOf(ms);
    const needSeconds = Math.round(requires.hours * 3600);
    const met = haveSeconds >= needSeconds;
    requirements.push({
      kind: "hours",
      subject: "",
      met,
      selfStudy: true,
      code: met ? "hours-met" : "hours-short",
      values: {
        have: formatMinutes(Math.floor(haveSeconds / 60)),
        need: formatMinutes(Math.round(needSeconds / 60)),
        // Rounded up: one second short still reads "1 分钟", never "0 分钟".
        short: formatMinutes(Math.ceil(Math.max(0, needSeconds - haveSeconds) / 60)),
      },
      links: [],
    });
  }

  requirements.push({
    kind: "exam",
    subject: level.exam.id,
    met: false,
    selfStudy: false,
    code: "exam",
    values: { mark: level.exam.passMark },
    links: [{ label: level.title, path: certificationPath() }],
  });

  const selfStudy = requirements.filter((r) => r.selfStudy);
  const done = selfStudy.filter((r) => r.met).length;
  return { level: level.id, requirements, selfStudyMet: done === selfStudy.length, done, total: selfStudy.length };
}

/** Readiness from a whole record (an imported file, the issuing command). */
export const readinessOfRecord = (
  record: Pick<ProgressRecord, "lessons" | "attempts" | "runs">,
  level: Level,
  facts: CurriculumFacts,
  options?: ReadinessOptions,
): Readiness => readiness(digestRecord(record), level, facts, options);
