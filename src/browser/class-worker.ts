/// <reference lib="webworker" />
/**
 * A class report worker (class-engine.ts loadFiles): checks every file of each batch it is
 * sent like an import and summarises each learner's record for the report
 * (class-summaries.ts), off the page's thread, one batch at a time in the order sent. The
 * page sends each batch as one Blob of its files (a handle: no File is cloned, nothing is
 * read on the page's thread), and the curriculum data once, first.
 */
import type { ClassData } from "../lib/statistics/class-data.ts";
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { summariser } from "../lib/statistics/class-report.ts";
import { sendBatch, type Summarise } from "../lib/statistics/class-summaries.ts";
import { splitBatch } from "../lib/statistics/file-batches.ts";

export interface BatchMessage {
  id: number;
  names: string[];
  sizes: number[];
  /** The batch's files, one after another. */
  blob: Blob;
}

/** The curriculum, sent before any batch. */
export interface DataMessage {
  data: ClassData;
}

/**
 * The batch (class-summaries.ts SentBatch) as JSON text, which the page parses several
 * times faster than it deserializes the same objects; or why the batch failed.
 */
export type BatchReply = { id: number; batch: string } | { id: number; error: string };

let summarise: Summarise | undefined;
let queue: Promise<void> = Promise.resolve();

addEventListener("message", (event: MessageEvent<BatchMessage | DataMessage>) => {
  if ("data" in event.data) {
    // One summariser for every batch: its walkers replay each distinct run beginning once.
    summarise = summariser(event.data.data);
    return;
  }
  const { id, names, sizes, blob } = event.data;
  queue = queue.then(async () => {
    let reply: BatchReply;
    try {
      if (!summarise) throw new Error("no curriculum data before the first batch");
      // A file that cannot be read, or changed size since it was picked, fails the batch: the page checks it file by file.
      const files = splitBatch(names, sizes, await blob.arrayBuffer());
      reply = { id, batch: JSON.stringify(sendBatch(names, await checkClassFiles(files), summarise)) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    postMessage(reply);
  });
});
