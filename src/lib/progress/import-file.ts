/**
 * The one path a record takes from outside into the device, as 我的学习 (a file) and the
 * QR import page (a link) use it: every check of export.ts first, then one atomic
 * store.importRecord, and a summary of what happened that the page words (i18n keys
 * `me.import.*`). Nothing is written unless every check passed.
 */
import type { ImportProblem } from "./errors.ts";
import { importBytes, type ImportResult } from "./export.ts";
import type { ImportOutcome, ProgressStore } from "./store.ts";

export type FileImport =
  | { ok: true; outcome: ImportOutcome; fromVersion: number; /** Unchecked: certification/application.ts validates it. */ application?: unknown }
  | { ok: false; problem: ImportProblem };

/** A checked result (export.ts importText/importValue, fragment.ts decodeFragment) into the store. */
export async function storeChecked(store: ProgressStore, checked: ImportResult): Promise<FileImport> {
  if (!checked.ok) return checked;
  const outcome = await store.importRecord(checked.record);
  return { ok: true, outcome, fromVersion: checked.fromVersion, application: checked.application };
}

/** A file's bytes into the store: size, encoding, content and checksum checked first. Store errors propagate. */
export const importFile = async (store: ProgressStore, bytes: Uint8Array): Promise<FileImport> => storeChecked(store, await importBytes(bytes));

/** What the page tells the learner after an import. */
export interface ImportSummary {
  /** new-learner: the learner was created here; added: new entries merged; nothing-new: the device already had everything. */
  kind: "new-learner" | "added" | "nothing-new";
  name: string;
  lessons: number;
  attempts: number;
  runs: number;
  /** Entries held here with the same id but other content (store.ts ImportOutcome.conflicts). */
  conflicts: number;
}

export function importSummary(outcome: ImportOutcome): ImportSummary {
  const kind = outcome.created ? "new-learner" : outcome.added > 0 || outcome.profileChanged || outcome.conflicts > 0 ? "added" : "nothing-new";
  const { lesson, attempt, run } = outcome.addedKinds;
  return { kind, name: outcome.learner.name, lessons: lesson, attempts: attempt, runs: run, conflicts: outcome.conflicts };
}
