/**
 * Drawing at its edges: rules over exact and shared pools, the item shuffle switch,
 * pools by tag, difficulty and bank, presenting once, and fresh seeds byte by byte.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { DrawError, matchesRule, newSeed, poolIds, poolOf, randomFrom, selectItems, shuffled } from "../../../src/lib/quiz/draw.ts";
import type { Quiz, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { known, validFiles } from "./check-mutations.ts";

const { catalog } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);
const itemOf = (id: string): QuizItem => {
  const found = catalog.items.get(id)?.item;
  if (!found) throw new Error(`no fixture item ${id}`);
  return found;
};
const quiz = (draw: Quiz["draw"], shuffle: Quiz["shuffle"]): Pick<Quiz, "id" | "draw" | "shuffle"> => ({ id: "q", draw, shuffle });
const seeds = Array.from({ length: 30 }, (_, i) => `seed-${i}`);

describe("selectItems", () => {
  it("draws a pool exactly as large as the count, and refuses one item fewer", () => {
    const exact = selectItems(quiz([{ count: 3 }], { items: false, options: false }), [["a", "b", "c"]], "s");
    expect([...exact.ids].sort()).toEqual(["a", "b", "c"]);
    expect(() => selectItems(quiz([{ count: 4 }], { items: false, options: false }), [["a", "b", "c"]], "s")).toThrow(DrawError);
  });

  it("takes a later rule's items from what earlier rules left", () => {
    for (const seed of seeds) {
      const { ids } = selectItems(quiz([{ count: 2 }, { count: 1 }], { items: false, options: false }), [["a", "b"], ["a", "b", "c"]], seed);
      expect(ids).toHaveLength(3);
      expect(ids[2]).toBe("c");
    }
    // Nothing left for the second rule: its pool is used up by the first.
    expect(() => selectItems(quiz([{ count: 2 }, { count: 1 }], { items: false, options: false }), [["a", "b"], ["a", "b"]], "s")).toThrow(/第 2 条/);
  });

  it("treats a rule without a pool as an empty pool", () => {
    expect(() => selectItems(quiz([{ count: 1 }, { count: 1 }], { items: false, options: false }), [["a"]], "s")).toThrow(DrawError);
  });

  it("keeps the rules' order unless the quiz shuffles items", () => {
    const rules = [{ count: 1 }, { count: 1 }];
    const pools = [["a"], ["b"]];
    for (const seed of seeds) expect(selectItems(quiz(rules, { items: false, options: false }), pools, seed).ids).toEqual(["a", "b"]);
    const orders = new Set(seeds.map((seed) => selectItems(quiz(rules, { items: true, options: false }), pools, seed).ids.join()));
    expect(orders).toEqual(new Set(["a,b", "b,a"]));
  });

  it("presents once: a second call returns the same draw, without looking items up again", () => {
    const selection = selectItems(quiz([{ count: 3 }], { items: true, options: true }), [["who-may-apply", "party-rights", "procedure-steps"]], "s");
    const lookUp = vi.fn(itemOf);
    const first = selection.present(lookUp);
    expect(selection.present(lookUp)).toBe(first);
    expect(lookUp).toHaveBeenCalledTimes(3);
    expect(first).toMatchObject({ quizId: "q", seed: "s" });
    expect(first.items.map((i) => i.id)).toEqual(selection.ids);
  });

  it("names the quiz in its DrawError", () => {
    try {
      selectItems(quiz([{ count: 2 }], { items: false, options: false }), [["a"]], "s");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DrawError);
      expect(error).toMatchObject({ name: "DrawError", quizId: "q" });
      expect((error as Error).message).toContain("只剩 1 题");
    }
  });
});

describe("presenting items", () => {
  const presented = (ids: string[], options: boolean, seed: string) =>
    selectItems(quiz([{ count: ids.length }], { items: false, options }), [ids], seed).present(itemOf).items;

  it("shuffles a matching item's prompts only when the quiz shuffles options, its right column always", () => {
    const authorPrompts = ["noise", "wages", "assault"];
    const authorOptions = ["committee", "labour", "police", "court-only"];
    const shuffledPrompts = new Set<string>();
    const rightColumns = new Set<string>();
    for (const seed of seeds) {
      const [kept] = presented(["dispute-channels"], false, seed);
      expect(kept.prompts).toEqual(authorPrompts);
      rightColumns.add(kept.options!.join());
      expect([...kept.options!].sort()).toEqual([...authorOptions].sort());
      const [mixed] = presented(["dispute-channels"], true, seed);
      shuffledPrompts.add(mixed.prompts!.join());
      expect([...mixed.prompts!].sort()).toEqual([...authorPrompts].sort());
    }
    expect(shuffledPrompts.size).toBeGreaterThan(1);
    expect(rightColumns.size).toBeGreaterThan(1);
  });

  it("shows an ordering item as the attempt's stream shuffles it, moving it only when that is the solved order", () => {
    const steps = ["accept", "prepare", "session", "agreement"];
    let partlyInPlace = 0;
    for (const seed of seeds) {
      // One rule with a pool of one draws no random number, so the steps get the stream's first numbers.
      const expected = shuffled(steps, randomFrom(`q\u0000${seed}`));
      const solved = expected.every((id, i) => id === steps[i]);
      if (!solved && expected.some((id, i) => id === steps[i])) partlyInPlace++;
      const [shown] = presented(["procedure-steps"], false, seed);
      expect(shown.options).toEqual(solved ? [...expected.slice(1), expected[0]] : expected);
    }
    // The seeds include arrangements with some step already in place: those are shown unchanged.
    expect(partlyInPlace).toBeGreaterThan(0);
  });

  it("shuffles choice options only when the quiz says so", () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      // The rule picks the two in a seeded order; look them up by id.
      const kept = new Map(presented(["who-may-apply", "party-rights"], false, seed).map((i) => [i.id, i.options]));
      expect(kept.get("who-may-apply")).toEqual(["a", "b", "c"]);
      expect(kept.get("party-rights")).toEqual(["a", "b", "c", "d"]);
      orders.add(presented(["party-rights"], true, seed)[0].options!.join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("pools", () => {
  const core = itemOf("party-rights"); // tags 调解原则, 当事人权利; difficulty 2

  it("match any of a rule's tags and any of its difficulties; no tags or difficulty means any", () => {
    expect(matchesRule(core, { count: 1 })).toBe(true);
    expect(matchesRule(core, { count: 1, tags: ["受理", "当事人权利"] })).toBe(true);
    expect(matchesRule(core, { count: 1, tags: ["受理"] })).toBe(false);
    expect(matchesRule(core, { count: 1, difficulty: [1, 2] })).toBe(true);
    expect(matchesRule(core, { count: 1, difficulty: [1, 3] })).toBe(false);
    expect(matchesRule(core, { count: 1, tags: ["调解原则"], difficulty: [3] })).toBe(false);
  });

  it("come from the rule's bank, else the quiz's own, in file order", () => {
    const difficult = { count: 1, difficulty: [2] };
    expect(poolOf(difficult, "procedure-core", catalog).map((c) => c.item.id)).toEqual(["party-rights", "procedure-steps", "dispute-channels"]);
    expect(poolOf({ ...difficult, bank: "procedure-core" }, "procedure-final", catalog).map((c) => c.item.id)).toHaveLength(3);
    expect(poolOf(difficult, "no-such-bank", catalog)).toEqual([]);
    expect(poolIds({ draw: [difficult, { count: 1, tags: ["分流"] }] }, "procedure-core", catalog)).toEqual([
      ["party-rights", "procedure-steps", "dispute-channels"],
      ["dispute-channels"],
    ]);
  });
});

describe("newSeed", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes each of 8 random bytes as two hex digits, small ones with a leading zero", () => {
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set([0, 1, 15, 16, 127, 128, 254, 255]);
      return array;
    });
    expect(newSeed()).toBe("00010f107f80feff");
  });
});
