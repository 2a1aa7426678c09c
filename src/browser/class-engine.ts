/**
 * The class report's heavy half, loaded on the first files a trainer gives the page: the
 * import checks, grading and replay (src/lib/statistics), and the curriculum data they need.
 */
import type { ClassData } from "../lib/statistics/class-data.ts";
import { checkClassFiles, gatherClass, type ClassRecords } from "../lib/statistics/class-files.ts";
import type { ImportResult } from "../lib/progress/export.ts";
import { readClassFiles } from "./read-class-files.ts";

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
/** Files per message to a worker: small enough that work starts at once and results stream back. */
const CHUNK_FILES = 100;

/** Results as JSON text (class-worker.ts says why), or why the chunk failed. */
type Reply = { id: number; results: string } | { id: number; error: string };

/** Workers (class-worker.ts) that check chunks of files; a chunk whose worker fails rejects. */
function workerPool(count: number) {
  const pending = new Map<number, { worker: number; resolve: (r: ImportResult[]) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(new URL("./class-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", ({ data }: MessageEvent<Reply>) => {
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
    /** Check `files` in worker number `w`. */
    check(w: number, files: readonly File[]): Promise<ImportResult[]> {
      const id = ids++;
      return new Promise((resolve, reject) => {
        pending.set(id, { worker: w, resolve, reject });
        workers[w].postMessage({ id, files });
      });
    },
    close: () => workers.forEach((worker) => worker.terminate()),
  };
}

const inPage = async (files: readonly File[]) => checkClassFiles(await readClassFiles(files));

/**
 * Files picked or dropped → one record per learner. Each file is read and checked like an
 * import on 我的学习. A big pile goes in chunks to one Web Worker per processor core, so
 * 3,000 files take a fraction of the time, results come back while the rest are checked,
 * and the page stays responsive. A chunk whose worker fails (or a browser without
 * workers) is checked here, with a warning in the console.
 */
export async function loadFiles(files: readonly File[]): Promise<ClassRecords> {
  const names = files.map((f) => f.name);
  if (typeof Worker !== "function" || files.length < WORKER_MIN_FILES) return gatherClass(names, await inPage(files));
  const cores = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
  const chunks = Array.from({ length: Math.ceil(files.length / CHUNK_FILES) }, (_, i) => files.slice(i * CHUNK_FILES, (i + 1) * CHUNK_FILES));
  const count = Math.min(cores, chunks.length);
  const pool = workerPool(count);
  try {
    const checked = await Promise.all(
      chunks.map((chunk, i) =>
        pool.check(i % count, chunk).catch((error: unknown) => {
          // Still right, only slower: say so for whoever looks at the console.
          console.warn("class worker failed; checking its files in the page", error);
          return inPage(chunk);
        }),
      ),
    );
    return gatherClass(names, checked.flat());
  } finally {
    pool.close();
  }
}
