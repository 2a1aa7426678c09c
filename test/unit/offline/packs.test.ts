import { describe, expect, test } from "vitest";
import { coursePack, packIds, packPath, scenarioPack, shellPaths, type SiteFile, type SiteGraph } from "../../../src/lib/offline/packs.ts";

const file = (refs: string[], bytes = 100, gzip = 40): SiteFile => ({ bytes, gzip, refs });

/** A small built site: two courses, a scenario, law pages, quizzes, a registry-free shell. */
function site(): Map<string, SiteFile> {
  return new Map<string, SiteFile>([
    ["", file(["_astro/base.js", "_astro/site.css", "courses/basics/", "me/"])],
    ["me/", file(["_astro/base.js", "_astro/me.js", "_astro/site.css"])],
    ["offline/", file(["_astro/base.js", "_astro/list.js", "_astro/site.css"])],
    ["courses/", file(["courses/basics/", "courses/other/"])],
    ["courses/basics/", file(["_astro/base.js", "_astro/save.js", "courses/basics/one/", "quizzes/basics-final/", "law/rmtjf/1/", "law/rmtjf/", "courses/other/", "me/"])],
    ["courses/basics/one/", file(["_astro/lesson.js", "courses/basics/two/", "quizzes/one-check/", "law/rmtjf/28/", "glossary/term/"])],
    ["courses/basics/two/", file(["_astro/lesson.js", "courses/basics/one/"])],
    ["courses/other/", file(["courses/other/x/", "law/rmtjf/5/"])],
    ["courses/other/x/", file([])],
    ["quizzes/basics-final/", file(["_astro/quiz.js", "law/rmtjf/29/", "courses/basics/"])],
    ["quizzes/one-check/", file(["_astro/quiz.js"])],
    ["quizzes/unlinked/", file([])],
    // Item files the quiz runner fetches (named by id only in the page).
    ["quizzes/basics-final/items/q2.json", file([])],
    ["quizzes/basics-final/items/q1.json", file([])],
    ["quizzes/one-check/items/q3.json", file([])],
    ["quizzes/unlinked/items/q9.json", file([])],
    ["law/rmtjf/", file([])],
    ["law/rmtjf/1/", file(["law/rmtjf/2/"])],
    ["law/rmtjf/2/", file([])],
    ["law/rmtjf/5/", file([])],
    ["law/rmtjf/28/", file([])],
    ["law/rmtjf/29/", file([])],
    ["glossary/term/", file([])],
    ["scenarios/wall/", file(["_astro/sim.js", "law/rmtjf/28/", "courses/basics/", "scenarios/wall/data.json"])],
    // What the player fetches when it loads (the page links it as <case-simulation src>).
    ["scenarios/wall/data.json", file([])],
    ["search/lookup.json", file([], 5000, 1000)],
    ["_astro/base.js", file([])],
    ["_astro/site.css", file([])],
    ["_astro/me.js", file(["_astro/lit.js"])],
    ["_astro/list.js", file(["_astro/fill.js"])],
    ["_astro/fill.js", file([])],
    ["_astro/save.js", file(["_astro/fill.js"])],
    ["_astro/lesson.js", file(["_astro/lit.js", "_astro/lazy.js"])],
    ["_astro/lazy.js", file(["_astro/lesson.js"])],
    ["_astro/lit.js", file([])],
    ["_astro/quiz.js", file(["_astro/lit.js"])],
    ["_astro/sim.js", file([])],
    ["favicon.svg", file([])],
    ["manifest.webmanifest", file([])],
  ]);
}

describe("the shell", () => {
  test("home and the offline page with what they load, the icon and manifest; no course, law, quiz or 我的学习", () => {
    expect(shellPaths(site()).paths.sort()).toEqual(["", "offline/", "_astro/base.js", "_astro/fill.js", "_astro/list.js", "_astro/site.css", "favicon.svg", "manifest.webmanifest"].sort());
  });

  test("sums the sizes of exactly its files", () => {
    const shell = shellPaths(site());
    expect(shell.bytes).toBe(100 * shell.paths.length);
    expect(shell.gzip).toBe(40 * shell.paths.length);
  });

  test("does not grow when the curriculum does", () => {
    const big = site();
    for (let n = 0; n < 50; n++) big.set(`courses/c${n}/`, file(["_astro/base.js", `courses/c${n}/l/`]));
    expect(shellPaths(big)).toEqual(shellPaths(site()));
  });
});

