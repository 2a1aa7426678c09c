/**
 * The one way a record enters the device from a page (a file on 我的学习, a QR link on the
 * import page): lib/progress/import-file.ts checks it and merges it into the store; this
 * makes its learner current when no learner is chosen yet and words what happened with
 * the `me.*` strings: refused (and why), new learner, what was added by kind, nothing new,
 * conflicting entries.
 */
import { fill, type Strings } from "../i18n/fill.ts";
import type { ImportResult } from "../lib/progress/export.ts";
import { importFile, importSummary, storeChecked, type FileImport, type ImportSummary } from "../lib/progress/import-file.ts";
import type { ProgressStore } from "../lib/progress/store.ts";
import { setCurrentLearnerId } from "./learner.ts";

export interface ImportShown {
  ok: boolean;
  /** One or two sentences for the status line next to the control. */
  message: string;
  summary?: ImportSummary;
}

export function importMessage(summary: ImportSummary, strings: Strings): string {
  const counts = { name: summary.name, lessons: summary.lessons, attempts: summary.attempts, runs: summary.runs };
  const key = { "new-learner": "me.importedNew", added: "me.imported", "nothing-new": "me.importNothingNew" }[summary.kind];
  const parts = [fill(strings[key] ?? "", counts)];
  if (summary.conflicts) parts.push(fill(strings["me.importConflicts"] ?? "", { n: summary.conflicts }));
  return parts.join(" ");
}

function shown(result: FileImport, hasCurrent: boolean, strings: Strings): ImportShown {
  if (!result.ok) return { ok: false, message: fill(strings["me.importFailed"] ?? "", { reason: result.problem.message }) };
  if (!hasCurrent) setCurrentLearnerId(result.outcome.learner.id);
  const summary = importSummary(result.outcome);
  return { ok: true, message: importMessage(summary, strings), summary };
}

/** A file's bytes; `hasCurrent` says whether a learner is already chosen on this page. Store errors propagate. */
export const importFileShown = async (store: ProgressStore, bytes: Uint8Array, hasCurrent: boolean, strings: Strings): Promise<ImportShown> =>
  shown(await importFile(store, bytes), hasCurrent, strings);

/** An already checked record (a decoded QR link). Store errors propagate. */
export const importCheckedShown = async (store: ProgressStore, checked: ImportResult, hasCurrent: boolean, strings: Strings): Promise<ImportShown> =>
  shown(await storeChecked(store, checked), hasCurrent, strings);
