/**
 * Everything /trainers/class/ shows for a set of learners (all loaded, or those a filter
 * keeps): the table rows, question and scenario analysis, and the chart series. Pure; the
 * element calls it again when the filter changes.
 */
import { courseState, lessonStates } from "../curriculum/lesson-states.ts";
import { digestRecord } from "../progress/digest.ts";
import type { ClassLearner } from "./class-files.ts";
import { buildCatalog } from "../quiz/catalog.ts";
import type { ClassData } from "./class-data.ts";
import { classRow, hoursPerWeek, type ClassRow } from "./class-table.ts";
import { analyseScenario, type ScenarioAnalysis } from "./decision-analysis.ts";
import { analyseItems, type ItemAnalysis } from "./item-analysis.ts";
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

export function classReport(learners: readonly ClassLearner[], data: ClassData): ClassReport {
  const records = learners.map((l) => l.record);
  const rows = learners.map((l) => classRow(l, data.context));
  const items = analyseItems(records, buildCatalog(data.banks));
  const states = records.map((r) => lessonStates(digestRecord({ lessons: r.lessons, attempts: [], runs: [] })));
  const completion = Object.entries(data.context.facts.courses).map(([course, { title, lessons }]) => {
    const counts = states.map((s) => courseState(lessons.map((l) => l.key), s));
    return { course, title, done: counts.filter((c) => c.total > 0 && c.done === c.total).length, started: counts.filter((c) => c.done > 0 && c.done < c.total).length };
  });
  const scoreBins = data.context.finals.map((quiz) => ({
    quiz,
    title: data.context.facts.quizzes[quiz] ?? quiz,
    bins: histogram(items.quizzes.find((q) => q.quiz === quiz)?.scores ?? [], SCORE_BINS),
  }));
  const scenarios = data.scenarios.map((s) => analyseScenario(s, records));
  return { rows, items, scenarios, completion, scoreBins, weeks: hoursPerWeek(learners) };
}

/** Townships and, per township, villages present among the learners, in pinyin order (for the filter). */
export function placesOf(learners: readonly ClassLearner[]): { township: string; villages: string[] }[] {
  const collator = new Intl.Collator("zh-CN");
  const map = new Map<string, Set<string>>();
  for (const { record } of learners) {
    const set = map.get(record.learner.township) ?? new Set<string>();
    set.add(record.learner.village);
    map.set(record.learner.township, set);
  }
  return [...map.entries()].sort((a, b) => collator.compare(a[0], b[0])).map(([township, villages]) => ({ township, villages: [...villages].sort(collator.compare) }));
}
