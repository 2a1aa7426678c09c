/**
 * The trainers' pages: the scenario list links every scenario's graph, and the graph page
 * (the largest) draws one labelled node per scenario node. Rendering, axe and the 375 px
 * checks of these pages and of the authoring guide are in pages.test.ts (pageTypes()).
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { watchErrors } from "./support/browser.ts";
import { distDir } from "./support/dist.ts";
import { largestGraphPage, TRAINER_TOOLS } from "./support/pages.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const trainersDir = join(distDir(), "trainers");
/** Scenario ids with a graph page in dist/. */
const graphPages = existsSync(trainersDir) ? readdirSync(trainersDir).filter((n) => !TRAINER_TOOLS.includes(n) && existsSync(join(trainersDir, n, "index.html"))) : [];
const graphPath = largestGraphPage();

const env = useSiteAndBrowser();

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  const response = await page.goto(env.site.url + path, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  return { page, errors };
}

describe("the scenario list", () => {
  test("links every scenario to its graph page and shows its check result", async () => {
    const { page } = await open("trainers/");
    const cards = page.locator(".scenario-list > li");
    expect(await cards.count()).toBe(graphPages.length);
    const links = await page.locator(".scenario-list .graph-link a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.map((l) => l.split("/").at(-2)).sort()).toEqual([...graphPages].sort());
    for (let i = 0; i < (await cards.count()); i++) await expect(cards.nth(i).locator(".status--ok").textContent()).resolves.toContain("检查通过");
    await page.close();
  });
});

describe.skipIf(!graphPath)("a graph page", () => {
  test("draws one labelled node per scenario node, as many as the text version lists", async () => {
    const { page } = await open(graphPath!);
    const drawn = await page.locator("svg.scenario-graph g.node").evaluateAll((groups) =>
      groups.map((g) => ({ id: g.getAttribute("data-node"), text: [...g.querySelectorAll("text")].map((t) => t.textContent).join(" ") })),
    );
    const listed = await page.locator(".node-list > li").evaluateAll((items) => items.map((li) => li.id.replace(/^node-/, "")));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.map((d) => d.id).sort()).toEqual([...listed].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const { id, text } of drawn) expect(text, id!).toContain(id);
    // …and as many as the scenario list counts (graph.ts graphCounts, another code path).
    const list = await env.browser.newPage();
    await list.goto(env.site.url + "trainers/", { waitUntil: "networkidle" });
    const counted = await list.locator(`[data-scenario="${graphPath!.split("/")[1]}"] [data-count="nodes"]`).textContent();
    expect(counted).toBe(`${drawn.length} 个`);
    await list.close();
    // The figure has an accessible name, and scrolls inside its own box when it is wide.
    await expect(page.locator("svg.scenario-graph").getAttribute("role")).resolves.toBe("img");
    await expect(page.locator("svg.scenario-graph title").first().textContent()).resolves.toMatch(/\S/);
    await page.close();
  });

  test("the text version's links lead to nodes on the page", async () => {
    const { page } = await open(graphPath!);
    const targets = await page.locator(".node-list a[href^='#']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(1)));
    expect(targets.length).toBeGreaterThan(0);
    for (const id of new Set(targets)) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    await page.close();
  });
});

describe.skipIf(!graphPath)("a graph page on a 375 px phone", () => {
  test("opens on the summary, and the graph scrolls in its own labelled box no taller than the screen", async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    const page = await context.newPage();
    await page.goto(env.site.url + graphPath!, { waitUntil: "networkidle" });
    // The check result, with "states" explained in plain words, is on the first screen.
    const status = page.locator(".summary [data-check='passed']");
    expect(await status.textContent()).toContain("检查通过");
    expect(await status.textContent()).toContain("什么是“局面”");
    const box = (await status.boundingBox())!;
    expect(box.y).toBeLessThan(740);
    // The graph box is a focusable, named region that scrolls, never taller than the screen.
    const region = page.locator(".graph__scroll");
    expect(await region.getAttribute("role")).toBe("region");
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.getAttribute("aria-label")).toMatch(/\S/);
    const size = await region.evaluate((el) => ({ height: el.clientHeight, scrolls: el.scrollHeight > el.clientHeight }));
    expect(size.height).toBeLessThanOrEqual(740);
    expect(size.scrolls).toBe(true);
    // It opens on the start node, not on a blank corner of a drawing wider than the phone.
    const boxRect = (await region.boundingBox())!;
    const startRect = (await page.locator("svg.scenario-graph g.node--start rect").boundingBox())!;
    expect(startRect.x).toBeGreaterThanOrEqual(boxRect.x);
    expect(startRect.x + startRect.width).toBeLessThanOrEqual(boxRect.x + boxRect.width);
    expect(startRect.y).toBeGreaterThanOrEqual(boxRect.y);
    expect(startRect.y + startRect.height).toBeLessThanOrEqual(boxRect.y + boxRect.height);
    // So the text version follows within a few screens, not after a graph thousands of pixels tall.
    const textTop = await page.locator("#text-version").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(textTop).toBeLessThan(4 * 740);
    await context.close();
  });

  test("labels choices with their Chinese text, and gives the ids only on hover", async () => {
    const { page } = await open(graphPath!);
    const labels = await page.locator("svg.scenario-graph g.edge-label").evaluateAll((groups) =>
      groups.map((g) => ({ shown: [...g.querySelectorAll("text")].map((t) => t.textContent).join(""), title: g.querySelector("title")?.textContent ?? "" })),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const { shown, title } of labels) {
      expect(shown).toMatch(/[\u4e00-\u9fff]/);
      expect(shown).not.toMatch(/\b[a-z]+-[a-z-]+\b/); // no choice id on the line itself
      expect(title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(labels.some(({ title }) => /（[a-z][\w-]*）/.test(title))).toBe(true);
    // The text version names each choice by its text, the id as the element's title.
    const choice = page.locator(".node-row__links .choice-text").first();
    expect(await choice.textContent()).toMatch(/^「.+」$/);
    expect(await choice.getAttribute("title")).toMatch(/^[a-z][\w-]*$/);
    await page.close();
  });
});

describe.skipIf(!graphPages.includes("drainage-ditch"))("folded text in the built site", () => {
  test("joins lines of Chinese without a space (the intro narration of drainage-ditch spans lines in its file)", async () => {
    const { page } = await open("trainers/drainage-ditch/");
    const about = await page.locator("#node-intro .node-row__about").textContent();
    expect(about).toContain("接到网格员何小燕的电话。三组的孙家");
    expect(about).not.toMatch(/[\u4e00-\u9fff。，] [\u4e00-\u9fff]/);
    await page.close();
  });
});

describe("the coverage page", () => {
  test("lists People's Mediation Law Arts. 17-33, each taught, practised and assessed, and every objective with its items", async () => {
    const { page, errors } = await open("trainers/coverage/");
    const required = page.locator('table[data-statute="rmtjf"] tbody tr').filter({ hasText: "必须" });
    const ids = await required.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.provision));
    expect(ids).toEqual(Array.from({ length: 17 }, (_, i) => `rmtjf-${17 + i}`));
    // The build refuses content that misses the rule, so no required row is short.
    expect(await page.locator("tr.short th:has-text('必须')").count()).toBe(0);
    for (const col of ["lessons", "scenarios", "items"]) {
      expect(await required.locator(`td[data-col="${col}"] .none`).count(), col).toBe(0);
    }
    // Art. 28 links a lesson that teaches it and a scenario that practises it.
    const art28 = page.locator('tr[data-provision="rmtjf-28"]');
    expect(await art28.locator('td[data-col="lessons"] a[href*="/courses/"]').count()).toBeGreaterThan(0);
    expect(await art28.locator('td[data-col="scenarios"] a[href*="/scenarios/"]').count()).toBeGreaterThan(0);
    // One row per lesson objective, each naming its reference.
    const refs = await page.locator("tr[data-objective]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.objective));
    expect(refs.length).toBeGreaterThan(60);
    expect(refs).toContain("procedure/starting-mediation#1");
    expect(await page.locator("[data-totals]").textContent()).toMatch(/共 \d+ 条法条/);
    // Wide tables scroll inside a labelled, focusable region.
    const region = page.locator('.table-region:has(table[data-statute="rmtjf"])');
    expect(await region.getAttribute("role")).toBe("region");
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(errors).toEqual([]);
    await page.close();
  });
});
