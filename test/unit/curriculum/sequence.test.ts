import { describe, expect, it } from "vitest";
import { neighbours, totalMinutes } from "../../../src/lib/curriculum/sequence.ts";

describe("neighbours", () => {
  const lessons = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const [a, b, c] = lessons;

  it("gives only a next item for the first lesson", () => {
    expect(neighbours(lessons, a)).toEqual({ previous: undefined, next: b });
  });

  it("gives both neighbours for a middle lesson", () => {
    expect(neighbours(lessons, b)).toEqual({ previous: a, next: c });
  });

  it("gives only a previous item for the last lesson", () => {
    expect(neighbours(lessons, c)).toEqual({ previous: b, next: undefined });
  });

  it("gives neither for a single lesson", () => {
    expect(neighbours([a], a)).toEqual({ previous: undefined, next: undefined });
  });

  it("gives an empty result for an item that is not in the list (compared by identity)", () => {
    expect(neighbours(lessons, { id: "b" })).toEqual({});
  });
});

describe("totalMinutes", () => {
  it("is 0 for no lessons", () => {
    expect(totalMinutes([])).toBe(0);
  });

  it("adds up the minutes of every lesson", () => {
    expect(totalMinutes([{ minutes: 15 }, { minutes: 20 }, { minutes: 12 }])).toBe(47);
  });
});
