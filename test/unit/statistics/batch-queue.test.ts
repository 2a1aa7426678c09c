/** The class worker's queue: batches worked one at a time, in order, while at most `ahead` are read. */
import { describe, expect, it } from "vitest";
import { batchQueue, type Settled } from "../../../src/lib/statistics/batch-queue.ts";

/** A read that finishes when the test says so. */
function controlledReads() {
  const reads = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const started: string[] = [];
  const read = (item: string) =>
    new Promise<string>((resolve, reject) => {
      started.push(item);
      reads.set(item, { resolve, reject });
    });
  return { read, started, finish: (item: string) => reads.get(item)!.resolve(`bytes of ${item}`), fail: (item: string) => reads.get(item)!.reject(new Error(`cannot read ${item}`)) };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("batchQueue", () => {
  it("reads the next batch while one is worked, never more than `ahead` at once, and works them in order", async () => {
    const { read, started, finish } = controlledReads();
    const worked: [string, Settled<string>][] = [];
    const working: Record<string, () => void> = {};
    const push = batchQueue(read, (item, bytes) => new Promise<void>((done) => ((working[item] = done), worked.push([item, bytes]))), 2);
    ["a", "b", "c", "d"].forEach(push);
    await settle();
    expect(started).toEqual(["a", "b"]);
    finish("b");
    await settle();
    // b is read, but waits for a.
    expect(worked).toEqual([]);
    finish("a");
    await settle();
    expect(worked).toEqual([["a", { ok: true, value: "bytes of a" }]]);
    // a is worked and b is read: nothing more is read until a is done.
    expect(started).toEqual(["a", "b"]);
    working.a();
    await settle();
    expect(worked.map(([item]) => item)).toEqual(["a", "b"]);
    expect(started).toEqual(["a", "b", "c"]);
    working.b();
    finish("c");
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    finish("d");
    working.c();
    await settle();
    working.d();
    await settle();
    expect(worked.map(([item]) => item)).toEqual(["a", "b", "c", "d"]);
  });

  it("reads one batch at a time with ahead 1, and starts again when a batch comes after the queue emptied", async () => {
    const { read, started, finish } = controlledReads();
    const worked: string[] = [];
    const push = batchQueue(read, async (item) => void worked.push(item), 1);
    push("a");
    push("b");
    await settle();
    expect(started).toEqual(["a"]);
    finish("a");
    await settle();
    expect(started).toEqual(["a", "b"]);
    finish("b");
    await settle();
    expect(worked).toEqual(["a", "b"]);
    push("c");
    await settle();
    finish("c");
    await settle();
    expect(worked).toEqual(["a", "b", "c"]);
  });

  it("hands a failed read to its batch's work, as the reason, and goes on with the rest", async () => {
    const { read, fail, finish } = controlledReads();
    const worked: [string, Settled<string>][] = [];
    const push = batchQueue(read, async (item, bytes) => void worked.push([item, bytes]));
    push("a");
    push("b");
    await settle();
    // b fails before a is done: nothing may escape as an unhandled rejection meanwhile.
    fail("b");
    await settle();
    finish("a");
    await settle();
    expect(worked[0]).toEqual(["a", { ok: true, value: "bytes of a" }]);
    expect(worked[1][0]).toBe("b");
    expect(worked[1][1]).toMatchObject({ ok: false, error: new Error("cannot read b") });
  });

  it("takes a read that throws at once as a failed read", async () => {
    const worked: Settled<string>[] = [];
    const push = batchQueue<string, string>(
      () => {
        throw new Error("no blob");
      },
      async (_item, bytes) => void worked.push(bytes),
    );
    push("a");
    await settle();
    expect(worked).toEqual([{ ok: false, error: new Error("no blob") }]);
  });

  it("goes on with the next batch when a batch's work throws", async () => {
    const worked: string[] = [];
    const push = batchQueue(
      async (item: string) => item,
      async (item) => {
        worked.push(item);
        if (item === "a") throw new Error("work failed");
      },
    );
    push("a");
    push("b");
    await settle();
    await settle();
    expect(worked).toEqual(["a", "b"]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses to read %s batches ahead", (ahead) => {
    expect(() => batchQueue(async () => "", async () => {}, ahead)).toThrow(new RangeError(`ahead must be a whole number ≥ 1, not ${ahead}`));
  });
});
