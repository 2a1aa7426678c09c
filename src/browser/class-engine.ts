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

/** One share of the files checked in a worker (class-worker.ts); rejects if the worker fails. */
function inWorker(files: readonly File[]): Promise<ImportResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./class-worker.ts", import.meta.url), { type: "module" });
    const done = () => worker.terminate();
    worker.addEventListener("message", (event: MessageEvent<{ results?: ImportResult[]; error?: string }>) => {
      done();
      if (event.data.results) resolve(event.data.results);
      else reject(new Error(event.data.error ?? "class worker failed"));
    });
    worker.addEventListener("error", (event) => (done(), reject(new Error(event.message || "class worker failed to start"))));
    worker.postMessage({ files });
  });
}

const inPage = async (files: readonly File[]) => checkClassFiles(await readClassFiles(files));

/**
 * Files picked or dropped → one record per learner. Each file is read and checked like an
 * import on 我的学习; a big pile is split into one share per processor core, each checked
 * in a Web Worker, so 3,000 files take a fraction of the time and the page stays
 * responsive. A share whose worker fails (or a browser without workers) is checked here.
 */
export async function loadFiles(files: readonly File[]): Promise<ClassRecords> {
  const cores = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
  const shares = typeof Worker === "function" && files.length >= WORKER_MIN_FILES ? cores : 1;
  const size = Math.ceil(files.length / shares);
  const parts = Array.from({ length: shares }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((part) => part.length);
  const checked =
    shares === 1
      ? [await inPage(files)]
      : await Promise.all(
          parts.map((part) =>
            inWorker(part).catch((error: unknown) => {
              // Still right, only slower: say so for whoever looks at the console.
              console.warn("class worker failed; checking its files in the page", error);
              return inPage(part);
            }),
          ),
        );
  return gatherClass(
    files.map((f) => f.name),
    checked.flat(),
  );
}
