/// <reference lib="webworker" />
/**
 * A class report worker (class-engine.ts loadFiles): reads its share of the trainer's files
 * and checks each like an import, off the page's thread; answers with the results in order.
 */
import type { ImportResult } from "../lib/progress/export.ts";
import { checkClassFiles } from "../lib/statistics/class-files.ts";
import { readClassFiles } from "./read-class-files.ts";

addEventListener("message", async (event: MessageEvent<{ files: File[] }>) => {
  let reply: { results: ImportResult[] } | { error: string };
  try {
    reply = { results: await checkClassFiles(await readClassFiles(event.data.files)) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  postMessage(reply);
});
