/**
 * The class report of a big pile of files, spread over workers (map, then reduce): each
 * worker checks a batch of files like an import and summarises each accepted record
 * (class-report.ts summariser); the page gathers the summaries, merges the few learners
 * found in several files, and puts the report together (reportOf). The page never parses
 * the records themselves, only the summaries, and checks a file again itself only for a
 * learner found in more than one file (rare: an export and a later application).
 *
 * A worker's batch crosses to the page as JSON text, so a walk of a scenario (the same
 * object for every run that took it) is sent once per batch, in a table, and runs refer to
 * it by index; the page gives equal walks of different batches one object again.
 */
import type { ImportProblem } from "../progress/errors.ts";
import type { ImportResult } from "../progress/export.ts";
import { mergeRecords } from "../progress/merge.ts";
import type { ProgressRecord } from "../progress/schema.ts";
import type { ClassLearner, RefusedFile } from "./class-files.ts";
import type { LearnerSummary } from "./class-report.ts";
import type { Walked } from "./decision-analysis.ts";

/** A learner's summary as a batch carries it: each run's walk as an index into the batch's `walks`, -1 when it no longer replays. */
export type SentSummary = Omit<LearnerSummary, "walks"> & { walks: Record<string, number[]> };

export type SentFile = { ok: false; problem: ImportProblem } | { ok: true; summary: SentSummary };

/** One batch of files as a worker sends it (plain JSON), in the files' order. */
export interface SentBatch {
  files: SentFile[];
  /** The batch's distinct walks. */
  walks: Walked[];
}

export type Summarise = (learner: ClassLearner) => LearnerSummary;

/** A worker's half: checked files (results[i] is names[i]'s) → the batch to send. */
export function sendBatch(names: readonly string[], results: readonly ImportResult[], summarise: Summarise): SentBatch {
  const walks: Walked[] = [];
  const index = new Map<Walked, number>();
  const indexOf = (walk: Walked | undefined) => {
    if (!walk) return -1;
    let i = index.get(walk);
    if (i === undefined) index.set(walk, (i = walks.push(walk) - 1));
    return i;
  };
  const files = results.map((result, i): SentFile => {
    if (!result.ok) return { ok: false, problem: result.problem };
    const summary = summarise({ record: result.record, files: [names[i]], applications: [] });
    const sent: Record<string, number[]> = {};
    for (const [scenario, runs] of Object.entries(summary.walks)) sent[scenario] = runs.map(indexOf);
    return { ok: true, summary: { ...summary, walks: sent } };
  });
  return { files, walks };
}

/**
 * A file as the page holds it before gathering: refused, or its learner's summary and a way
 * to get its record back (for a file checked in a worker: check the file again).
 */
export type CheckedFile = { ok: false; problem: ImportProblem } | { ok: true; summary: LearnerSummary; record: () => Promise<ProgressRecord> };

/** Equal walks from different batches, as one object each (the analysis counts a walk once, by identity). */
export type WalkTable = Map<string, Walked>;

/**
 * The page's half of a batch: its files, with walks back as objects shared over the whole
 * class through `table`; `recordOf(i)` gets the record of the batch's i-th file back.
 */
export function receiveBatch(batch: SentBatch, table: WalkTable, recordOf: (i: number) => Promise<ProgressRecord>): CheckedFile[] {
  const walks = batch.walks.map((walk) => {
    const key = JSON.stringify(walk);
    let known = table.get(key);
    if (!known) table.set(key, (known = walk));
    return known;
  });
  return batch.files.map((file, i): CheckedFile => {
    if (!file.ok) return file;
    const summary: LearnerSummary = { ...file.summary, walks: {} };
    for (const [scenario, runs] of Object.entries(file.summary.walks)) summary.walks[scenario] = runs.map((w) => (w < 0 ? undefined : walks[w]));
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
