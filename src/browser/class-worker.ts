/// <reference lib="webworker" />
/**
 * A class report worker (class-engine.ts loadFiles): reads each chunk of the trainer's files
 * it is sent and checks every file like an import, off the page's thread, one chunk at a
 * time in the order sent; answers each chunk with its results in order.
 */
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { readClassFiles } from "./read-class-files.ts";

let queue: Promise<void> = Promise.resolve();

addEventListener("message", (event: MessageEvent<{ id: number; files: File[] }>) => {
  const { id, files } = event.data;
  queue = queue.then(async () => {
    let reply: { id: number; results: string } | { id: number; error: string };
    try {
      // As JSON text: the page parses that several times faster than it deserializes the same objects.
      reply = { id, results: JSON.stringify(await checkClassFiles(await readClassFiles(files))) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    postMessage(reply);
  });
});
