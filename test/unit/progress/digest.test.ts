/**
 * Digests are a cache of the entries: however entries arrive (one by one, in batches, in
 * any order, twice, from two tabs, from an import), the digests the store keeps must equal
 * the digests of the whole record computed at once. Both backends are checked.
 */
import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it } from "vitest";
import { addToDigests, combine, digestOf, digestRecord, sortDigests, type Digest, type DigestSource } from "../../../src/lib/progress/digest.ts";
import { studySeconds } from "../../../src/lib/progress/hours.ts";
import { IndexedDbBackend } from "../../../src/lib/progress/indexeddb-backend.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "../../../src/lib/progress/schema.ts";
import { createProgressStore, type ProgressBackend } from "../../../src/lib/progress/store.ts";
import { mulberry32 } from "../../../src/lib/quiz/draw.ts";
import { LEARNER, sampleRecord } from "./sample.ts";

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 8, 0) + minute * 60_000).toISOString();

/** A varied record: several lessons, quizzes and scenarios, equal scores and equal times included. */
function randomRecord(seed: number, size = 120): ProgressRecord {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const lessons: LessonEvent[] = [];
  const attempts: QuizAttempt[] = [];
  const runs: ScenarioRun[] = [];
  for (let n = 0; n < size; n++) {
    const minute = Math.floor(random() * 40); // few distinct times: ties happen
    const kind = pick(["lesson", "attempt", "run"] as const);
    if (kind === "lesson") {
      lessons.push({ id: `l${n}`, lesson: pick(["basics/a", "basics/b", "procedure/c"]), kind: pick(["opened", "completed"] as const), at: at(minute), seconds: Math.floor(random() * 20_000) });
    } else if (kind === "attempt") {
      const max = pick([4, 5, 10]);
      const score = Math.floor(random() * (max + 1));
      attempts.push({ id: `a${n}`, quiz: pick(["q-one", "q-two"]), seed: "s", items: [], answers: {}, score, max, passed: score / max >= 0.6, started: at(minute), finished: at(minute + Math.floor(random() * 300)) });
    } else {
      // "unscored" only ever has max 0: every ratio ties and the tie-break alone decides.
      const scenario = pick(["drainage-ditch", "wage-arrears", "unscored"]);
      const max = scenario === "unscored" ? 0 : pick([0, 10]);
      runs.push({ id: `r${n}`, scenario, log: [], path: [], ending: "end", outcome: pick(["lawful-agreement", "escalation", undefined]), score: Math.floor(random() * 11), max, started: at(minute), finished: at(minute + 1) });
    }
  }
  return { ...sampleRecord(), lessons, attempts, runs };
}

const sources = (record: ProgressRecord): DigestSource[] => [
  ...record.lessons.map((value) => ({ kind: "lesson" as const, value })),
  ...record.attempts.map((value) => ({ kind: "attempt" as const, value })),
  ...record.runs.map((value) => ({ kind: "run" as const, value })),
];

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Drop undefined fields, as a stored copy may. */
const plain = (digests: Digest[]) => JSON.parse(JSON.stringify(sortDigests([...digests]))) as Digest[];

describe("digests", () => {
  it("sum a record's study time exactly as hours.ts does", () => {
    for (const record of [sampleRecord(), randomRecord(1), randomRecord(2)]) {
      const ms = digestRecord(record).reduce((sum, d) => sum + d.ms, 0);
      expect(Math.round(ms / 1000)).toBe(studySeconds(record));
    }
  });

  it("describe the sample record", () => {
    expect(plain(digestRecord(sampleRecord()))).toEqual([
      { kind: "lesson", subject: "procedure/the-session", visits: 1, completed: true, completedAt: "2025-03-01T08:20:00.000Z", ms: 900_000, last: "2025-03-01T08:20:00.000Z" },
      { kind: "quiz", subject: "the-session-check", attempts: 1, bestScore: 2, max: 2, passed: true, ms: 270_000, last: "2025-03-01T08:25:30.000Z" },
      { kind: "scenario", subject: "boundary-wall", runs: 1, bestScore: 8, max: 10, lastOutcome: "lawful-agreement", ms: 720_000, last: "2025-03-02T09:12:00.000Z" },
    ]);
  });

  it("come out the same whatever the order and batching of the entries", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const record = randomRecord(seed);
      const expected = plain(digestRecord(record));
      const random = mulberry32(seed * 7919);
      const map = new Map<string, Digest>();
      const all = shuffled(sources(record), random);
      for (let i = 0; i < all.length; ) {
        const size = 1 + Math.floor(random() * 5);
        // A batch is digested on its own first, then combined in, as a commit does.
        for (const batch of addToDigests(new Map(), all.slice(i, i + size))) {
          const key = `${batch.kind}\u0000${batch.subject}`;
          const current = map.get(key);
          map.set(key, current ? combine(current, batch) : batch);
        }
        i += size;
      }
      expect(plain([...map.values()])).toEqual(expected);
    }
  });

  it("keep the best score by ratio and the latest outcome", () => {
    const a = digestOf({ kind: "attempt", value: { ...sampleRecord().attempts[0]!, score: 3, max: 4 } });
    const b = digestOf({ kind: "attempt", value: { ...sampleRecord().attempts[0]!, score: 7, max: 10 } });
    expect(combine(a, b)).toMatchObject({ attempts: 2, bestScore: 3, max: 4 });
    expect(combine(b, a)).toEqual(combine(a, b));
  });

  it("refuse to combine different subjects", () => {
    const record = randomRecord(3);
    const [x, y] = digestRecord({ ...record, lessons: [], runs: [] });
    expect(() => combine(x!, y!)).toThrow(/cannot combine/);
  });
});

