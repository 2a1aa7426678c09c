import { describe, expect, test } from "vitest";
import { existsSync } from "node:fs";
import { extraIndexedPages, markMainForIndex } from "../../../src/lib/search/index-pages.ts";

describe("markMainForIndex", () => {
  test("marks the page's <main> for pagefind and changes nothing else", () => {
    const html = '<html><body><header>站名</header><main id="main" tabindex="-1"><h1>核验证书</h1></main><footer>页脚</footer></body></html>';
    expect(markMainForIndex(html)).toBe(html.replace('<main id="main"', '<main data-pagefind-body id="main"'));
  });
  test("works on a bare <main> and in any letter case, marking only the first", () => {
    expect(markMainForIndex("<MAIN>x</MAIN><main>y</main>")).toBe("<MAIN data-pagefind-body>x</MAIN><main>y</main>");
  });
  test("is undefined for a page without <main>; <mainly> or <maintext> is not a main", () => {
    expect(markMainForIndex("<body><div>无</div></body>")).toBeUndefined();
    expect(markMainForIndex("<mainly>x</mainly>")).toBeUndefined();
  });
});

describe("extraIndexedPages", () => {
  test("includes the certificate check page, and every listed page has an Astro page", () => {
    expect(extraIndexedPages).toContain("verify/");
    for (const page of extraIndexedPages) expect(existsSync(`src/pages/${page}index.astro`), page).toBe(true);
  });
});
