/**
 * The store over the in-memory backend: learners, appends, typed failures, imports, and
 * two "tabs" (two stores on one backend, as two tabs share one IndexedDB) writing at once.
 */
import { describe, expect, it } from "vitest";
import { ProgressStoreError, StorageFullError, StorageUnavailableError, toStoreError } from "../../../src/lib/progress/errors.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import { createProgressStore, type NewLessonEvent, type NewQuizAttempt } from "../../../src/lib/progress/store.ts";
import { sampleRecord } from "./sample.ts";

const input = { name: "张秀兰", township: "城关镇", village: "东关村" };

const lessonEvent = (n: number): NewLessonEvent => ({
  lesson: "procedure/the-session",
  kind: "opened",
  at: new Date(Date.UTC(2025, 2, 1, 8, 0, n)).toISOString(),
  seconds: n,
});

const attempt = (n: number): NewQuizAttempt => ({
  quiz: "the-session-check",
  seed: `seed-${n}`,
  items: ["who-may-apply"],
  answers: { "who-may-apply": "a" },
  score: 1,
  max: 1,
  passed: true,
  started: new Date(Date.UTC(2025, 2, 1, 9, 0, n)).toISOString(),
  finished: new Date(Date.UTC(2025, 2, 1, 9, 1, n)).toISOString(),
});

async function rejection(promise: Promise<unknown>): Promise<ProgressStoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProgressStoreError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("learners", () => {
  it("create, list, rename and remove", async () => {
    let clock = Date.UTC(2025, 2, 1);
    const store = createProgressStore(new MemoryBackend(), { now: () => new Date((clock += 1000)) });
    const a = await store.createLearner(input);
    const b = await store.createLearner({ name: " 李建国 ", township: "城关镇", village: "" });
    expect(b.name).toBe("李建国");
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await store.listLearners()).map((l) => l.name)).toEqual(["张秀兰", "李建国"]);

    const renamed = await store.renameLearner(a.id, { name: "张秀兰（东关村）" });
    expect(renamed).toMatchObject({ name: "张秀兰（东关村）", township: "城关镇", created: a.created });
    expect(renamed.updated > a.updated).toBe(true);

    expect(await store.removeLearner(a.id)).toBe(true);
    expect(await store.removeLearner(a.id)).toBe(false);
    expect((await store.listLearners()).map((l) => l.id)).toEqual([b.id]);
  });

  it("rejects an empty name, and renaming or reading a learner who is not there", async () => {
    const store = createProgressStore(new MemoryBackend());
    expect((await rejection(store.createLearner({ ...input, name: "  " }))).code).toBe("invalid-data");
    expect((await rejection(store.renameLearner("nobody", { name: "x" }))).code).toBe("learner-not-found");
    expect((await rejection(store.readRecord("nobody"))).code).toBe("learner-not-found");
  });

  it("removing a learner removes their entries", async () => {
    const backend = new MemoryBackend();
    const store = createProgressStore(backend);
    const a = await store.createLearner(input);
    await store.appendLessonEvent(a.id, lessonEvent(1));
    await store.removeLearner(a.id);
    expect(backend.size).toBe(0);
  });
});

describe("appending", () => {
  it("stores each kind of entry and reads them back in chronological order", async () => {
    const store = createProgressStore(new MemoryBackend());
    const { id } = await store.createLearner(input);
    await store.appendLessonEvent(id, lessonEvent(5));
    await store.appendLessonEvent(id, lessonEvent(2));
    const saved = await store.appendAttempt(id, attempt(1));
    const run = sampleRecord().runs[0];
    await store.appendRun(id, { ...run, id: undefined });
    const record = await store.readRecord(id);
    expect(record.version).toBe(2);
    expect(record.lessons.map((e) => e.seconds)).toEqual([2, 5]);
    expect(record.attempts).toEqual([saved]);
    expect(record.runs).toHaveLength(1);
    expect(record.runs[0].log).toEqual(run.log);
  });

  it("a retried append with the same id stays one entry", async () => {
    const store = createProgressStore(new MemoryBackend());
    const { id } = await store.createLearner(input);
    await store.appendAttempt(id, { ...attempt(1), id: "attempt-fixed-id" });
    await store.appendAttempt(id, { ...attempt(1), id: "attempt-fixed-id" });
    expect((await store.readRecord(id)).attempts).toHaveLength(1);
  });

  it("refuses invalid entries before writing anything", async () => {
    const backend = new MemoryBackend();
    const store = createProgressStore(backend);
    const { id } = await store.createLearner(input);
    const error = await rejection(store.appendAttempt(id, { ...attempt(1), score: 5, max: 1 }));
    expect(error.code).toBe("invalid-data");
    expect(error.message).toContain("得分不能高于满分");
    expect((await rejection(store.appendLessonEvent(id, { ...lessonEvent(1), lesson: "the-session" }))).code).toBe("invalid-data");
    expect(backend.size).toBe(0);
  });

  it("refuses to write for a learner that does not exist (no orphan entries)", async () => {
    const backend = new MemoryBackend();
    const store = createProgressStore(backend);
    expect((await rejection(store.appendLessonEvent("ghost-learner", lessonEvent(1)))).code).toBe("learner-not-found");
    expect(backend.size).toBe(0);
  });

  it("hands out copies: changing a returned record does not change the store", async () => {
    const store = createProgressStore(new MemoryBackend());
    const { id } = await store.createLearner(input);
    await store.appendLessonEvent(id, lessonEvent(1));
    const record = await store.readRecord(id);
    record.lessons[0].seconds = 9999;
    record.learner.name = "改";
    const again = await store.readRecord(id);
    expect(again.lessons[0].seconds).toBe(1);
    expect(again.learner.name).toBe("张秀兰");
  });
});

