/** Seeded drawing: reproducible from (quiz id, seed), honest to the rules, fair enough. */
import { describe, expect, it } from "vitest";
import { checkQuizzes } from "../../../src/lib/quiz/check.ts";
import { DrawError, drawQuiz, hashString, mulberry32, newSeed, randomFrom, shuffled } from "../../../src/lib/quiz/draw.ts";
import { buildCatalog } from "../../../src/lib/quiz/catalog.ts";
import { known, validFiles } from "./check-mutations.ts";

const { catalog, banks } = checkQuizzes([...validFiles()].map(([file, text]) => ({ file, text })), known);

describe("the PRNG", () => {
  it("is a pure function of its seed, and matches mulberry32's published output", () => {
    const a = randomFrom("abc");
    const b = randomFrom("abc");
    const seq = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seq);
    // The widely published implementation (bryc), verbatim: ours must agree with it exactly.
    function reference(a: number) {
      return function () {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [1, 42, 0xdeadbeef]) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });

  it("hashes strings to unsigned 32-bit integers, differently for different strings", () => {
    expect(hashString("quiz\u0000seed")).toBe(hashString("quiz\u0000seed"));
    expect(hashString("a")).not.toBe(hashString("b"));
    expect(Number.isInteger(hashString("调解"))).toBe(true);
    expect(hashString("调解")).toBeGreaterThanOrEqual(0);
  });

  it("stays in [0, 1) and spreads evenly", () => {
    const random = randomFrom("spread");
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]++;
    }
    for (const n of buckets) expect(n).toBeGreaterThan(850);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffled(input, randomFrom("x"));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("makes fresh seeds of 16 hex digits", () => {
    expect(newSeed()).toMatch(/^[0-9a-f]{16}$/);
    expect(newSeed()).not.toBe(newSeed());
  });
});

describe("drawQuiz", () => {
  it("reproduces an attempt exactly from (quiz id, seed)", () => {
    for (const seed of ["1", "seed-2", newSeed()]) {
      expect(drawQuiz("the-session-check", seed, catalog)).toEqual(drawQuiz("the-session-check", seed, catalog));
      // A catalog rebuilt from the same files draws the same.
      expect(drawQuiz("procedure-final-test", seed, buildCatalog(banks.map((b) => b.data)))).toEqual(
        drawQuiz("procedure-final-test", seed, catalog),
      );
    }
  });

  it("draws what it drew before: changing the algorithm would change stored attempts' replays", () => {
    expect(drawQuiz("the-session-check", "golden", catalog)).toEqual({
      quizId: "the-session-check",
      seed: "golden",
      items: [
        { id: "mediation-is-free" },
        { id: "procedure-steps", options: ["prepare", "session", "agreement", "accept"] },
        { id: "who-may-apply", options: ["b", "a", "c"] },
        { id: "party-rights", options: ["a", "d", "b", "c"] },
      ],
    });
  });

  it("varies with the seed", () => {
    const draws = new Set(Array.from({ length: 30 }, (_, i) => JSON.stringify(drawQuiz("the-session-check", `s${i}`, catalog))));
    expect(draws.size).toBeGreaterThan(10);
  });

  it("follows the rules: counts per pool, no item twice", () => {
    for (let i = 0; i < 200; i++) {
      const drawn = drawQuiz("the-session-check", `seed-${i}`, catalog);
      const ids = drawn.items.map((d) => d.id);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
      const tags = ids.map((id) => catalog.items.get(id)?.item.tags ?? []);
      expect(tags.filter((t) => t.includes("受理")).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("shuffles options of choice items and never shows an ordering item already solved", () => {
    const seenFirst = new Set<string>();
    for (let i = 0; i < 100; i++) {
      for (const item of drawQuiz("the-session-check", `o-${i}`, catalog).items) {
        const source = catalog.items.get(item.id)?.item;
        if (source?.type === "ordering") expect(item.options).not.toEqual(source.answer);
        if (source?.type === "single") seenFirst.add((item.options as string[])[0]);
        if (source && "options" in source) expect([...(item.options ?? [])].sort()).toEqual(source.options.map((o) => o.id).sort());
        if (source?.type === "true-false") expect(item.options).toBeUndefined();
      }
    }
    expect(seenFirst.size).toBe(3);
  });

  it("keeps the authors' option order when shuffle.options is false, except ordering and matching's right column", () => {
    for (let i = 0; i < 20; i++) {
      for (const item of drawQuiz("procedure-final-test", `f-${i}`, catalog).items) {
        const source = catalog.items.get(item.id)?.item;
        if (source?.type === "single" || source?.type === "multiple" || source?.type === "case-judgement") {
          expect(item.options).toEqual(source.options.map((o) => o.id));
        }
        if (source?.type === "matching") expect(item.prompts).toEqual(source.prompts.map((p) => p.id));
        if (source?.type === "ordering") expect(item.options).not.toEqual(source.answer);
      }
    }
  });

  it("uses the quiz id in the seed, so one seed gives unrelated draws on two quizzes", () => {
    const a = drawQuiz("the-session-check", "same", catalog);
    const b = drawQuiz("procedure-final-test", "same", catalog);
    expect(a.items.map((i) => i.id)).not.toEqual(b.items.slice(0, 4).map((i) => i.id));
  });

  it("refuses an unknown quiz and a pool that is too small", () => {
    expect(() => drawQuiz("nope", "1", catalog)).toThrow(DrawError);
    const small = buildCatalog([{ ...banks[0].data, items: banks[0].data.items.slice(0, 2) }]);
    expect(() => drawQuiz("the-session-check", "1", small)).toThrow(/只剩/);
  });
});
