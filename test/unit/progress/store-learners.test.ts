/**
 * The store's own promises about learners and imports: the list is oldest first (ties by
 * id), whatever order the backend returns; a new learner never overwrites one with the
 * same id; an import says truthfully whether it created the learner and whether it changed
 * the profile here; a refused entry names every problem, one by one.
 */
import { describe, expect, it } from "vitest";
import { ProgressStoreError } from "../../../src/lib/progress/errors.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import { createProgressStore } from "../../../src/lib/progress/store.ts";
import { LEARNER, sampleRecord } from "./sample.ts";

const input = { name: "张秀兰", township: "城关镇", village: "东关村" };

/** A store whose clock and ids are the ones given, in order. */
function storeWith(times: string[], ids: string[], backend = new MemoryBackend()) {
  return createProgressStore(backend, { now: () => new Date(times.shift()!), newId: () => ids.shift()! });
}

describe("listLearners", () => {
  it("is oldest first, and by id among learners created at the same moment", async () => {
    const t1 = "2025-03-01T08:00:00.000Z";
    const t0 = "2025-02-01T08:00:00.000Z";
    const store = storeWith([t1, t1, t0], ["cccccccccccccccc", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);
    for (const name of ["丙", "甲", "乙"]) await store.createLearner({ ...input, name });
    expect((await store.listLearners()).map((l) => l.name)).toEqual(["乙", "甲", "丙"]);
  });
});

describe("createLearner", () => {
  it("never overwrites a learner who has the same id", async () => {
    const backend = new MemoryBackend();
    const store = storeWith(["2025-03-01T08:00:00.000Z", "2025-03-02T08:00:00.000Z"], ["sameidsameidsame", "sameidsameidsame"], backend);
    await store.createLearner(input);
    const error = await store.createLearner({ ...input, name: "李建国" }).catch((e: unknown) => e);
    expect((error as ProgressStoreError).code).toBe("learner-exists");
    expect((await store.listLearners()).map((l) => l.name)).toEqual(["张秀兰"]);
  });
});

describe("importRecord outcome", () => {
  it("a learner new to this device: created, and no profile change is reported", async () => {
    const store = createProgressStore(new MemoryBackend());
    const outcome = await store.importRecord(sampleRecord());
    expect(outcome).toMatchObject({ created: true, profileChanged: false });
  });

  it("the same learner again: not created, profile unchanged; a newer name: profile changed", async () => {
    const store = createProgressStore(new MemoryBackend());
    await store.importRecord(sampleRecord());
    expect(await store.importRecord(sampleRecord())).toMatchObject({ created: false, profileChanged: false });

    const renamed = sampleRecord();
    renamed.learner = { ...renamed.learner, name: "张秀兰（东关村）", updated: "2025-04-01T08:00:00.000Z", changed: { name: "2025-04-01T08:00:00.000Z" } };
    const outcome = await store.importRecord(renamed);
    expect(outcome).toMatchObject({ created: false, profileChanged: true });
    expect(outcome.learner.name).toBe("张秀兰（东关村）");
    expect((await store.readRecord(LEARNER)).learner.name).toBe("张秀兰（东关村）");

    // Each field alone counts: a new township, then a new village.
    for (const [field, value, at] of [["township", "西坪镇", "2025-05-01T08:00:00.000Z"], ["village", "西关村", "2025-06-01T08:00:00.000Z"]] as const) {
      const moved = sampleRecord();
      moved.learner = { ...moved.learner, [field]: value, updated: at, changed: { [field]: at } };
      expect(await store.importRecord(moved)).toMatchObject({ profileChanged: true, learner: { [field]: value } });
    }
  });
});

describe("a refused entry", () => {
  it("names each problem, separated, so a developer can read them", async () => {
    const store = createProgressStore(new MemoryBackend());
    const { id } = await store.createLearner(input);
    const error = (await store
      .appendLessonEvent(id, { lesson: "procedure/the-session", kind: "opened", at: "yesterday", seconds: -1 })
      .catch((e: unknown) => e)) as ProgressStoreError;
    expect(error.code).toBe("invalid-data");
    expect(error.message).toContain("at：格式不对；seconds：超出范围");
  });
});
