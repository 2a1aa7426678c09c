/**
 * Where a learner's unfinished run of a scenario is kept between visits.
 * LocalStorageSaveSlot (local-save.ts) is the one the player uses; MemorySaveSlot is its
 * twin for tests. A finished run goes into the progress store instead (run-record.ts).
 */
import type { RunState } from "./state.ts";

export interface RunKey {
  scenarioId: string;
  learnerId: string;
}

export interface SaveSlot {
  /**
   * The saved run, or undefined. Typed unknown on purpose: storage is a boundary and may
   * hold an old or foreign shape; pass it to resume(), which validates and replays it.
   */
  load(key: RunKey): Promise<unknown>;
  /** Overwrites any earlier save for the same key. */
  save(key: RunKey, state: RunState): Promise<void>;
  clear(key: RunKey): Promise<void>;
}

export class MemorySaveSlot implements SaveSlot {
  private readonly runs = new Map<string, string>();

  // JSON both ways: proves the state is serialisable and keeps callers from sharing objects.
  private static id = (key: RunKey) => JSON.stringify([key.learnerId, key.scenarioId]);

  async load(key: RunKey): Promise<unknown> {
    const stored = this.runs.get(MemorySaveSlot.id(key));
    return stored === undefined ? undefined : JSON.parse(stored);
  }

  async save(key: RunKey, state: RunState): Promise<void> {
    this.runs.set(MemorySaveSlot.id(key), JSON.stringify(state));
  }

  async clear(key: RunKey): Promise<void> {
    this.runs.delete(MemorySaveSlot.id(key));
  }
}
