import { beforeEach, describe, expect, it } from "vitest";
import { start } from "../../../src/lib/scenario/engine.ts";
import { MemorySaveSlot } from "../../../src/lib/scenario/save.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { minimal } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = minimal();
});

describe("MemorySaveSlot", () => {
  it("saves, loads and clears a run per learner and scenario", async () => {
    const slot = new MemorySaveSlot();
    const a = { scenarioId: "minimal", learnerId: "a" };
    const b = { scenarioId: "minimal", learnerId: "b" };
    const state = start(scenario);
    expect(await slot.load(a)).toBeUndefined();
    await slot.save(a, state);
    expect(await slot.load(a)).toEqual(state);
    expect(await slot.load(b)).toBeUndefined();
    expect(await slot.load({ scenarioId: "other", learnerId: "a" })).toBeUndefined();
    await slot.clear(a);
    expect(await slot.load(a)).toBeUndefined();
  });

  it("stores a copy, so later changes to the caller's object are not saved", async () => {
    const slot = new MemorySaveSlot();
    const key = { scenarioId: "minimal", learnerId: "a" };
    const state = start(scenario);
    await slot.save(key, state);
    state.log.push({ choice: "ask-consent" });
    expect(await slot.load(key)).toMatchObject({ log: [] });
  });
});
