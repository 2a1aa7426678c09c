/**
 * The class report's table: one row per learner with what the certification levels ask
 * for (lessons, finals, scenarios, study time), readiness per level by the one readiness
 * rule, and the last activity. Sorting and filtering are pure too, so the page and the
 * CLI agree.
 */
import { readiness, type CurriculumFacts } from "../certification/readiness.ts";
import type { Level } from "../certification/schema.ts";
import { digestRecord, type Digest } from "../progress/digest.ts";
import { entryMilliseconds } from "../progress/hours.ts";
import type { ProgressRecord } from "../progress/schema.ts";
import type { ClassLearner } from "./class-files.ts";

export interface ClassContext {
  facts: CurriculumFacts;
  levels: readonly Level[];
  /** Course-final quiz ids, in course order. */
  finals: readonly string[];
  /** Scenario ids, in catalogue order. */
  scenarios: readonly string[];
}

export interface ClassRow {
  learner: string;
  name: string;
  township: string;
  village: string;
  files: string[];
  lessonsDone: number;
  lessonsTotal: number;
  /** Final id → best score as a share of its maximum; absent when not taken. */
  finals: Record<string, number>;
  /** Scenario id → latest outcome and best share; absent when not played. */
  scenarios: Record<string, { outcome?: string; best: number }>;
  /** Counted study time (hours.ts caps each entry). */
  ms: number;
  /** Level id → self-study requirements met and in all. */
  readiness: Record<string, { met: boolean; done: number; total: number }>;
  /** Latest activity of any kind (ISO time); undefined for an empty record. */
  last?: string;
}

/** `digests` of the learner's record, when the caller has them already (class-report.ts summariser). */
export function classRow(learner: ClassLearner, context: ClassContext, digests: readonly Digest[] = digestRecord(learner.record)): ClassRow {
  const lessonKeys = new Set(Object.values(context.facts.courses).flatMap((c) => c.lessons.map((l) => l.key)));
  const finals: ClassRow["finals"] = {};
  const scenarios: ClassRow["scenarios"] = {};
  let lessonsDone = 0;
  let ms = 0;
  let last: string | undefined;
  for (const d of digests) {
    ms += d.ms;
    if (!last || d.last > last) last = d.last;
    if (d.kind === "lesson" && d.completed && lessonKeys.has(d.subject)) lessonsDone++;
    if (d.kind === "quiz" && context.finals.includes(d.subject) && d.max > 0) finals[d.subject] = d.bestScore / d.max;
    if (d.kind === "scenario" && context.scenarios.includes(d.subject)) scenarios[d.subject] = { outcome: d.lastOutcome, best: d.max > 0 ? d.bestScore / d.max : 0 };
  }
  const levels: ClassRow["readiness"] = {};
  for (const level of context.levels) {
    const r = readiness(digests, level, context.facts);
    levels[level.id] = { met: r.selfStudyMet, done: r.done, total: r.total };
  }
  const { id, name, township, village } = learner.record.learner;
  return { learner: id, name, township, village, files: learner.files, lessonsDone, lessonsTotal: lessonKeys.size, finals, scenarios, ms, readiness: levels, last };
}

export interface ClassFilter {
  township?: string;
  village?: string;
}

export const filterRows = (rows: readonly ClassRow[], filter: ClassFilter): ClassRow[] =>
  rows.filter((r) => (!filter.township || r.township === filter.township) && (!filter.village || r.village === filter.village));

export type SortKey = "name" | "place" | "lessons" | "hours" | "last" | `final:${string}` | `level:${string}`;

const value = (row: ClassRow, key: SortKey): string | number => {
  if (key === "name") return row.name;
  if (key === "place") return `${row.township}\u0000${row.village}\u0000${row.name}`;
  if (key === "lessons") return row.lessonsDone;
  if (key === "hours") return row.ms;
  if (key === "last") return row.last ?? "";
  if (key.startsWith("final:")) return row.finals[key.slice(6)] ?? -1;
  const level = row.readiness[key.slice(6)];
  return level ? (level.met ? 1e6 : 0) + level.done : -1;
};

/** Names and places in the order a Chinese reader expects (pinyin), not by code point. */
const collator = new Intl.Collator("zh-CN");

/** Stable: equal values keep learner-id order, so a sort never shuffles ties between renders. */
export function sortRows(rows: readonly ClassRow[], key: SortKey, descending = false): ClassRow[] {
  return [...rows].sort((a, b) => {
    const x = value(a, key);
    const y = value(b, key);
    const order = typeof x === "string" && typeof y === "string" ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -order : order) || (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : 0);
  });
}

const DAY_MS = 86_400_000;

/** A record's study time per ISO week (Monday, UTC): [whole UTC days from 1970-01-01 to the Monday, milliseconds], in no set order. */
export function weekMilliseconds(record: ProgressRecord): [number, number][] {
  const weeks = new Map<number, number>();
  // The same per-entry rule (and cap) as every other study-time figure: hours.ts.
  const add = (at: string, ms: number) => {
    const t = Date.parse(at);
    if (!Number.isFinite(t)) return;
    // Whole UTC days since 1970-01-01, a Thursday: the Monday on or before is 3 days back from it.
    const day = Math.floor(t / DAY_MS);
    const monday = day - (((day + 3) % 7) + 7) % 7;
    weeks.set(monday, (weeks.get(monday) ?? 0) + ms);
  };
  for (const value of record.lessons) add(value.at, entryMilliseconds({ kind: "lesson", value }));
  for (const value of record.attempts) add(value.started, entryMilliseconds({ kind: "attempt", value }));
  for (const value of record.runs) add(value.started, entryMilliseconds({ kind: "run", value }));
  return [...weeks];
}

/**
 * Study time per ISO week over a class, for the chart: [week start date, hours], from each
 * learner's weekMilliseconds. Whole milliseconds are summed, so the figures do not depend
 * on the order learners are added in.
 */
export function weeklyHours(learners: Iterable<readonly [number, number][]>): [string, number][] {
  const weeks = new Map<number, number>();
  for (const learner of learners) for (const [monday, ms] of learner) weeks.set(monday, (weeks.get(monday) ?? 0) + ms);
  // Dates are formatted once per week, not once per entry (a class has 100,000 entries).
  return [...weeks.entries()].sort((a, b) => a[0] - b[0]).map(([monday, ms]) => [new Date(monday * DAY_MS).toISOString().slice(0, 10), ms / 3_600_000]);
}

/** Study time per ISO week (Monday, UTC) over the class, for the chart: [week start date, hours]. */
export const hoursPerWeek = (learners: readonly ClassLearner[]): [string, number][] => weeklyHours(learners.map((l) => weekMilliseconds(l.record)));
