/**
 * The IndexedDB backend (over fake-indexeddb) keeps the store's guarantees: atomic
 * commits, add-only entries, two connections ("tabs") appending at once lose nothing,
 * and removal takes a learner's entries with it.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { ProgressStoreError } from "../../../src/lib/progress/errors.ts";
import { IndexedDbBackend, requestPersistentStorage } from "../../../src/lib/progress/indexeddb-backend.ts";
import { createProgressStore } from "../../../src/lib/progress/store.ts";
import { sampleRecord } from "./sample.ts";

let dbCount = 0;
const opened: IndexedDbBackend[] = [];
async function open(name: string) {
  const backend = await IndexedDbBackend.open({ name });
  opened.push(backend);
  return backend;
}
const freshName = () => `test-progress-${++dbCount}`;
afterEach(() => opened.splice(0).forEach((b) => b.close()));

const input = { name: "张秀兰", township: "城关镇", village: "东关村" };
const event = (n: number) => ({ lesson: "procedure/the-session", kind: "opened" as const, at: new Date(Date.UTC(2025, 2, 1, 8, 0, n)).toISOString(), seconds: n });

describe("IndexedDbBackend", () => {
  it("creates, lists, renames and reads a learner", async () => {
    const store = createProgressStore(await open(freshName()));
    const learner = await store.createLearner(input);
    await store.renameLearner(learner.id, { village: "西关村" });
    expect((await store.listLearners()).map((l) => l.village)).toEqual(["西关村"]);
    await store.appendLessonEvent(learner.id, event(1));
    const record = await store.readRecord(learner.id);
    expect(record.lessons).toHaveLength(1);
    expect(record.learner.name).toBe("张秀兰");
  });

  it("keeps every record when two tabs append at once", async () => {
    const name = freshName();
    const tabA = createProgressStore(await open(name));
    const tabB = createProgressStore(await open(name));
    const learner = await tabA.createLearner(input);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? tabA : tabB).appendLessonEvent(learner.id, event(i))));
    expect((await tabB.readRecord(learner.id)).lessons).toHaveLength(20);
  });

  it("adds an entry whose key exists only once (a retried write stays one record)", async () => {
    const store = createProgressStore(await open(freshName()));
    const learner = await store.createLearner(input);
    await store.appendLessonEvent(learner.id, { ...event(1), id: "fixed-id" });
    await store.appendLessonEvent(learner.id, { ...event(1), id: "fixed-id" });
    expect((await store.readRecord(learner.id)).lessons).toHaveLength(1);
  });

  it("rejects an append for a learner removed in another tab, writing nothing", async () => {
    const name = freshName();
    const backend = await open(name);
    const tabA = createProgressStore(backend);
    const tabB = createProgressStore(await open(name));
    const learner = await tabA.createLearner(input);
    expect(await tabB.removeLearner(learner.id)).toBe(true);
    const error = await tabA.appendLessonEvent(learner.id, event(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressStoreError);
    expect((error as ProgressStoreError).code).toBe("learner-not-found");
    expect(await backend.read(learner.id)).toBeUndefined();
  });

  it("aborts the whole commit when the profile callback throws", async () => {
    const backend = await open(freshName());
    const store = createProgressStore(backend);
    const learner = await store.createLearner(input);
    await expect(
      backend.commit(learner.id, {
        profile: () => {
          throw new ProgressStoreError("learner-mismatch");
        },
        entries: [{ learner: learner.id, kind: "lesson", id: "x", value: { id: "x", ...event(2) } }],
      }),
    ).rejects.toMatchObject({ code: "learner-mismatch" });
    expect((await store.readRecord(learner.id)).lessons).toHaveLength(0);
  });

  it("imports a record and merges a second import without duplicates", async () => {
    const store = createProgressStore(await open(freshName()));
    const record = sampleRecord();
    const first = await store.importRecord(record);
    const again = await store.importRecord(record);
    expect(first.created).toBe(true);
    expect(again.added).toBe(0);
    const stored = await store.readRecord(record.learner.id);
    expect(stored.attempts).toHaveLength(record.attempts.length);
  });

  it("removes a learner with all entries, and only that learner", async () => {
    const store = createProgressStore(await open(freshName()));
    const a = await store.createLearner(input);
    const b = await store.createLearner({ ...input, name: "李明" });
    await store.appendLessonEvent(a.id, event(1));
    await store.appendLessonEvent(b.id, event(2));
    expect(await store.removeLearner(a.id)).toBe(true);
    expect(await store.removeLearner(a.id)).toBe(false);
    expect((await store.listLearners()).map((l) => l.name)).toEqual(["李明"]);
    expect((await store.readRecord(b.id)).lessons).toHaveLength(1);
  });
});

describe("requestPersistentStorage", () => {
  it("is false without the API and true once granted", async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe(true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => Promise.reject(new Error("no")) })).toBe(false);
  });
});
