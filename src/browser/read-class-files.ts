/**
 * Reading a trainer's picked or dropped files in the page, in batches (file-batches.ts says why).
 */
import type { ClassFile } from "../lib/statistics/class-files.ts";
import { fileBatches, splitBatch } from "../lib/statistics/file-batches.ts";

/** The files of one batch as one buffer, or undefined when they cannot be read together. */
const readBatch = (files: readonly File[], batch: readonly number[]): Promise<ArrayBuffer | undefined> =>
  new Blob(batch.map((i) => files[i]))
    .arrayBuffer()
    .catch(() => undefined);

const splitBatchOrUndefined = (...args: Parameters<typeof splitBatch>) => {
  try {
    return splitBatch(...args);
  } catch {
    return undefined;
  }
};

/**
 * Files → their bytes. A file too large is not read; a batch that cannot be read is read
 * file by file, and a file that still cannot be read becomes empty, which the import
 * refuses as empty.
 */
export async function readClassFiles(files: readonly File[]): Promise<ClassFile[]> {
  const out: ClassFile[] = new Array(files.length);
  const { batches, tooLarge } = fileBatches(files.map((f) => f.size));
  for (const i of tooLarge) out[i] = { name: files[i].name, unreadSize: files[i].size };
  const one = async (i: number) => (out[i] = { name: files[i].name, bytes: new Uint8Array(await files[i].arrayBuffer().catch(() => new ArrayBuffer(0))) });
  await Promise.all(
    batches.map(async (batch) => {
      const buffer = await readBatch(files, batch);
      // Unreadable, or a file changed size since it was picked: file by file.
      const read = buffer && splitBatchOrUndefined(batch.map((i) => files[i].name), batch.map((i) => files[i].size), buffer);
      if (read === undefined) return Promise.all(batch.map(one));
      batch.forEach((i, k) => (out[i] = read[k]));
    }),
  );
  return out;
}
