/**
 * The class report of a big pile of files, spread over workers (map, then reduce): each
 * worker checks a batch of files like an import and summarises each accepted record
 * (class-report.ts summariser); the page gathers the summaries, merges the few learners
 * found in several files, and puts the report together (reportOf). The page never parses
 * the records themselves, only the summaries, and checks a file again itself only for a
 * learner found in more than one file (rare: an export and a later application).
 *
 * A worker's batch crosses to the page as JSON text. A walk of a scenario (the same object
 * for every run that took it, in one worker) is sent once per worker: a batch carries the
 * walks its worker has not sent before, numbered on from the last batch's, and runs refer
 * to walks by number. The page keeps each worker's walks in order (a WalkTable) and gives
 * the runs back the objects. Two workers may each send an equal walk: two objects, which
 * the analysis counts as the same figures (decision-analysis.ts tallyScenario).
 */
import type { ImportProblem } from "../progress/errors.ts";
import type { ImportResult } from "../progress/export.ts";
import { mergeRecords } from "../progress/merge.ts";
import type { ProgressRecord } from "../progress/schema.ts";
import type { ClassLearner, RefusedFile } from "./class-files.ts";
import type { LearnerSummary } from "./class-report.ts";
import type { Walked } from "./decision-analysis.ts";

/** A learner's summary as a batch carries it: each run's walk as its worker's number for it, -1 when it no longer replays. */
export type SentSummary = Omit<LearnerSummary, "walks"> & { walks: Record<string, number[]> };

export type SentFile = { ok: false; problem: ImportProblem } | { ok: true; summary: SentSummary };

/** One batch of files as a worker sends it (plain JSON), in the files' order. */
export interface SentBatch {
  files: SentFile[];
  /** The walks this batch's worker sends for the first time, numbered from `firstWalk`. */
  walks: Walked[];
  firstWalk: number;
}

export type Summarise = (learner: ClassLearner) => LearnerSummary;

/** A worker's walks sent so far, by their number: keep one per worker for all its batches. */
export type SentWalks = Map<Walked, number>;

/**
 * A worker's half: checked files (results[i] is names[i]'s) → the batch to send. The walks
 * it sends for the first time join `sent` only once the whole batch is made, so a batch
 * that fails leaves `sent` as the page knows it.
 */
export function sendBatch(names: readonly string[], results: readonly ImportResult[], summarise: Summarise, sent: SentWalks = new Map()): SentBatch {
  const firstWalk = sent.size;
  const walks: Walked[] = [];
  const fresh = new Map<Walked, number>();
  const numberOf = (walk: Walked | undefined) => {
    if (!walk) return -1;
    let n = sent.get(walk) ?? fresh.get(walk);
    if (n === undefined) fresh.set(walk, (n = firstWalk + walks.push(walk) - 1));
    return n;
  };
  const files = results.map((result, i): SentFile => {
    if (!result.ok) return { ok: false, problem: result.problem };
    const summary = summarise({ record: result.record, files: [names[i]], applications: [] });
    const numbered: Record<string, number[]> = {};
    for (const [scenario, runs] of Object.entries(summary.walks)) numbered[scenario] = runs.map(numberOf);
    return { ok: true, summary: { ...summary, walks: numbered } };
  });
  for (const [walk, n] of fresh) sent.set(walk, n);
  return { files, walks, firstWalk };
}

/**
 * A file as the page holds it before gathering: refused, or its learner's summary and a way
 * to get its record back (for a file checked in a worker: check the file again).
 */
export type CheckedFile = { ok: false; problem: ImportProblem } | { ok: true; summary: LearnerSummary; record: () => Promise<ProgressRecord> };

/** One worker's walks, by number, as its batches brought them (keep one per worker, and take its batches in order). */
export type WalkTable = Walked[];

/**
 * The page's half of a batch: its files, with each run's walk back as an object of its
 * worker's `table`; `recordOf(i)` gets the record of the batch's i-th file back. A batch
 * whose walks do not follow on from the table's (a reply lost or out of order) is refused.
 */
export function receiveBatch(batch: SentBatch, table: WalkTable, recordOf: (i: number) => Promise<ProgressRecord>): CheckedFile[] {
  if (batch.firstWalk !== table.length) throw new Error(`a batch with walks from number ${batch.firstWalk}, but ${table.length} walks received before`);
  for (const walk of batch.walks) table.push(walk);
  return batch.files.map((file, i): CheckedFile => {
    if (!file.ok) return file;
    const summary: LearnerSummary = { ...file.summary, walks: {} };
    for (const [scenario, runs] of Object.entries(file.summary.walks)) {
      summary.walks[scenario] = runs.map((n) => {
        if (n === -1) return undefined;
        const walk = table[n];
        if (!walk) throw new Error(`a run refers to walk ${n}, but ${table.length} walks were received`);
        return walk;
      });
    }
    return { ok: true, summary, record: () => recordOf(i) };
  });
}

/** Files checked in the page itself (a small pile, or a batch a worker could not take): the same form as a received batch. */
export function checkedHere(names: readonly string[], results: readonly ImportResult[], summarise: Summarise): CheckedFile[] {
  return results.map((result, i) =>
    result.ok ? { ok: true, summary: summarise({ record: result.record, files: [names[i]], applications: [] }), record: () => Promise.resolve(result.record) } : { ok: false, problem: result.problem },
  );
}

export interface ClassSummaries {
  /** One per learner, in the order their first file came. */
  learners: LearnerSummary[];
  refused: RefusedFile[];
  /** Files that added to a learner already loaded from another file. */
  merged: number;
}

/**
 * Checked files (files[i] is names[i]'s) → one summary per learner. A learner found in
 * several files (an export and, later, a certification application) gets the records of
 * all of them merged, as class-files.ts gatherClass does, and summarised again.
 */
export async function gatherSummaries(names: readonly string[], files: readonly CheckedFile[], summarise: Summarise): Promise<ClassSummaries> {
  if (names.length !== files.length) throw new Error(`${names.length} files but ${files.length} results`);
  const byLearner = new Map<string, { summary: LearnerSummary; files: number[] }>();
  const refused: RefusedFile[] = [];
  let merged = 0;
  files.forEach((file, i) => {
    if (!file.ok) return void refused.push({ name: names[i], problem: file.problem });
    const known = byLearner.get(file.summary.row.learner);
    if (known) {
      merged++;
      known.files.push(i);
    } else byLearner.set(file.summary.row.learner, { summary: file.summary, files: [i] });
  });
  const learners = await Promise.all(
    [...byLearner.values()].map(async ({ summary, files: mine }) => {
      if (mine.length === 1) return summary;
      const records = await Promise.all(mine.map((i) => (files[i] as Extract<CheckedFile, { ok: true }>).record()));
      return summarise({ record: records.reduce((a, b) => mergeRecords(a, b)), files: mine.map((i) => names[i]), applications: [] });
    }),
  );
  return { learners, refused, merged };
}