describe("two tabs writing at once", () => {
  it("lose no record: 100 events from each tab, interleaved", async () => {
    const backend = new MemoryBackend();
    const tabA = createProgressStore(backend);
    const tabB = createProgressStore(backend);
    const { id } = await tabA.createLearner(input);
    await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => tabA.appendLessonEvent(id, lessonEvent(i))),
      ...Array.from({ length: 100 }, (_, i) => tabB.appendAttempt(id, attempt(i))),
      ...Array.from({ length: 100 }, (_, i) => tabB.appendLessonEvent(id, lessonEvent(i))),
    ]);
    const seenByA = await tabA.readRecord(id);
    expect(seenByA.lessons).toHaveLength(200);
    expect(seenByA.attempts).toHaveLength(100);
    expect(await tabB.readRecord(id)).toEqual(seenByA);
  });

  it("control: the same interleaving does lose records with whole-document rewrites, so the test above can fail", async () => {
    // What the store must not do: read the whole record, change it, write it all back.
    let stored: string[] = [];
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
    const naiveAppend = async (entry: string) => {
      await turn();
      const doc = [...stored];
      await turn();
      stored = [...doc, entry];
    };
    await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => naiveAppend(`a${i}`)),
      ...Array.from({ length: 100 }, (_, i) => naiveAppend(`b${i}`)),
    ]);
    expect(stored.length).toBeLessThan(200);
  });

  it("a tab holding a stale record still cannot overwrite the other tab's entries", async () => {
    const backend = new MemoryBackend();
    const tabA = createProgressStore(backend);
    const tabB = createProgressStore(backend);
    const { id } = await tabA.createLearner(input);
    const stale = await tabA.readRecord(id);
    await tabB.appendAttempt(id, attempt(1));
    await tabA.appendLessonEvent(id, lessonEvent(1));
    expect(stale.attempts).toHaveLength(0);
    const record = await tabA.readRecord(id);
    expect([record.attempts.length, record.lessons.length]).toEqual([1, 1]);
  });

  it("a rename in one tab while the other appends keeps both", async () => {
    const backend = new MemoryBackend();
    const tabA = createProgressStore(backend);
    const tabB = createProgressStore(backend);
    const { id } = await tabA.createLearner(input);
    await Promise.all([
      tabA.renameLearner(id, { village: "西关村" }),
      ...Array.from({ length: 20 }, (_, i) => tabB.appendLessonEvent(id, lessonEvent(i))),
      tabB.renameLearner(id, { name: "张秀兰" }),
    ]);
    const record = await tabA.readRecord(id);
    expect(record.lessons).toHaveLength(20);
    expect(record.learner.village).toBe("西关村");
  });

  it("a learner removed in one tab: the other tab's write fails loudly instead of leaving orphans", async () => {
    const backend = new MemoryBackend();
    const tabA = createProgressStore(backend);
    const tabB = createProgressStore(backend);
    const { id } = await tabA.createLearner(input);
    const [, appended] = await Promise.allSettled([tabA.removeLearner(id), tabB.appendLessonEvent(id, lessonEvent(1))]);
    expect(appended.status).toBe("rejected");
    expect(backend.size).toBe(0);
  });
});

