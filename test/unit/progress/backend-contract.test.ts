/**
 * The ProgressBackend contract (store.ts), held by both backends alike: one learner's
 * reads, digests and removal never see another learner's entries; a commit only takes
 * entries of its own learner; `resolve` decides between a stored copy and an incoming one
 * ("stored" keeps, "incoming" replaces, only an answer other than "same" is a conflict);
 * and a plain retried append is no conflict at all.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { ProgressStoreError } from "../../../src/lib/progress/errors.ts";
import { IndexedDbBackend } from "../../../src/lib/progress/indexeddb-backend.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import type { LearnerProfile, LessonEvent } from "../../../src/lib/progress/schema.ts";
import type { ProgressBackend, StoredEntry } from "../../../src/lib/progress/store.ts";

const opened: IndexedDbBackend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.close()));
let dbCount = 0;

const backends: [string, () => Promise<ProgressBackend>][] = [
  ["memory", async () => new MemoryBackend()],
  [
    "IndexedDB",
    async () => {
      const backend = await IndexedDbBackend.open({ name: `contract-${++dbCount}` });
      opened.push(backend);
      return backend;
    },
  ],
];

const profile = (id: string): LearnerProfile => ({
  id,
  name: `学员${id}`,
  township: "城关镇",
  village: "",
  created: "2025-03-01T08:00:00.000Z",
  updated: "2025-03-01T08:00:00.000Z",
});

const lesson = (learner: string, id: string, seconds: number, subject = "procedure/the-session"): StoredEntry & { value: LessonEvent } => ({
  learner,
  kind: "lesson",
  id,
  value: { id, lesson: subject, kind: "opened", at: "2025-03-01T08:05:00.000Z", seconds },
});

async function withTwoLearners(backend: ProgressBackend) {
  await backend.commit("A", { profile: () => profile("A"), entries: [lesson("A", "a1", 60), lesson("A", "a2", 120)] });
  await backend.commit("B", { profile: () => profile("B"), entries: [lesson("B", "b1", 600, "basics/principles")] });
}

const seconds = (entries: StoredEntry[] | undefined) => (entries ?? []).map((e) => (e.value as LessonEvent).seconds).sort((a, b) => a - b);

describe.each(backends)("%s backend", (_name, make) => {
  it("reads one learner's entries only", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    expect(seconds((await backend.read("A"))?.entries)).toEqual([60, 120]);
    expect(seconds((await backend.read("B"))?.entries)).toEqual([600]);
  });

  it("a learner with no entries has no digests", async () => {
    const backend = await make();
    await backend.commit("A", { profile: () => profile("A") });
    expect((await backend.readDigests("A"))?.digests).toEqual([]);
  });

  it("removing a learner keeps every other learner's entries and digests", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    expect(await backend.remove("A")).toBe(true);
    expect(await backend.read("A")).toBeUndefined();
    expect(seconds((await backend.read("B"))?.entries)).toEqual([600]);
    expect((await backend.readDigests("B"))?.digests.map((d) => d.subject)).toEqual(["basics/principles"]);
  });

  it("refuses, whole, a commit that carries another learner's entry", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    const error = await backend.commit("A", { entries: [lesson("A", "a3", 5), lesson("B", "b2", 5)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressStoreError);
    expect((error as ProgressStoreError).code).toBe("invalid-data");
    expect(seconds((await backend.read("A"))?.entries)).toEqual([60, 120]);
    expect(seconds((await backend.read("B"))?.entries)).toEqual([600]);
  });

  it("a retried append adds nothing and is no conflict", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    const result = await backend.commit("A", { entries: [lesson("A", "a1", 60)] });
    expect(result).toMatchObject({ added: 0, conflicts: 0, addedKinds: { lesson: 0, attempt: 0, run: 0 } });
  });

  it('resolve "stored" keeps the stored copy; "incoming" replaces it; both count as conflicts, "same" does not', async () => {
    const backend = await make();
    await withTwoLearners(backend);
    const kept = await backend.commit("A", { entries: [lesson("A", "a1", 999)], resolve: () => "stored" });
    expect(kept).toMatchObject({ added: 0, conflicts: 1 });
    expect(seconds((await backend.read("A"))?.entries)).toEqual([60, 120]);

    const same = await backend.commit("A", { entries: [lesson("A", "a1", 999)], resolve: () => "same" });
    expect(same).toMatchObject({ added: 0, conflicts: 0 });

    const replaced = await backend.commit("A", { entries: [lesson("A", "a1", 999)], resolve: () => "incoming" });
    expect(replaced).toMatchObject({ added: 0, conflicts: 1 });
    expect(seconds((await backend.read("A"))?.entries)).toEqual([120, 999]);
  });

  it("compares a second copy in one commit with the first, not with what was stored before", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    const seen: number[] = [];
    const result = await backend.commit("A", {
      entries: [lesson("A", "new", 1), lesson("A", "new", 2)],
      resolve: (stored) => {
        seen.push((stored.value as LessonEvent).seconds);
        return "incoming";
      },
    });
    expect(seen).toEqual([1]);
    expect(result).toMatchObject({ added: 1, conflicts: 1 });
    expect(seconds((await backend.read("A"))?.entries)).toEqual([2, 60, 120]);
  });

  it("a replaced entry rebuilds the learner's digests from that learner's entries alone", async () => {
    const backend = await make();
    await withTwoLearners(backend);
    // B studies the same lesson as A: its time must not flow into A's totals.
    await backend.commit("B", { entries: [lesson("B", "b-same-lesson", 3000)] });
    await backend.commit("A", { entries: [lesson("A", "a1", 30)], resolve: () => "incoming" });
    const digests = (await backend.readDigests("A"))?.digests ?? [];
    expect(digests.map((d) => [d.subject, d.kind === "lesson" ? d.visits : -1])).toEqual([["procedure/the-session", 2]]);
  });
});
