/**
 * The class report's heavy half, loaded on the first files a trainer gives the page: the
 * import checks, grading and replay (src/lib/statistics), and the curriculum data they need.
 */
import type { ClassData } from "../lib/statistics/class-data.ts";
import { checkClassFiles, gatherClass, type ClassRecords } from "../lib/statistics/class-files.ts";
import type { ImportResult } from "../lib/progress/export.ts";
import { fileBatches } from "../lib/statistics/file-batches.ts";
import type { BatchMessage, BatchReply } from "./class-worker.ts";
import { readBatch, readClassFiles } from "./read-class-files.ts";

export { classReport, placesOf } from "../lib/statistics/class-report.ts";
export { filterRows, sortRows } from "../lib/statistics/class-table.ts";
export { classCsv, flagText, itemCsv, optionLabel } from "../lib/statistics/report-csv.ts";

let data: Promise<ClassData> | undefined;

/** The curriculum data, fetched once; a failed fetch may be retried. */
export function classData(url: string): Promise<ClassData> {
  data ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json() as Promise<ClassData>;
  });
  data.catch(() => (data = undefined));
  return data;
}

/** Fewer files than this are checked in the page: starting workers would take longer. */
const WORKER_MIN_FILES = 100;

/** Workers (class-worker.ts) that check batches of files; a batch whose worker fails rejects. */
function workerPool(count: number) {
  const pending = new Map<number, { worker: number; resolve: (r: ImportResult[]) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(new URL("./class-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", ({ data }: MessageEvent<BatchReply>) => {
      const waiting = pending.get(data.id);
      pending.delete(data.id);
      if ("results" in data) waiting?.resolve(JSON.parse(data.results) as ImportResult[]);
      else waiting?.reject(new Error(data.error));
    });
    // Only a worker that cannot start or run at all: everything it was given fails.
    worker.addEventListener("error", (event) => {
      for (const [id, waiting] of pending) {
        if (waiting.worker !== w) continue;
        pending.delete(id);
        waiting.reject(new Error(event.message || "class worker failed"));
      }
    });
    return worker;
  });
  let ids = 0;
  return {
    /** Check a batch in worker number `w`; the buffer is transferred, not copied. */
    check(w: number, batch: Omit<BatchMessage, "id">): Promise<ImportResult[]> {
      const id = ids++;
      return new Promise((resolve, reject) => {
        pending.set(id, { worker: w, resolve, reject });
        workers[w].postMessage({ id, ...batch } satisfies BatchMessage, [batch.buffer]);
      });
    },
    close: () => workers.forEach((worker) => worker.terminate()),
  };
}

const inPage = async (files: readonly File[]) => checkClassFiles(await readClassFiles(files));

/**
 * Files picked or dropped → one record per learner. Each file is checked like an import on
 * 我的学习. A big pile is read in batches (file-batches.ts), and each batch goes to one of
 * a Web Worker per processor core, so 3,000 files take a fraction of the time, results come
 * back while the rest are checked, and the page stays responsive. A batch that cannot be
 * read at once, or whose worker fails (or a browser without workers), is checked here,
 * with a warning in the console when a worker failed.
 */
export async function loadFiles(files: readonly File[]): Promise<ClassRecords> {
  const names = files.map((f) => f.name);
  if (typeof Worker !== "function" || files.length < WORKER_MIN_FILES) return gatherClass(names, await inPage(files));
  const { batches, tooLarge } = fileBatches(files.map((f) => f.size));
  const results: ImportResult[] = new Array(files.length);
  // Never read: only their size is checked.
  (await checkClassFiles(tooLarge.map((i) => ({ name: names[i], unreadSize: files[i].size })))).forEach((result, k) => (results[tooLarge[k]] = result));
  const cores = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
  const count = Math.max(1, Math.min(cores, batches.length));
  const pool = workerPool(count);
  try {
    await Promise.all(
      batches.map(async (batch, b) => {
        const batchFiles = batch.map((i) => files[i]);
        const buffer = await readBatch(files, batch);
        const checked =
          buffer === undefined
            ? await inPage(batchFiles)
            : await pool.check(b % count, { names: batchFiles.map((f) => f.name), sizes: batchFiles.map((f) => f.size), buffer }).catch((error: unknown) => {
                // Still right, only slower: say so for whoever looks at the console.
                console.warn("class worker failed; checking its files in the page", error);
                return inPage(batchFiles);
              });
        batch.forEach((i, k) => (results[i] = checked[k]));
      }),
    );
    return gatherClass(names, results);
  } finally {
    pool.close();
  }
}