describe("storage failures surface as typed errors", () => {
  it("full storage: StorageFullError, and what was saved before is intact", async () => {
    const backend = new MemoryBackend({ maxEntries: 3 });
    const store = createProgressStore(backend);
    const { id } = await store.createLearner(input);
    for (let i = 0; i < 3; i++) await store.appendLessonEvent(id, lessonEvent(i));
    const error = await rejection(store.appendLessonEvent(id, lessonEvent(9)));
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.code).toBe("storage-full");
    expect(error.message).toContain("导出");
    expect((error.cause as Error).name).toBe("QuotaExceededError");
    expect((await store.readRecord(id)).lessons).toHaveLength(3);
  });

  it("unavailable storage: StorageUnavailableError on every call", async () => {
    const backend = new MemoryBackend();
    const store = createProgressStore(backend);
    const { id } = await store.createLearner(input);
    backend.unavailable = true;
    expect(await rejection(store.listLearners())).toBeInstanceOf(StorageUnavailableError);
    expect(await rejection(store.appendLessonEvent(id, lessonEvent(1)))).toBeInstanceOf(StorageUnavailableError);
    expect(await rejection(store.readRecord(id))).toBeInstanceOf(StorageUnavailableError);
  });

  it("maps browser error names, and wraps anything else without losing it", () => {
    const named = (name: string) => Object.assign(new Error(name), { name });
    expect(toStoreError(named("QuotaExceededError"))).toBeInstanceOf(StorageFullError);
    expect(toStoreError(named("NS_ERROR_DOM_QUOTA_REACHED"))).toBeInstanceOf(StorageFullError);
    expect(toStoreError(named("SecurityError"))).toBeInstanceOf(StorageUnavailableError);
    expect(toStoreError(named("InvalidStateError"))).toBeInstanceOf(StorageUnavailableError);
    const other = new TypeError("boom");
    const wrapped = toStoreError(other);
    expect(wrapped.code).toBe("storage-failed");
    expect(wrapped.cause).toBe(other);
    const typed = new ProgressStoreError("learner-exists");
    expect(toStoreError(typed)).toBe(typed);
  });
});

describe("importRecord", () => {
  it("creates a learner who is new to this device", async () => {
    const store = createProgressStore(new MemoryBackend());
    const outcome = await store.importRecord(sampleRecord());
    expect(outcome).toMatchObject({ created: true, added: 4 });
    expect(await store.readRecord(sampleRecord().learner.id)).toEqual(sampleRecord());
  });

  it("merges into the same learner: union, no duplicates, idempotent", async () => {
    const store = createProgressStore(new MemoryBackend());
    await store.importRecord(sampleRecord());
    const id = sampleRecord().learner.id;
    await store.appendLessonEvent(id, lessonEvent(30));
    const incoming = sampleRecord();
    incoming.attempts.push({ ...incoming.attempts[0], id: "from-phone", started: "2025-03-05T08:00:00.000Z", finished: "2025-03-05T08:04:00.000Z" });
    const outcome = await store.importRecord(incoming);
    expect(outcome).toMatchObject({ created: false, added: 1 });
    expect(await store.importRecord(incoming)).toMatchObject({ created: false, added: 0 });
    const record = await store.readRecord(id);
    expect(record.lessons).toHaveLength(3);
    expect(record.attempts.map((a) => a.id)).toEqual(["at-1", "from-phone"]);
  });

  it("keeps the newer profile", async () => {
    const store = createProgressStore(new MemoryBackend());
    await store.importRecord(sampleRecord());
    const older = sampleRecord();
    older.learner = { ...older.learner, name: "旧名", updated: "2020-01-01T00:00:00.000Z" };
    expect((await store.importRecord(older)).learner.name).toBe("张秀兰");
    const newer = sampleRecord();
    newer.learner = { ...newer.learner, name: "新名", updated: "2030-01-01T00:00:00.000Z" };
    expect((await store.importRecord(newer)).learner.name).toBe("新名");
  });

  it("is all or nothing: a full disk leaves the device as it was", async () => {
    const backend = new MemoryBackend({ maxEntries: 5 });
    const store = createProgressStore(backend);
    const { id } = await store.createLearner(input);
    await store.appendLessonEvent(id, lessonEvent(1));
    await store.appendLessonEvent(id, lessonEvent(2));
    const before = await store.readRecord(id);
    expect(await rejection(store.importRecord(sampleRecord()))).toBeInstanceOf(StorageFullError);
    expect(await store.listLearners()).toEqual([before.learner]);
    expect(await store.readRecord(id)).toEqual(before);
    expect(backend.size).toBe(2);
  });

  it("refuses an invalid record without writing", async () => {
    const backend = new MemoryBackend();
    const store = createProgressStore(backend);
    const bad = sampleRecord();
    bad.lessons.push({ ...bad.lessons[0] });
    const error = await rejection(store.importRecord(bad));
    expect(error.code).toBe("invalid-data");
    expect(error.message).toContain("重复");
    expect(await store.listLearners()).toEqual([]);
  });
});