const backends: [string, () => Promise<ProgressBackend>][] = [
  ["memory", async () => new MemoryBackend()],
  ["indexeddb", () => openBackend(`digest-test-${++dbCount}`)],
];
let dbCount = 0;
const opened: IndexedDbBackend[] = [];
async function openBackend(name: string) {
  const backend = await IndexedDbBackend.open({ name });
  opened.push(backend);
  return backend;
}
afterEach(() => opened.splice(0).forEach((b) => b.close()));

describe.each(backends)("the %s backend keeps digests in step with the entries", (_name, make) => {
  it("after an import, a repeated import, and appends from two tabs at once", async () => {
    const backend = await make();
    const store = createProgressStore(backend);
    const record = randomRecord(11);
    await store.importRecord({ ...record, attempts: record.attempts.slice(0, 10) });
    await store.importRecord(record); // overlaps the first: the 10 must not count twice
    await store.importRecord(record);
    const extra = randomRecord(12, 60);
    const tabB = createProgressStore(backend);
    await Promise.all([
      ...extra.lessons.map((e, i) => (i % 2 ? store : tabB).appendLessonEvent(LEARNER, { ...e, id: `x${e.id}` })),
      ...extra.attempts.map((a, i) => (i % 2 ? tabB : store).appendAttempt(LEARNER, { ...a, id: `x${a.id}` })),
      ...extra.runs.map((r) => tabB.appendRun(LEARNER, { ...r, id: `x${r.id}` })),
    ]);
    const overview = await store.readOverview(LEARNER);
    const full = await store.readRecord(LEARNER);
    expect(full.attempts.length).toBe(record.attempts.length + extra.attempts.length);
    expect(plain(overview.digests)).toEqual(plain(digestRecord(full)));
    expect(overview.learner.id).toBe(LEARNER);
  });

  it("a removed learner's digests go with them", async () => {
    const store = createProgressStore(await make());
    await store.importRecord(randomRecord(13));
    await store.removeLearner(LEARNER);
    await expect(store.readOverview(LEARNER)).rejects.toMatchObject({ code: "learner-not-found" });
    const small = sampleRecord();
    await store.importRecord(small);
    expect(plain((await store.readOverview(LEARNER)).digests)).toEqual(plain(digestRecord(small)));
  });
});

describe("upgrading an IndexedDB database from version 1", () => {
  it("builds every learner's digests from the entries already stored", async () => {
    const name = `digest-upgrade-${++dbCount}`;
    const record = randomRecord(21);
    const other = { ...randomRecord(22, 30), learner: { ...sampleRecord().learner, id: "OtherLearner0001" } };
    // The version 1 layout, written as the previous release did.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore("learners", { keyPath: "id" });
        db.createObjectStore("entries", { keyPath: ["learner", "kind", "id"] });
      },
    });
    const tx = v1.transaction(["learners", "entries"], "readwrite");
    for (const r of [record, other]) {
      void tx.objectStore("learners").put(r.learner);
      for (const value of r.lessons) void tx.objectStore("entries").put({ learner: r.learner.id, kind: "lesson", id: value.id, value });
      for (const value of r.attempts) void tx.objectStore("entries").put({ learner: r.learner.id, kind: "attempt", id: value.id, value });
      for (const value of r.runs) void tx.objectStore("entries").put({ learner: r.learner.id, kind: "run", id: value.id, value });
    }
    await tx.done;
    v1.close();

    const store = createProgressStore(await openBackend(name));
    expect(plain((await store.readOverview(LEARNER)).digests)).toEqual(plain(digestRecord(record)));
    expect(plain((await store.readOverview("OtherLearner0001")).digests)).toEqual(plain(digestRecord(other)));
    expect((await store.readRecord(LEARNER)).attempts).toHaveLength(record.attempts.length);
  });
});
