import { describe, expect, test } from "vitest";
import { kilobytes, megabytes, packCacheName, parsePackCacheName, parsePublishedPack, parseSavedPack } from "../../../src/lib/offline/saved.ts";

describe("cache names", () => {
  test("the name the service worker and 我的学习 look for", () => {
    expect(packCacheName("course", "basics")).toBe("offline-pack:course:basics");
  });

  test("round trip for courses and scenarios", () => {
    expect(parsePackCacheName(packCacheName("course", "basics"))).toEqual({ kind: "course", id: "basics" });
    expect(parsePackCacheName(packCacheName("scenario", "wall"))).toEqual({ kind: "scenario", id: "wall" });
  });

  test("other caches are not packs", () => {
    for (const name of ["pages", "assets", "workbox-precache-v2-https://x/", "offline-pack:", "offline-pack:lesson:x", "offline-pack:course:", "offline-pack:course:a:b", "xoffline-pack:course:a"]) {
      expect(parsePackCacheName(name), name).toBeUndefined();
    }
  });
});

describe("the saved record", () => {
  const good = { kind: "course", id: "basics", title: "基础", page: "courses/basics/", bytes: 1234, files: 12, savedAt: "2026-12-02T10:00:00.000Z" };

  test("a good record reads back as written", () => {
    expect(parseSavedPack(good)).toEqual(good);
  });

  test("keeps the list of what was saved with its hashes, checked like a published list", () => {
    const listed = { ...good, paths: ["courses/basics/", "_astro/a.js"], hashes: ["00ff", ""] };
    expect(parseSavedPack(listed)).toEqual(listed);
    expect(parseSavedPack({ ...listed, hashes: ["00ff"] })).toBeUndefined();
    expect(parseSavedPack({ ...listed, hashes: undefined })).toBeUndefined();
    expect(parseSavedPack({ ...listed, paths: undefined })).toBeUndefined();
    expect(parseSavedPack({ ...listed, paths: ["https://evil.example/x", "_astro/a.js"] })).toBeUndefined();
  });

  test.each([
    ["not an object", null],
    ["a string", "x"],
    ["unknown kind", { ...good, kind: "lesson" }],
    ["an id that is not a slug", { ...good, id: "../x" }],
    ["a title that is not text", { ...good, title: 5 }],
    ["an overlong title", { ...good, title: "题".repeat(201) }],
    ["a page on another site", { ...good, page: "https://evil.example/" }],
    ["a protocol-relative page", { ...good, page: "//evil.example/" }],
    ["a javascript: page", { ...good, page: "javascript:alert(1)" }],
    ["negative bytes", { ...good, bytes: -1 }],
    ["fractional files", { ...good, files: 1.5 }],
    ["bytes as text", { ...good, bytes: "12" }],
    ["a date that is not one", { ...good, savedAt: "yesterday" }],
    ["a date as a number", { ...good, savedAt: 12345 }],
    ["an id with more after a slug", { ...good, id: "basics/../x" }],
    ["a page that is not text", { ...good, page: 5 }],
    ["an overlong page", { ...good, page: `courses/${"a".repeat(293)}/` }],
  ])("refuses %s", (_why, value) => {
    expect(parseSavedPack(value)).toBeUndefined();
  });

  test("accepts the limits themselves: a 200-character title, a 300-character page, an empty pack", () => {
    const edge = { ...good, title: "题".repeat(200), page: `courses/${"a".repeat(291)}/`, bytes: 0, files: 0 };
    expect(parseSavedPack(edge)).toEqual(edge);
  });
});

describe("the published pack list", () => {
  const good = { kind: "course", id: "basics", paths: ["courses/basics/", "_astro/a.js"], bytes: 10, gzip: 5 };

  test("accepts the list the build writes", () => {
    expect(parsePublishedPack(good, "course", "basics")).toEqual(good);
  });

  test.each([
    ["another pack's list", { ...good, id: "other" }],
    ["another kind", { ...good, kind: "scenario" }],
    ["no paths", { ...good, paths: [] }],
    ["an absolute URL", { ...good, paths: ["https://evil.example/x"] }],
    ["a path from the root", { ...good, paths: ["/etc/x"] }],
    ["a path going up", { ...good, paths: ["courses/../../x"] }],
    ["a path that is not text", { ...good, paths: [1] }],
    ["a size that is not a count", { ...good, gzip: Number.NaN }],
    ["nothing", null],
    ["a string", "paths"],
    ["one bad path among good ones", { ...good, paths: ["courses/basics/", "https://evil.example/x"] }],
    ["a path ending in ..", { ...good, paths: ["courses/.."] }],
    ["a 400-character path", { ...good, paths: ["a".repeat(400)] }],
    ["more than 5,000 paths", { ...good, paths: Array.from({ length: 5001 }, (_, i) => `p${i}/`) }],
  ])("refuses %s", (_why, value) => {
    expect(parsePublishedPack(value, "course", "basics")).toBeUndefined();
  });

  test("accepts each path's content hash, and refuses hashes that do not match the paths", () => {
    const hashed = { ...good, hashes: ["0123456789abcdef", ""] };
    expect(parsePublishedPack(hashed, "course", "basics")).toEqual(hashed);
    for (const hashes of [["0123456789abcdef"], ["0123456789abcdef", 7], ["0123456789abcdef", "<script>"], "0123", ["a".repeat(65), ""]]) {
      expect(parsePublishedPack({ ...good, hashes }, "course", "basics"), JSON.stringify(hashes)).toBeUndefined();
    }
  });

  test("a colon or a double slash inside a path is not a scheme or another host: accepted", () => {
    const inner = { ...good, paths: ["courses/basics/", "_astro/a:b.js", "courses//x/"] };
    expect(parsePublishedPack(inner, "course", "basics")).toEqual(inner);
    expect(parseSavedPack({ kind: "course", id: "basics", title: "基础", page: "courses/a:b/", bytes: 1, files: 3, savedAt: "2026-12-02T10:00:00.000Z", paths: inner.paths, hashes: ["", "", ""] })?.paths).toEqual(inner.paths);
  });

  test("accepts the limits themselves: 5,000 paths of 399 characters, a size of 0", () => {
    const edge = { ...good, paths: Array.from({ length: 5000 }, (_, i) => `${i}`.padEnd(399, "a")), gzip: 0 };
    expect(parsePublishedPack(edge, "course", "basics")).toEqual(edge);
  });
});

test("sizes for people: whole kilobytes (at least 1), megabytes to one decimal", () => {
  expect([kilobytes(0), kilobytes(-5), kilobytes(Number.NaN), kilobytes(1), kilobytes(1536), kilobytes(2047), kilobytes(2048)]).toEqual([0, 0, 0, 1, 2, 2, 2]);
  expect([megabytes(0), megabytes(1048576), megabytes(1572864), megabytes(Number.POSITIVE_INFINITY)]).toEqual([0, 1, 1.5, 0]);
});
