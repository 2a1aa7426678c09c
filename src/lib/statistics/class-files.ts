/**
 * A trainer's pile of learners' files → one record per learner. Each file is checked with
 * the same import as 我的学习 (format, version, schema, checksum, migration); a bad file is
 * listed with its problem and the rest still load. Two files of the same learner (an
 * export and, later, a certification application) are merged, not counted twice.
 * Pure and in memory: nothing leaves the trainer's computer.
 */
import { applicationSchema, type Application } from "../certification/application.ts";
import type { ImportProblem } from "../progress/errors.ts";
import { importBytes, importSizeProblem, importText, MAX_IMPORT_BYTES, type ImportResult } from "../progress/export.ts";
import { mergeRecords } from "../progress/merge.ts";
import type { ProgressRecord } from "../progress/schema.ts";

/**
 * One file as the trainer gave it: its bytes (the page and `npm run report`, so a file in
 * the wrong text encoding is named as such), its text (tests and fixtures), or only its
 * size when it was too large to read at all.
 */
export type ClassFile = { /** The file's name as the trainer picked it. */ name: string } & ({ bytes: Uint8Array } | { text: string } | { unreadSize: number });

/** The import check of one file, in whichever form it came. */
function importFile(file: ClassFile): Promise<ImportResult> {
  if ("bytes" in file) return importBytes(file.bytes);
  if ("text" in file) return importText(file.text);
  // Only a file over the limit is left unread (file-batches.ts).
  return Promise.resolve({ ok: false, problem: importSizeProblem(Math.max(file.unreadSize, MAX_IMPORT_BYTES + 1)) as ImportProblem });
}

export interface ClassLearner {
  record: ProgressRecord;
  /** Names of the files this learner's record came from. */
  files: string[];
  /** Certification applications found in those files. */
  applications: Application[];
}

export interface RefusedFile {
  name: string;
  problem: ImportProblem;
}

export interface ClassRecords {
  learners: ClassLearner[];
  refused: RefusedFile[];
  /** Files that added to a learner already loaded from another file. */
  merged: number;
}

/** Files checked at once: the checksum is computed off the main thread, so the next file is read meanwhile. */
const IN_FLIGHT = 8;

/**
 * The import check of every file, at most IN_FLIGHT at a time, results in the files' order.
 * Each file on its own, so the page can check shares of a pile in parallel (Web Workers)
 * and gather the results with gatherClass.
 */
export async function checkClassFiles(files: readonly ClassFile[]): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(files.length);
  let next = 0;
  const checker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await importFile(files[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, checker));
  return results;
}

/** Checked files (results[i] is names[i]'s) → one record per learner, the refused files, and how many merged. */
export function gatherClass(names: readonly string[], results: readonly ImportResult[]): ClassRecords {
  if (names.length !== results.length) throw new Error(`${names.length} files but ${results.length} results`);
  const byLearner = new Map<string, ClassLearner>();
  const refused: RefusedFile[] = [];
  let merged = 0;
  names.forEach((name, i) => {
    const result = results[i];
    if (!result.ok) return void refused.push({ name, problem: result.problem });
    const application = result.application === undefined ? undefined : applicationSchema.safeParse(result.application);
    const applications = application?.success ? [application.data] : [];
    const known = byLearner.get(result.record.learner.id);
    if (known) {
      merged++;
      byLearner.set(result.record.learner.id, {
        record: mergeRecords(known.record, result.record),
        files: [...known.files, name],
        applications: [...known.applications, ...applications],
      });
    } else {
      byLearner.set(result.record.learner.id, { record: result.record, files: [name], applications });
    }
  });
  // In the order the files came; the table sorts (class-table.ts sortRows).
  return { learners: [...byLearner.values()], refused, merged };
}

export async function loadClassFiles(files: readonly ClassFile[]): Promise<ClassRecords> {
  return gatherClass(
    files.map((f) => f.name),
    await checkClassFiles(files),
  );
}
