/**
 * Fetches the item files a quiz attempt drew (src/lib/quiz/page-data.ts), each once per
 * page: `folder` is the page data's `items`. Offline, the service worker answers from a
 * saved course's pack or from the copies kept when the items were fetched before.
 */
import { parseItemFile, type QuizItemFile } from "../lib/quiz/page-data.ts";

/** Adds the files of `ids` to `files` (those not there yet); rejects when one cannot be had. */
export async function loadItems(folder: string, ids: readonly string[], files: Map<string, QuizItemFile>): Promise<void> {
  await Promise.all(
    ids
      .filter((id) => !files.has(id))
      .map(async (id) => {
        const response = await fetch(`${folder}${encodeURIComponent(id)}.json`);
        if (!response.ok) throw new Error(`Quiz item ${id}: HTTP ${response.status}`);
        const file = parseItemFile(await response.text(), id);
        if (!file) throw new Error(`Quiz item ${id}: the response is not its item file`);
        files.set(id, file);
      }),
  );
}
