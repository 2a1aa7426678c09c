/**
 * A class report worker's queue (src/browser/class-worker.ts): batches are checked one at
 * a time, in the order they came, while the files of the next ones are already being read.
 * Reading a batch's Blob is a wait on the browser, not work for the worker's thread, so
 * without reading ahead each worker sat idle for every read (about 0.9 s in 3,000 files on
 * two cores). Reading is bounded, so a worker that falls behind holds at most `ahead`
 * batches' bytes, not the whole pile.
 */

/** A read that has finished: its value, or why it failed. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Never rejects, so a read that fails before its batch's turn is not an unhandled rejection. */
const settle = <R>(read: () => Promise<R>): Promise<Settled<R>> => {
  try {
    return read().then(
      (value): Settled<R> => ({ ok: true, value }),
      (error: unknown): Settled<R> => ({ ok: false, error }),
    );
  } catch (error) {
    return Promise.resolve({ ok: false, error });
  }
};

/**
 * A queue: `push(item)` reads it (`read`) as soon as fewer than `ahead` items are read or
 * being read and not yet done, and hands each item with its read to `work`, one at a time,
 * in push order. A `work` that throws does not stop the queue (it should reply with its error).
 */
export function batchQueue<T, R>(read: (item: T) => Promise<R>, work: (item: T, read: Settled<R>) => Promise<void>, ahead = 2): (item: T) => void {
  if (!Number.isInteger(ahead) || ahead < 1) throw new RangeError(`ahead must be a whole number ≥ 1, not ${ahead}`);
  const queued: { item: T; read?: Promise<Settled<R>> }[] = [];
  let working = false;
  const startReads = () => {
    for (let i = 0; i < Math.min(ahead, queued.length); i++) queued[i].read ??= settle(() => read(queued[i].item));
  };
  const drain = async () => {
    working = true;
    while (queued.length) {
      startReads();
      const head = queued[0];
      try {
        await work(head.item, await (head.read as Promise<Settled<R>>));
      } catch {
        // work replies with its own errors; the queue goes on with the next batch.
      }
      queued.shift();
    }
    working = false;
  };
  return (item) => {
    queued.push({ item });
    startReads();
    if (!working) void drain();
  };
}
