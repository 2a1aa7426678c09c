/**
 * A trainer's pile of learners' files → one record per learner. Each file is checked with
 * the same import as 我的学习 (format, version, schema, checksum, migration); a bad file is
 * listed with its problem and the rest still load. Two files of the same learner (an
 * export and, later, a certification application) are merged, not counted twice.
 * Pure and in memory: nothing leaves the trainer's computer.
 */
import { applicationSchema, type Application } from "../certification/application.ts";
import type { ImportProblem } from "../progress/errors.ts";
import { importText } from "../progress/export.ts";
import { mergeRecords } from "../progress/merge.ts";
import type { ProgressRecord } from "../progress/schema.ts";

export interface ClassFile {
  /** The file's name as the trainer picked it. */
  name: string;
  text: string;
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

export async function loadClassFiles(files: readonly ClassFile[]): Promise<ClassRecords> {
  const byLearner = new Map<string, ClassLearner>();
  const refused: RefusedFile[] = [];
  let merged = 0;
  for (const file of files) {
    const result = await importText(file.text);
    if (!result.ok) {
      refused.push({ name: file.name, problem: result.problem });
      continue;
    }
    const application = result.application === undefined ? undefined : applicationSchema.safeParse(result.application);
    const applications = application?.success ? [application.data] : [];
    const known = byLearner.get(result.record.learner.id);
    if (known) {
      merged++;
      byLearner.set(result.record.learner.id, {
        record: mergeRecords(known.record, result.record),
        files: [...known.files, file.name],
        applications: [...known.applications, ...applications],
      });
    } else {
      byLearner.set(result.record.learner.id, { record: result.record, files: [file.name], applications });
    }
  }
  // In the order the files came; the table sorts (class-table.ts sortRows).
  return { learners: [...byLearner.values()], refused, merged };
}
