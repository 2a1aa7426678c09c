/**
 * Everything /trainers/class/ shows for a set of learners (all loaded, or those a filter
 * keeps): the table rows, question and scenario analysis, and the chart series. Pure.
 *
 * In two halves, so that a page can spread the work: `summariser` reduces one learner's
 * record to what the report needs of it (row, graded first attempts, course completion,
 * study time per week, scenario walks), which workers do in parallel; `reportOf` puts the
 * learners' summaries together, and runs again, cheaply, when the filter changes.
 * `classReport` is both in one, for the CLI and the tests.
 */
import { courseState, lessonStates } from "../curriculum/lesson-states.ts";
import { digestRecord } from "../progress/digest.ts";
import type { ClassLearner } from "./class-files.ts";
import { buildCatalog, type QuizCatalog } from "../quiz/catalog.ts";
import type { ClassData } from "./class-data.ts";
import { classRow, weeklyHours, weekMilliseconds, type ClassRow } from "./class-table.ts";
import { tallyScenario, walker, type ScenarioAnalysis, type Walked } from "./decision-analysis.ts";
import { analyseGraded, gradeFirstAttempts, type GradedLearner, type ItemAnalysis } from "./item-analysis.ts";
import { histogram } from "./numbers.ts";

/** Bins of the score charts: 0–10 %, 10–20 %, … 90–100 %. */
export const SCORE_BINS = 10;

export interface CourseCompletion {
  course: string;
  title: string;
  /** Learners with every lesson of the course completed. */
  done: number;
  /** Learners with at least one lesson completed but not all. */
  started: number;
}

export interface ClassReport {
  rows: ClassRow[];
  items: ItemAnalysis;
  scenarios: ScenarioAnalysis[];
  completion: CourseCompletion[];
  /** Per final: first-attempt score counts in SCORE_BINS bins. */
  scoreBins: { quiz: string; title: string; bins: number[] }[];
  weeks: [string, number][];
}

/** What the report needs of one learner. */
export interface LearnerSummary {
  row: ClassRow;
  graded: GradedLearner;
  /** Course id → "done" (every lesson completed) or "started" (some, not all); absent otherwise. */
  courses: Record<string, "done" | "started">;
  /** Study time per week (class-table.ts weekMilliseconds). */
  weeks: [number, number][];
  /** Scenario id → the walk of each run of it (undefined: it no longer replays); scenarios played only. */
  walks: Record<string, (Walked | undefined)[]>;
}

/** A learner → their summary. Keep one per class: its walkers replay each distinct run beginning once. */
export function summariser(data: ClassData, catalog: QuizCatalog = buildCatalog(data.banks)): (learner: ClassLearner) => LearnerSummary {
  const walkers = data.scenarios.map((scenario) => ({ id: scenario.id, walkOf: walker(scenario) }));
  const courses = Object.entries(data.context.facts.courses);
  return (learner) => {
    const { record } = learner;
    const digests = digestRecord(record);
    const states = lessonStates(digests);
    const completion: LearnerSummary["courses"] = {};
    for (const [course, { lessons }] of courses) {
      const c = courseState(
        lessons.map((l) => l.key),
        states,
      );
      if (c.total > 0 && c.done === c.total) completion[course] = "done";
      else if (c.done > 0) completion[course] = "started";
    }
    const walks: LearnerSummary["walks"] = {};
    for (const { id, walkOf } of walkers) {
      const runs = record.runs.filter((run) => run.scenario === id);
      if (runs.length) walks[id] = runs.map((run) => walkOf(run.log));
    }
    return { row: classRow(learner, data.context, digests), graded: gradeFirstAttempts(record, catalog), courses: completion, weeks: weekMilliseconds(record), walks };
  };
}

/** The report of these learners' summaries, in their order. */
export function reportOf(learners: readonly LearnerSummary[], data: ClassData, catalog: QuizCatalog = buildCatalog(data.banks)): ClassReport {
  const items = analyseGraded(
    learners.map((l) => l.graded),
    catalog,
  );
  const completion = Object.entries(data.context.facts.courses).map(([course, { title }]) => ({
    course,
    title,
    done: learners.filter((l) => l.courses[course] === "done").length,
    started: learners.filter((l) => l.courses[course] === "started").length,
  }));
  const scoreBins = data.context.finals.map((quiz) => ({
    quiz,
    title: data.context.facts.quizzes[quiz] ?? quiz,
    bins: histogram(items.quizzes.find((q) => q.quiz === quiz)?.scores ?? [], SCORE_BINS),
  }));
  const scenarios = data.scenarios.map((s) =>
    tallyScenario(
      s,
      learners.map((l) => l.walks[s.id] ?? []),
    ),
  );
  return { rows: learners.map((l) => l.row), items, scenarios, completion, scoreBins, weeks: weeklyHours(learners.map((l) => l.weeks)) };
}

export function classReport(learners: readonly ClassLearner[], data: ClassData): ClassReport {
  const catalog = buildCatalog(data.banks);
  return reportOf(learners.map(summariser(data, catalog)), data, catalog);
}

/** Townships and, per township, villages present among the learners (their rows), in pinyin order (for the filter). */
export function placesOf(rows: readonly Pick<ClassRow, "township" | "village">[]): { township: string; villages: string[] }[] {
  const collator = new Intl.Collator("zh-CN");
  const map = new Map<string, Set<string>>();
  for (const { township, village } of rows) {
    const set = map.get(township) ?? new Set<string>();
    set.add(village);
    map.set(township, set);
  }
  return [...map.entries()].sort((a, b) => collator.compare(a[0], b[0])).map(([township, villages]) => ({ township, villages: [...villages].sort(collator.compare) }));
}
