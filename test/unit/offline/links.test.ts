import { describe, expect, test } from "vitest";
import { htmlReferences, isAssetPath, isPagePath, scriptImports } from "../../../src/lib/offline/links.ts";

describe("htmlReferences", () => {
  const html = `<link rel="stylesheet" href="/_astro/index.A.css"><link rel="canonical" href="https://example.org/courses/basics/">
    <a href="/courses/basics/what/">课</a><a href='../../law/rmtjf/28/#x'>法</a><a href="/quizzes/q1/?seed=1">测</a>
    <a href="#main">skip</a><a href="mailto:a@b.c">m</a><script type="module" src="/_astro/page.B.js"></script>
    <a href="https://other.example/x/">外</a><a href="/courses/basics/what/">again</a><img src="/photo.png">`;

  test("keeps same-site pages and files as site paths without query or fragment, once each", () => {
    expect(htmlReferences(html, "courses/basics/", "/")).toEqual([
      "_astro/index.A.css",
      "_astro/page.B.js",
      "courses/basics/what/",
      "law/rmtjf/28/",
      "photo.png",
      "quizzes/q1/",
    ]);
  });

  test("resolves relative links against the page and strips the base path", () => {
    const page = `<a href="../other/">o</a><a href="/academy/law/">l</a><a href="/elsewhere/">x</a>`;
    expect(htmlReferences(page, "courses/basics/", "/academy/")).toEqual(["courses/other/", "law/"]);
  });

  test("decodes encoded paths and survives broken URLs", () => {
    expect(htmlReferences(`<a href="/a%20b/">x</a><a href="http://[::1">y</a><a href="/%E0%A4%A/">z</a>`, "", "/")).toEqual(["a b/"]);
  });
});

describe("scriptImports", () => {
  test("static, side-effect and dynamic imports relative to the script, and Vite's preload list relative to the base", () => {
    const js = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/dep.A.js","_astro/style.B.css"])))=>i.map(i=>d[i]);
      import"./side.C.js";import{a}from"./lit.D.js";const x=()=>import("./lazy.E.js");const y='./not-a-module.txt';`;
    expect(scriptImports(js, "_astro/page.F.js", "/")).toEqual(["_astro/dep.A.js", "_astro/lazy.E.js", "_astro/lit.D.js", "_astro/side.C.js", "_astro/style.B.css"]);
  });

  test("a script never lists itself", () => {
    expect(scriptImports(`import("./self.js")`, "_astro/self.js", "/")).toEqual([]);
  });
});

test("pages and assets", () => {
  expect(["", "courses/", "x.html"].every(isPagePath)).toBe(true);
  expect(isPagePath("_astro/a.js")).toBe(false);
  expect(["a.js", "a.css", "search/lookup.json", "favicon.svg", "manifest.webmanifest"].every(isAssetPath)).toBe(true);
  expect(isAssetPath("courses/")).toBe(false);
});

describe("edge cases of references", () => {
  test("entities, spaces around '=', padded values; files that are neither pages nor assets are dropped", () => {
    const html = `<a href = " /a&amp;b/ ">x</a><a href="/guide.pdf">pdf</a><a href='/courses/intro.js/'>p</a>`;
    expect(htmlReferences(html, "", "/")).toEqual(["a&b/", "courses/intro.js/"]);
  });

  test("imports that go up a folder resolve; ones that leave the base path are dropped", () => {
    expect(scriptImports(`import"../q.js";import"../../../x.js"`, "_astro/a/p.js", "/academy/")).toEqual(["_astro/q.js"]);
  });

  test("a directory whose name ends like a script is a page; every web font is an asset", () => {
    expect(isAssetPath("courses/intro.js/")).toBe(false);
    expect(isPagePath("courses/intro.js/")).toBe(true);
    expect([isAssetPath("f.woff"), isAssetPath("f.woff2"), isAssetPath("f.woff3")]).toEqual([true, true, false]);
  });
});
