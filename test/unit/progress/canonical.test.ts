/**
 * canonical.ts is our own RFC 8785 writer (for speed, see its comment): it must write
 * exactly what the `canonicalize` package writes for every plain JSON value, and refuse
 * what is not plain JSON where the package would quietly write something.
 */
import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";
import { canonicalJson, inCanonicalOrder, inKeyOrder } from "../../../src/lib/progress/canonical.ts";
import { randomFrom, type Random } from "../../../src/lib/quiz/draw.ts";
import { sampleRecord } from "./sample.ts";

const PIECES = ["调解", "a", "Z", "é", "\u{1F600}", "\uFFFF", "\u007F", "\n", "\t", '"', "\\", "\\ud800", "\u0001", "\u2028", " ", "0", "_", "ａ"];
const NUMBERS = [0, -0, 1, -1, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -1.5e300, 100];

function text(random: Random): string {
  let s = "";
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

function value(random: Random, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 4 ? 4 : 6));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return NUMBERS[Math.floor(random() * NUMBERS.length)];
    case 3:
      return text(random);
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => value(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      // Integer-like keys too: JavaScript lists them first, RFC 8785 sorts them as text.
      for (let i = Math.floor(random() * 5); i > 0; i--) object[random() < 0.2 ? String(Math.floor(random() * 20)) : text(random)] = value(random, depth + 1);
      return object;
    }
  }
}

describe("canonicalJson", () => {
  it("writes what the canonicalize package writes, for 2,000 seeded random values and a record", () => {
    const random = randomFrom("canonical-json");
    for (let i = 0; i < 2_000; i++) {
      const v = value(random, 0);
      expect(canonicalJson(v)).toBe(canonicalize(v));
    }
    expect(canonicalJson(sampleRecord())).toBe(canonicalize(sampleRecord()));
  });

  it("writes the same for values already in key order (the files the site exports), where it leaves the writing to JSON.stringify", () => {
    const random = randomFrom("canonical-json-ordered");
    for (let i = 0; i < 2_000; i++) {
      const v = inKeyOrder(value(random, 0));
      expect(canonicalJson(v)).toBe(canonicalize(v));
      expect(canonicalJson({ format: "x", member: v, absent: undefined })).toBe(canonicalize({ format: "x", member: v }));
    }
    // In order except deep inside, and in order but holding what JSON.stringify would write quietly.
    expect(canonicalJson({ m: { a: [{ b: 1, a: 2 }] } })).toBe('{"m":{"a":[{"a":2,"b":1}]}}');
    for (const bad of [{ m: { a: [1, undefined] } }, { m: { a: Number.POSITIVE_INFINITY } }, { m: [{ a: new Map() }] }, { m: { a: () => 1 } }]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
  });

  it("takes the JSON.stringify path exactly for values it writes canonically", () => {
    const ordered = [null, true, false, 0, -1.5, "调解", [], {}, [1, "a", [null]], { a: 1, b: { c: [true, { d: "x", e: null }] } }, { "1": 1, "2": 2, a: 3 }];
    for (const value of ordered) expect(inCanonicalOrder(value), JSON.stringify(value)).toBe(true);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(inCanonicalOrder(bare)).toBe(true);
    const notYet = [
      { b: 1, a: 2 },
      { a: 1, a2: { y: 1, x: 2 } },
      [{ b: 1, a: 2 }],
      [1, undefined],
      [1, Number.NaN],
      { a: undefined },
      { a: Number.POSITIVE_INFINITY },
      { a: 1, b: [new Date(0)] },
      new Date(0),
      new Map(),
      { 9: 1, 10: 2 }, // Object.keys lists 9 before 10; RFC 8785 sorts "10" first
      () => 1,
      undefined,
      1n,
      Symbol("s"),
    ];
    for (const value of notYet) expect(inCanonicalOrder(value), String(typeof value)).toBe(false);
    // Holes in an array are undefined to JSON.stringify too.
    expect(inCanonicalOrder([1, , 2])).toBe(false); // eslint-disable-line no-sparse-arrays
  });

  it("inKeyOrder copies a value with every object's keys sorted, leaving the original and its values alone", () => {
    const original = { b: [{ d: 1, c: "调解" }], a: null, 10: true, 9: false };
    const copy = inKeyOrder(original);
    expect(Object.keys(copy)).toEqual(["9", "10", "a", "b"]);
    expect(Object.keys(copy.b[0])).toEqual(["c", "d"]);
    expect(copy).toEqual(original);
    expect(Object.keys(original)).toEqual(["9", "10", "b", "a"]);
    const date = new Date(0);
    expect(inKeyOrder({ date }).date).toBe(date);
  });

  it("takes an object without a prototype, and refuses what is not JSON however deep it sits", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: "x" });
    expect(canonicalJson({ bare })).toBe('{"bare":{"a":"x","b":1}}');
    for (const bad of [{ f: () => 1 }, [1n], { s: Symbol("s") }, [[new Date(0)]], { n: { x: Number.NaN } }]) expect(() => canonicalJson(bad)).toThrow(TypeError);
  });

  it("refuses a lone surrogate in a value or a key, and passes a backslash before 'ud'", () => {
    for (const bad of ["\uD800", "a\uDC00", "\uDBFFx", { "\uD83D": 1 }, [["ok", "\uDE00"]]]) expect(() => canonicalJson(bad)).toThrow(TypeError);
    for (const good of ["\\ud800", { "\\udfff": "\\uD800" }, "\u{1F600}"]) expect(canonicalJson(good)).toBe(canonicalize(good));
  });
});
