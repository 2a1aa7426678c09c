import { beforeEach, describe, expect, it } from "vitest";
import { choose, resume, start } from "../../../src/lib/scenario/engine.ts";
import { clearRunsOf, LOCAL_SAVE_PREFIX, LocalStorageSaveSlot, localSaveKey, type StorageLike } from "../../../src/lib/scenario/local-save.ts";
import type { SaveSlot } from "../../../src/lib/scenario/save.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { example } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});
const key = { scenarioId: "example-boundary-wall", learnerId: "local" };

/** A Map behind the Storage API, with switches for the failures real browsers produce. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failWrites?: () => Error;
  failReads = false;

  getItem(k: string) {
    if (this.failReads) throw new DOMException("The operation is insecure.", "SecurityError");
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw this.failWrites();
    this.items.set(k, v);
  }
  removeItem(k: string) {
    if (this.failWrites) throw this.failWrites();
    this.items.delete(k);
  }
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
}

const quotaError = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("LocalStorageSaveSlot", () => {
  it("is a SaveSlot, whose save and clear never throw either", async () => {
    const storage = new FakeStorage();
    const slot: SaveSlot = new LocalStorageSaveSlot(storage);
    await slot.save(key, start(scenario));
    expect(await slot.load(key)).toEqual(start(scenario));
    storage.failWrites = quotaError;
    await expect(slot.save(key, start(scenario))).resolves.toBeUndefined();
    await expect(slot.clear(key)).resolves.toBeUndefined();
    storage.failWrites = undefined;
    await slot.clear(key);
    expect(await slot.load(key)).toBeUndefined();
  });

  it("saves a run after a step and resumes it from a fresh slot over the same storage", async () => {
    const storage = new FakeStorage();
    const state = choose(scenario, start(scenario), "calm-and-ask-consent");
    expect(await new LocalStorageSaveSlot(storage).trySave(key, state)).toEqual({ ok: true });

    const loaded = await new LocalStorageSaveSlot(storage).load(key);
    expect(loaded).toEqual(state);
    expect(resume(scenario, loaded)).toMatchObject({ state, applied: 1, dropped: 0 });
  });

  it("keys each run by a versioned prefix, learner and scenario", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    await slot.trySave(key, start(scenario));
    expect([...storage.items.keys()]).toEqual(["ma.scenarioRun.v1:local:example-boundary-wall"]);
    expect(await slot.load({ ...key, learnerId: "someone-else" })).toBeUndefined();
    expect(await slot.load({ ...key, scenarioId: "other" })).toBeUndefined();
  });

  it("keeps keys unambiguous when an id contains the separator", () => {
    expect(localSaveKey({ learnerId: "a:b", scenarioId: "c" })).not.toBe(localSaveKey({ learnerId: "a", scenarioId: "b:c" }));
  });

  it("keeps the notes when the run is saved, and the run when the notes are saved", async () => {
    const slot = new LocalStorageSaveSlot(new FakeStorage());
    const first = start(scenario);
    await slot.trySave(key, first);
    await slot.trySaveNotes(key, "李家有 1987 年的宅基地证");
    const second = choose(scenario, first, "calm-and-ask-consent");
    await slot.trySave(key, second);
    expect(await slot.loadNotes(key)).toBe("李家有 1987 年的宅基地证");
    expect(await slot.load(key)).toEqual(second);
  });

  it("clears the run and its notes", async () => {
    const slot = new LocalStorageSaveSlot(new FakeStorage());
    await slot.trySave(key, start(scenario));
    await slot.trySaveNotes(key, "笔记");
    expect(await slot.tryClear(key)).toEqual({ ok: true });
    expect(await slot.load(key)).toBeUndefined();
    expect(await slot.loadNotes(key)).toBe("");
  });

  it("reports a full storage instead of throwing, and keeps the earlier save", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    const first = start(scenario);
    await slot.trySave(key, first);
    storage.failWrites = quotaError;
    expect(await slot.trySave(key, choose(scenario, first, "calm-and-ask-consent"))).toEqual({ ok: false, reason: "quota" });
    expect(await slot.trySaveNotes(key, "笔记")).toEqual({ ok: false, reason: "quota" });
    expect(await slot.load(key)).toEqual(first);
  });

  it("recognises the quota error by its legacy names and codes", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    for (const error of [
      Object.assign(new Error("full"), { name: "NS_ERROR_DOM_QUOTA_REACHED" }),
      Object.assign(new Error("full"), { code: 22 }),
      Object.assign(new Error("full"), { code: 1014 }),
    ]) {
      storage.failWrites = () => error;
      expect(await slot.trySave(key, start(scenario))).toEqual({ ok: false, reason: "quota" });
    }
  });

  it("reports other write failures as unavailable", async () => {
    const storage = new FakeStorage();
    storage.failWrites = () => new DOMException("The operation is insecure.", "SecurityError");
    const slot = new LocalStorageSaveSlot(storage);
    expect(await slot.trySave(key, start(scenario))).toEqual({ ok: false, reason: "unavailable" });
    expect(await slot.tryClear(key)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("works without any storage: nothing to load, every write unavailable", async () => {
    const slot = new LocalStorageSaveSlot(undefined);
    expect(await slot.load(key)).toBeUndefined();
    expect(await slot.loadNotes(key)).toBe("");
    expect(await slot.trySave(key, start(scenario))).toEqual({ ok: false, reason: "unavailable" });
    expect(await slot.tryClear(key)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("loads nothing when reading is blocked", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    await slot.trySave(key, start(scenario));
    storage.failReads = true;
    expect(await slot.load(key)).toBeUndefined();
    expect(await slot.loadNotes(key)).toBe("");
  });

  it("ignores corrupt entries and entries of another version", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    for (const text of ["{not json", "null", "42", JSON.stringify({ version: 2, run: start(scenario), notes: "x" })]) {
      storage.items.set(localSaveKey(key), text);
      expect(await slot.load(key)).toBeUndefined();
      expect(await slot.loadNotes(key)).toBe("");
    }
    // A fresh save over a corrupt entry works.
    expect(await slot.trySave(key, start(scenario))).toEqual({ ok: true });
    expect(await slot.load(key)).toEqual(start(scenario));
  });

  it("hands an unreadable run to resume(), which starts afresh", async () => {
    const storage = new FakeStorage();
    storage.items.set(localSaveKey(key), JSON.stringify({ version: 1, run: { version: 1, scenario: scenario.id, log: "oops" } }));
    const resumed = resume(scenario, await new LocalStorageSaveSlot(storage).load(key));
    expect(resumed).toMatchObject({ applied: 0, dropped: 0, state: start(scenario) });
  });
});

describe("clearRunsOf", () => {
  it("removes one learner's saved runs and notes, and nobody else's", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    const run = start(scenario);
    await slot.save({ learnerId: "learner-a", scenarioId: scenario.id }, run);
    await slot.trySaveNotes({ learnerId: "learner-a", scenarioId: "other-scenario" }, "笔记");
    // Ids that only extend learner-a's must not match.
    await slot.save({ learnerId: "learner-a:b", scenarioId: scenario.id }, run);
    await slot.save({ learnerId: "learner-ab", scenarioId: scenario.id }, run);
    storage.setItem("ma.currentLearner", "learner-a");
    expect(clearRunsOf(storage, "learner-a")).toBe(2);
    expect(await slot.load({ learnerId: "learner-a", scenarioId: scenario.id })).toBeUndefined();
    expect(await slot.load({ learnerId: "learner-a:b", scenarioId: scenario.id })).toBeDefined();
    expect(await slot.load({ learnerId: "learner-ab", scenarioId: scenario.id })).toBeDefined();
    expect(storage.items.get("ma.currentLearner")).toBe("learner-a");
  });

  it("does nothing, quietly, without storage or when storage refuses", () => {
    expect(clearRunsOf(undefined, "x")).toBe(0);
    const storage = new FakeStorage();
    storage.setItem(localSaveKey({ learnerId: "x", scenarioId: "s" }), "{}");
    storage.failWrites = quotaError;
    expect(clearRunsOf(storage, "x")).toBe(0);
  });
});

describe("LocalStorageSaveSlot on odd storage", () => {
  it("reports a write failure that is not even an Error as unavailable", async () => {
    for (const thrown of ["full", null, 22, { name: "Other" }]) {
      const storage = new FakeStorage();
      storage.failWrites = () => thrown as Error;
      expect(await new LocalStorageSaveSlot(storage).trySave(key, start(scenario)), JSON.stringify(thrown)).toEqual({ ok: false, reason: "unavailable" });
    }
  });

  it("reads notes only when they are text, and an entry without a run as no run", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    storage.items.set(localSaveKey(key), JSON.stringify({ version: 1, notes: 42 }));
    expect(await slot.loadNotes(key)).toBe("");
    expect(await slot.load(key)).toBeUndefined();
    storage.items.set(localSaveKey(key), JSON.stringify({ version: 1, notes: "笔记" }));
    expect(await slot.loadNotes(key)).toBe("笔记");
  });

  it("stores the version with the run and the notes, so a later version can tell them apart", async () => {
    const storage = new FakeStorage();
    const slot = new LocalStorageSaveSlot(storage);
    await slot.trySaveNotes(key, "笔记");
    expect(JSON.parse(storage.items.get(localSaveKey(key))!)).toEqual({ version: 1, notes: "笔记" });
    await slot.trySave(key, start(scenario));
    expect(JSON.parse(storage.items.get(localSaveKey(key))!)).toEqual({ version: 1, notes: "笔记", run: start(scenario) });
    expect(LOCAL_SAVE_PREFIX).toBe("ma.scenarioRun.v1:");
  });

  it("encodes the ids in the key", () => {
    expect(localSaveKey({ learnerId: "a:b", scenarioId: "c d" })).toBe("ma.scenarioRun.v1:a%3Ab:c%20d");
  });
});
