/**
 * The one way a checked record enters the device (a file on 我的学习, a QR link on the
 * import page): merge it into the store, make its learner current when no learner is
 * chosen yet, and say what happened.
 */
import { fill, type Strings } from "../i18n/fill.ts";
import type { ProgressRecord } from "../lib/progress/schema.ts";
import type { ImportOutcome, ProgressStore } from "../lib/progress/store.ts";
import { setCurrentLearnerId } from "./learner.ts";

/**
 * Imports `record`; `hasCurrent` says whether a learner is already chosen on this page.
 * Returns the outcome and its message (`me.importedNew` or `me.imported`). Store errors
 * propagate: the caller words them as it words every store error.
 */
export async function importRecord(
  store: ProgressStore,
  record: ProgressRecord,
  hasCurrent: boolean,
  strings: Strings,
): Promise<{ outcome: ImportOutcome; message: string }> {
  const outcome = await store.importRecord(record);
  if (!hasCurrent) setCurrentLearnerId(outcome.learner.id);
  const message = fill(strings[outcome.created ? "me.importedNew" : "me.imported"] ?? "", { name: outcome.learner.name, added: outcome.added });
  return { outcome, message };
}
