/**
 * Reading a trainer's picked or dropped files, in the page or in a class worker.
 */
import type { ClassFile } from "../lib/statistics/class-files.ts";
import { fileBatches } from "../lib/statistics/file-batches.ts";

/**
 * Files picked or dropped → their bytes, read in batches (file-batches.ts says why). A file
 * too large is not read; a batch that cannot be read is read file by file, and a file that
 * still cannot be read becomes empty, which the import refuses as empty.
 */
export async function readClassFiles(files: readonly File[]): Promise<ClassFile[]> {
  const out: ClassFile[] = new Array(files.length);
  const { batches, tooLarge } = fileBatches(files.map((f) => f.size));
  for (const i of tooLarge) out[i] = { name: files[i].name, unreadSize: files[i].size };
  const one = async (i: number) => (out[i] = { name: files[i].name, bytes: new Uint8Array(await files[i].arrayBuffer().catch(() => new ArrayBuffer(0))) });
  await Promise.all(
    batches.map(async (batch) => {
      let buffer: ArrayBuffer;
      try {
        buffer = await new Blob(batch.map((i) => files[i])).arrayBuffer();
      } catch {
        return Promise.all(batch.map(one));
      }
      let offset = 0;
      for (const i of batch) {
        out[i] = { name: files[i].name, bytes: new Uint8Array(buffer, offset, files[i].size) };
        offset += files[i].size;
      }
    }),
  );
  return out;
}
