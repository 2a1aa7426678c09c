/// <reference lib="webworker" />
/**
 * A class report worker (class-engine.ts loadFiles): checks every file of each batch it is
 * sent like an import, off the page's thread, one batch at a time in the order sent, and
 * answers each batch with its results in order. The page reads the batch (one Blob read)
 * and transfers the buffer, so no File is cloned and nothing is copied.
 */
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { splitBatch } from "../lib/statistics/file-batches.ts";

export interface BatchMessage {
  id: number;
  names: string[];
  sizes: number[];
  /** The batch's files, one after another. */
  buffer: ArrayBuffer;
}

/** Results as JSON text (the page parses that several times faster than it deserializes the same objects), or why the batch failed. */
export type BatchReply = { id: number; results: string } | { id: number; error: string };

let queue: Promise<void> = Promise.resolve();

addEventListener("message", (event: MessageEvent<BatchMessage>) => {
  const { id, names, sizes, buffer } = event.data;
  queue = queue.then(async () => {
    let reply: BatchReply;
    try {
      reply = { id, results: JSON.stringify(await checkClassFiles(splitBatch(names, sizes, buffer))) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    postMessage(reply);
  });
});
