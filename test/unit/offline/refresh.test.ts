import { describe, expect, test } from "vitest";
import { isStale, packChanges } from "../../../src/lib/offline/refresh.ts";

describe("packChanges: what a saved pack downloads again after a new deployment", () => {
  const saved = { paths: ["courses/a/", "courses/a/one/", "_astro/x.1.js", "quizzes/a/"], hashes: ["h0", "h1", "h2", "h3"] };

  test("an unchanged pack needs nothing", () => {
    const changes = packChanges(saved, { ...saved });
    expect(changes).toEqual({ fetch: [], remove: [] });
    expect(isStale(changes)).toBe(false);
  });

  test("a changed lesson is downloaded again, a new file downloaded, a file no longer in the pack dropped", () => {
    const published = { paths: ["courses/a/", "courses/a/one/", "_astro/x.2.js", "quizzes/a/", "courses/a/two/"], hashes: ["h0", "h1b", "h4", "h3", "h5"] };
    const changes = packChanges(saved, published);
    expect(changes).toEqual({ fetch: ["courses/a/one/", "_astro/x.2.js", "courses/a/two/"], remove: ["_astro/x.1.js"] });
    expect(isStale(changes)).toBe(true);
  });

  test("one changed file alone makes the pack stale", () => {
    const changes = packChanges(saved, { paths: saved.paths, hashes: ["h0", "h1", "h2", "h3b"] });
    expect(changes).toEqual({ fetch: ["quizzes/a/"], remove: [] });
    expect(isStale(changes)).toBe(true);
  });

  test("only a removal still makes the pack stale", () => {
    const changes = packChanges(saved, { paths: saved.paths.slice(0, 3), hashes: saved.hashes.slice(0, 3) });
    expect(changes).toEqual({ fetch: [], remove: ["quizzes/a/"] });
    expect(isStale(changes)).toBe(true);
  });

  test("a pack saved before hashes (no list, or no hashes) downloads everything again", () => {
    const published = { paths: ["courses/a/", "quizzes/a/"], hashes: ["h0", "h3"] };
    expect(packChanges({}, published)).toEqual({ fetch: ["courses/a/", "quizzes/a/"], remove: [] });
    expect(packChanges({ paths: ["courses/a/", "old/"] }, published)).toEqual({ fetch: ["courses/a/", "quizzes/a/"], remove: ["old/"] });
  });

  test("an unknown hash on either side counts as changed; hashes of the wrong length are unknown", () => {
    expect(packChanges(saved, { paths: saved.paths })).toEqual({ fetch: saved.paths, remove: [] });
    expect(packChanges(saved, { paths: saved.paths, hashes: ["h0", "", "h2", "h3"] }).fetch).toEqual(["courses/a/one/"]);
    expect(packChanges({ paths: saved.paths, hashes: ["h0"] }, saved).fetch).toEqual(saved.paths);
    // Unknown on both sides is still unknown, not equal.
    expect(packChanges({ paths: saved.paths }, { paths: saved.paths }).fetch).toEqual(saved.paths);
  });
});