describe("a course pack", () => {
  const pack = coursePack("basics", site())!;

  test("names each file's content hash beside its path, in the same order (empty where unknown)", () => {
    const s = site();
    s.set("courses/basics/two/", { ...s.get("courses/basics/two/")!, hash: "00000000000000b2" });
    s.set("_astro/lit.js", { ...s.get("_astro/lit.js")!, hash: "00000000000000aa" });
    const hashed = coursePack("basics", s)!;
    expect(hashed.hashes).toHaveLength(hashed.paths.length);
    expect(hashed.paths.filter((_, i) => hashed.hashes[i])).toEqual(["courses/basics/two/", "_astro/lit.js"]);
    expect(hashed.hashes[hashed.paths.indexOf("courses/basics/two/")]).toBe("00000000000000b2");
    expect(hashed.hashes[hashed.paths.indexOf("_astro/lit.js")]).toBe("00000000000000aa");
  });

  test("its pages first, then linked quizzes and the provisions they cite, the quizzes' item files, then what they load", () => {
    expect(pack.paths).toEqual([
      "courses/basics/",
      "courses/basics/one/",
      "courses/basics/two/",
      "quizzes/basics-final/",
      "quizzes/one-check/",
      "law/rmtjf/1/",
      "law/rmtjf/28/",
      "law/rmtjf/29/",
      "quizzes/basics-final/items/q1.json",
      "quizzes/basics-final/items/q2.json",
      "quizzes/one-check/items/q3.json",
      "_astro/base.js",
      "_astro/fill.js",
      "_astro/lazy.js",
      "_astro/lesson.js",
      "_astro/lit.js",
      "_astro/quiz.js",
      "_astro/save.js",
    ]);
  });

  test("leaves out other courses, statute pages, provisions linked only from law pages, glossary and 我的学习", () => {
    for (const path of ["courses/other/", "courses/other/x/", "law/rmtjf/", "law/rmtjf/2/", "law/rmtjf/5/", "glossary/term/", "me/", "quizzes/unlinked/", "quizzes/unlinked/items/q9.json"]) {
      expect(pack.paths).not.toContain(path);
    }
  });

  test("its size is the sum over its files", () => {
    expect(pack).toMatchObject({ kind: "course", id: "basics", bytes: 100 * 18, gzip: 40 * 18 });
  });

  test("a course id with no page has no pack; a course id that is a prefix of another takes only its own pages", () => {
    expect(coursePack("nope", site())).toBeUndefined();
    const s = site();
    s.set("courses/basics-2/", file([]));
    expect(coursePack("basics", s)!.paths).not.toContain("courses/basics-2/");
  });
});

describe("a scenario pack", () => {
  test("the scenario page, the provisions it cites, the look-up index, its scripts and its data; not the courses it links", () => {
    const pack = scenarioPack("wall", site())!;
    expect(pack.paths).toEqual(["scenarios/wall/", "law/rmtjf/28/", "search/lookup.json", "_astro/sim.js", "scenarios/wall/data.json"]);
    expect(pack.bytes).toBe(100 * 4 + 5000);
    expect(pack.gzip).toBe(40 * 4 + 1000);
    expect(scenarioPack("nope", site())).toBeUndefined();
  });

  test("without a look-up index on the site, the pack still saves the rest", () => {
    const s = site();
    s.delete("search/lookup.json");
    expect(scenarioPack("wall", s as SiteGraph)!.paths).toEqual(["scenarios/wall/", "law/rmtjf/28/", "_astro/sim.js", "scenarios/wall/data.json"]);
  });
});

test("packIds lists every course and scenario page; packPath names where each list is published", () => {
  expect(packIds(site())).toEqual({ course: ["basics", "other"], scenario: ["wall"] });
  expect(packPath("course", "basics")).toBe("offline/packs/course-basics.json");
});

describe("edge cases of the rules", () => {
  test("a shell page missing from the build is left out; a file a page names but the build lacks is skipped", () => {
    const s = site();
    s.delete("offline/");
    s.set("", file(["_astro/base.js", "_astro/missing.js"]));
    expect(shellPaths(s).paths.sort()).toEqual(["", "_astro/base.js", "favicon.svg", "manifest.webmanifest"]);
  });

  test("lessons, quizzes and provisions come in path order whatever the build's order; only true provision and quiz pages count", () => {
    const s = new Map<string, SiteFile>([
      ["courses/z/", file(["quizzes/b/", "quizzes/a/", "quizzes/a/print/", "law/x/2/", "law/x/1/", "law/x/1/notes/", "old/law/x/3/"])],
      ["courses/z/b/", file([])],
      ["courses/z/a/", file([])],
      ["quizzes/b/", file([])],
      ["quizzes/a/", file([])],
      ["quizzes/a/print/", file([])],
      ["law/x/2/", file([])],
      ["law/x/1/", file([])],
      ["law/x/1/notes/", file([])],
      ["old/law/x/3/", file([])],
    ]);
    expect(coursePack("z", s)!.paths).toEqual(["courses/z/", "courses/z/a/", "courses/z/b/", "quizzes/a/", "quizzes/b/", "law/x/1/", "law/x/2/"]);
  });

  test("packIds: sorted ids, and only top-level course and scenario pages", () => {
    const s = new Map<string, SiteFile>([
      ["scenarios/b/", file([])],
      ["scenarios/a/", file([])],
      ["courses/y/", file([])],
      ["courses/x/", file([])],
      ["trainers/courses/t/", file([])],
      ["courses/x/lesson/", file([])],
    ]);
    expect(packIds(s)).toEqual({ course: ["x", "y"], scenario: ["a", "b"] });
    expect(scenarioPack("a", s)!.kind).toBe("scenario");
  });
});
