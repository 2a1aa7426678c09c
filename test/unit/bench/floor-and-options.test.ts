import { describe, expect, test } from "vitest";
import { floorPage, textBlocks } from "../../../scripts/bench/floor.ts";
import { parseOptions } from "../../../scripts/bench/options.ts";

describe("the floor page", () => {
  const lesson = `<html><head><title>调解 · 调解员学堂</title><style>p{}</style></head><body><header><p>页头</p></header>
    <main><h1>第一课 什么是人民调解</h1><script>var x = "<p>不是正文</p>";</script>
    <p>人民调解是<a href="/law/">依法</a>进行的&amp;自愿的。</p><ul><li>平等</li><li> </li></ul><noscript><p>无</p></noscript></main>
    <footer><p>页脚</p></footer></body></html>`;

  test("keeps the text of <main> only, in order, without markup, scripts or empty blocks", () => {
    expect(textBlocks(lesson)).toEqual(["第一课 什么是人民调解", "人民调解是依法进行的&自愿的。", "平等"]);
  });

  test("is one plain page: no stylesheet, no script, text escaped", () => {
    const page = floorPage("标题 <x>", ["第一课", "a < b & c"]);
    expect(page).not.toMatch(/<script|<style|<link/);
    expect(page).toContain("<h1>第一课</h1>");
    expect(page).toContain("<p>a &lt; b &amp; c</p>");
    expect(page).toContain("<title>标题 &lt;x&gt;</title>");
  });
});

describe("bench options", () => {
  test("--ci is one scale with ci on; the other modes leave it off", () => {
    expect(parseOptions(["--ci"])).toEqual({ scales: [1], ci: true });
    expect(parseOptions(["--quick"])).toEqual({ scales: [1], ci: false });
    expect(parseOptions(["--scale", "10,1"])).toEqual({ scales: [1, 10], ci: false });
  });
});
