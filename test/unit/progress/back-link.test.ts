/** `?back=`: the quiz's way back after 我的学习, never a way off the site. */
import { describe, expect, it } from "vitest";
import { linkWithBack, safeBackPath } from "../../../src/lib/progress/back-link.ts";

describe("linkWithBack", () => {
  it("adds the current path, encoded, before any hash", () => {
    expect(linkWithBack("/me/", "/quizzes/basics-check/?x=1")).toBe("/me/?back=%2Fquizzes%2Fbasics-check%2F%3Fx%3D1");
    expect(linkWithBack("/me/?a=1", "/q/")).toBe("/me/?a=1&back=%2Fq%2F");
    expect(linkWithBack("/me/#top", "/q/")).toBe("/me/?back=%2Fq%2F#top");
  });

  it("round-trips through safeBackPath", () => {
    const link = linkWithBack("/academy/me/", "/academy/quizzes/basics-check/");
    expect(safeBackPath(link.slice(link.indexOf("?")), "/academy/")).toBe("/academy/quizzes/basics-check/");
  });
});

describe("safeBackPath", () => {
  const back = (value: string, base = "/") => safeBackPath(`?back=${encodeURIComponent(value)}`, base);

  it("keeps a same-site path with its query and hash", () => {
    expect(back("/quizzes/basics-check/")).toBe("/quizzes/basics-check/");
    expect(back("/quizzes/q/?seed=1#item-2")).toBe("/quizzes/q/?seed=1#item-2");
    expect(back("/academy/quizzes/q/", "/academy/")).toBe("/academy/quizzes/q/");
    expect(back("/academy", "/academy/")).toBe("/academy");
  });

  it("refuses anything that could leave the site or the base path", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example",
      "javascript:alert(1)",
      "quizzes/q/",
      "/quizzes/\u0000q",
      "/quizzes/\nq",
      "",
      `/${"a".repeat(2000)}`,
    ]) {
      expect(back(value), value).toBeUndefined();
    }
    expect(back("/other/q/", "/academy/")).toBeUndefined();
    expect(back("/academy-evil/", "/academy")).toBeUndefined();
    expect(safeBackPath("", "/")).toBeUndefined();
    expect(safeBackPath("?other=1", "/")).toBeUndefined();
  });

  it("normalises dot segments before checking the base", () => {
    expect(back("/academy/../other/", "/academy/")).toBeUndefined();
    expect(back("/academy/./q/", "/academy/")).toBe("/academy/q/");
  });
});

describe("safeBackPath limits", () => {
  it("accepts up to 2,000 characters and doubled slashes inside a path", () => {
    const long = `/${"a".repeat(1999)}`;
    expect(safeBackPath(`?back=${encodeURIComponent(long)}`, "/")).toBe(long);
    expect(safeBackPath(`?back=${encodeURIComponent("/quizzes//")}`, "/")).toBe("/quizzes//");
  });
});

describe("safeBackPath: control characters and spaces", () => {
  const back = (value: string, base = "/") => safeBackPath(`?back=${encodeURIComponent(value)}`, base);

  it("refuses every control character, DEL included, but keeps a path with a space (encoded)", () => {
    for (const c of ["\u0001", "\t", "\u001f", "\u007f"]) expect(back(`/quizzes/q${c}/`), JSON.stringify(c)).toBeUndefined();
    expect(back("/quizzes/a b/")).toBe("/quizzes/a%20b/");
    expect(back("/quizzes/~q/")).toBe("/quizzes/~q/");
  });

  it("the base path itself, with or without its slash, is a place to come back to", () => {
    expect(back("/academy/", "/academy/")).toBe("/academy/");
    expect(back("/academy/", "/academy")).toBe("/academy/");
    expect(back("/academy", "/academy")).toBe("/academy");
  });
});

describe("linkWithBack: a target with a hash and a query", () => {
  it("puts the parameter after the query and before the hash, and encodes the page's own hash", () => {
    expect(linkWithBack("/me/?a=1#top", "/q/")).toBe("/me/?a=1&back=%2Fq%2F#top");
    expect(linkWithBack("/me/#top", "/q/#x")).toBe("/me/?back=%2Fq%2F%23x#top");
    // A hash that itself holds "#" is kept whole.
    expect(linkWithBack("/me/#a#b", "/q/")).toBe("/me/?back=%2Fq%2F#a#b");
  });
});
