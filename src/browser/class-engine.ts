/**
 * The class report's heavy half, loaded on the first files a trainer gives the page: the
 * import checks, grading and replay (src/lib/statistics), and the curriculum data they need.
 */
import { buildCatalog, type QuizCatalog } from "../lib/quiz/catalog.ts";
import type { ClassData } from "../lib/statistics/class-data.ts";
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { reportOf, summariser, type ClassReport, type LearnerSummary } from "../lib/statistics/class-report.ts";
import type { ProgressRecord } from "../lib/progress/schema.ts";
import { checkedHere, gatherSummaries, receiveBatch, type CheckedFile, type ClassSummaries, type SentBatch, type Summarise, type WalkTable } from "../lib/statistics/class-summaries.ts";
import { BATCH_FILES, fileBatches } from "../lib/statistics/file-batches.ts";
import type { BatchMessage, BatchReply, DataMessage } from "./class-worker.ts";
import { readClassFiles } from "./read-class-files.ts";

export { placesOf } from "../lib/statistics/class-report.ts";
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

/** The page's own summariser and catalog for a curriculum (the workers have theirs). */
const helpers = new WeakMap<ClassData, { summarise: Summarise; catalog: QuizCatalog }>();
function helpersOf(data: ClassData) {
  let h = helpers.get(data);
  if (!h) {
    const catalog = buildCatalog(data.banks);
    helpers.set(data, (h = { summarise: summariser(data, catalog), catalog }));
  }
  return h;
}

/** The report of these learners (all loaded, or those the filter keeps). */
export const reportFor = (learners: readonly LearnerSummary[], data: ClassData): ClassReport => reportOf(learners, data, helpersOf(data).catalog);

/**
 * A file's record, checked again in the page: only for a learner found in several files,
 * whose records are merged (a worker sends summaries, not records). The file was accepted
 * once; if it no longer is (changed on disk meanwhile), the report cannot be trusted.
 */
async function recordOf(file: File): Promise<ProgressRecord> {
  const [result] = await checkClassFiles(await readClassFiles([file]));
  if (!result.ok) throw new Error(`${file.name}: ${result.problem.message}`);
  return result.record;
}

/** Workers (class-worker.ts) that check and summarise batches of files; a batch whose worker fails rejects. */
function workerPool(count: number, data: ClassData) {
  const pending = new Map<number, { worker: number; resolve: (r: Extract<BatchReply, { batch: string }>) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(new URL("./class-worker.ts", import.meta.url), { type: "module" });
    worker.postMessage({ data } satisfies DataMessage);
    worker.addEventListener("message", ({ data: reply }: MessageEvent<BatchReply>) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if ("batch" in reply) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
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
    /** Check a batch in worker number `w`. */
    check(w: number, batch: Omit<BatchMessage, "id">): Promise<Extract<BatchReply, { batch: string }>> {
      const id = ids++;
      return new Promise((resolve, reject) => {
        pending.set(id, { worker: w, resolve, reject });
        workers[w].postMessage({ id, ...batch } satisfies BatchMessage);
      });
    },
    close: () => workers.forEach((worker) => worker.terminate()),
  };
}

/**
 * Files picked or dropped → one summary per learner (class-summaries.ts). Each file is
 * checked like an import on 我的学习. A big pile goes in batches (file-batches.ts), each
 * as one Blob to one of a Web Worker per processor core, which reads and checks the files
 * and summarises its learners for the report, so 3,000 files take a fraction of the time
 * and the page only puts the summaries together. A batch its worker cannot read at once
 * (a file changed since it was picked) or fails on is checked here, with a warning in the
 * console; so is a small pile, and every pile in a browser without workers.
 */
export async function loadFiles(files: readonly File[], data: ClassData): Promise<ClassSummaries> {
  const names = files.map((f) => f.name);
  const { summarise } = helpersOf(data);
  const inPage = async (indexes: readonly number[]) => {
    const picked = indexes.map((i) => files[i]);
    return checkedHere(
      picked.map((f) => f.name),
      await checkClassFiles(await readClassFiles(picked)),
      summarise,
    );
  };
  const all = files.map((_, i) => i);
  if (typeof Worker !== "function" || files.length < WORKER_MIN_FILES) return gatherSummaries(names, await inPage(all), summarise);
  const checked: CheckedFile[] = new Array(files.length);
  const cores = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
  const count = Math.min(cores, Math.ceil(files.length / BATCH_FILES));
  const pool = workerPool(count, data);
  // A worker starts only once the page's thread is free: let them start while the files are sized.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Each worker's walks, in the order its batches reply (class-summaries.ts).
  const walks: WalkTable[] = Array.from({ length: count }, () => []);
  const tooLarge: number[] = [];
  const tasks: Promise<void>[] = [];
  let sent = 0;
  try {
    // Chromium answers a File's size (and makes a Blob of it) by asking the browser process,
    // about 0.3 ms a file: a batch goes to its worker as soon as its files are sized, so the
    // workers check while the page sizes the rest, instead of after all 3,000.
    for (let from = 0; from < files.length; from += BATCH_FILES) {
      // Yield between chunks too, so replies are taken in as they come.
      if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const chunk = files.slice(from, from + BATCH_FILES);
      const planned = fileBatches(chunk.map((f) => f.size));
      for (const k of planned.tooLarge) tooLarge.push(from + k);
      for (const local of planned.batches) {
        const batch = local.map((k) => from + k);
        const batchFiles = batch.map((i) => files[i]);
        const worker = sent++ % count;
        const reply = pool.check(worker, { names: batchFiles.map((f) => f.name), sizes: batchFiles.map((f) => f.size), blob: new Blob(batchFiles) });
        tasks.push(
          reply
            .catch((error: unknown) => {
              // Still right, only slower: say so for whoever looks at the console.
              console.warn("class worker failed; checking its files in the page", error);
              return undefined;
            })
            .then(async (fromWorker) => {
              const result = fromWorker ? receiveBatch(JSON.parse(fromWorker.batch) as SentBatch, walks[worker], (k) => recordOf(files[batch[k]])) : await inPage(batch);
              batch.forEach((i, k) => (checked[i] = result[k]));
            }),
        );
      }
    }
    // Never read: only their size is checked.
    (await inPage(tooLarge)).forEach((file, k) => (checked[tooLarge[k]] = file));
    await Promise.all(tasks);
    return await gatherSummaries(names, checked, summarise);
  } finally {
    pool.close();
  }
}
