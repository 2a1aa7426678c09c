/// <reference lib="webworker" />
/**
 * A class report worker (class-engine.ts loadFiles): checks every file of each batch it is
 * sent like an import and summarises each learner's record for the report
 * (class-summaries.ts), off the page's thread, one batch at a time in the order sent, while
 * the next batch's files are read (batch-queue.ts). The page sends each batch as one Blob
 * of its files (a handle: no File is cloned, nothing is read on the page's thread), and
 * the curriculum data once, first.
 */
import type { ClassData } from "../lib/statistics/class-data.ts";
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { summariser } from "../lib/statistics/class-report.ts";
import { sendBatch, type SentWalks, type Summarise } from "../lib/statistics/class-summaries.ts";
import { splitBatch } from "../lib/statistics/file-batches.ts";
import { batchQueue } from "../lib/statistics/batch-queue.ts";

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
/** The walks this worker has sent, for all its batches: each goes to the page once. */
const sentWalks: SentWalks = new Map();

/** Checks each batch in turn while the next one's files are read (batch-queue.ts). */
const enqueue = batchQueue(
  ({ blob }: BatchMessage) => blob.arrayBuffer(),
  async ({ id, names, sizes }, bytes) => {
    let reply: BatchReply;
    try {
      if (!summarise) throw new Error("no curriculum data before the first batch");
      // A file that cannot be read, or changed size since it was picked, fails the batch: the page checks it file by file.
      if (!bytes.ok) throw bytes.error;
      reply = { id, batch: JSON.stringify(sendBatch(names, await checkClassFiles(splitBatch(names, sizes, bytes.value)), summarise, sentWalks)) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    postMessage(reply);
  },
);

addEventListener("message", (event: MessageEvent<BatchMessage | DataMessage>) => {
  if ("data" in event.data) {
    // One summariser for every batch: its walkers replay each distinct run beginning once.
    summarise = summariser(event.data.data);
    return;
  }
  enqueue(event.data);
});
