/** savedRunSchema: what resume() accepts from localStorage (untrusted; anything else starts afresh). */
import { beforeEach, describe, expect, it } from "vitest";
import { start } from "../../../src/lib/scenario/engine.ts";
import { savedRunSchema } from "../../../src/lib/scenario/state.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { example } from "./helpers.ts";

let scenario: Scenario;
beforeEach(() => {
  scenario = example();
});
const run = (log: unknown, extra: object = {}) => ({ version: 1, scenario: scenario.id, log, ...extra });
const accepts = (saved: unknown) => savedRunSchema.safeParse(saved).success;

describe("savedRunSchema", () => {
  it("reads a whole saved RunState, keeping only what resume() replays", () => {
    const log = [{ choice: "calm-and-ask-consent" }];
    expect(savedRunSchema.parse({ ...start(scenario), log })).toEqual({ version: 1, scenario: scenario.id, log });
  });

  it("accepts choice steps and agreement steps, with or without typed party details", () => {
    const agreement = { clauses: ["terms"], parties: { zhang: { name: "张德福", address: "青石村三组 17 号" }, li: {} } };
    expect(savedRunSchema.parse(run([{ choice: "a" }, { agreement: { clauses: [] } }, { agreement }])).log).toEqual([
      { choice: "a" },
      { agreement: { clauses: [] } },
      { agreement },
    ]);
  });

  it("drops unknown fields of party details, as the form may grow", () => {
    const parsed = savedRunSchema.parse(run([{ agreement: { clauses: [], parties: { zhang: { name: "张德福", phone: "1" } } } }]));
    expect(parsed.log).toEqual([{ agreement: { clauses: [], parties: { zhang: { name: "张德福" } } } }]);
  });

  it("rejects anything that is not a version-1 run with a list of steps", () => {
    for (const saved of [undefined, null, "x", 42, [], {}, { ...run([]), version: 2 }, { ...run([]), version: "1" }, { version: 1, log: [] }, run("oops")]) {
      expect(accepts(saved), JSON.stringify(saved)).toBe(false);
    }
  });

  it("rejects malformed steps", () => {
    const steps = [
      null,
      {},
      { choice: 1 },
      { choice: "a", note: "x" },
      { choice: "a", agreement: { clauses: [] } },
      { agreement: { clauses: "terms" } },
      { agreement: { clauses: [1] } },
      { agreement: { clauses: [], signed: true } },
      { agreement: { clauses: [], parties: [] } },
      { agreement: { clauses: [], parties: { zhang: null } } },
      { agreement: { clauses: [], parties: { zhang: { name: 1 } } } },
    ];
    for (const step of steps) expect(accepts(run([step])), JSON.stringify(step)).toBe(false);
  });
});
