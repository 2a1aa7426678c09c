/**
 * The trainers' pages: the scenario list, a graph page (the largest, the hardest to fit on
 * a phone) and the scenario authoring guide render cleanly, pass axe, do not scroll
 * sideways, and the graph draws one labelled node per scenario node.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { serveDist, type StaticSite } from "./support/static-server.ts";
import { distDir } from "./support/dist.ts";

const dist = distDir();
const trainersDir = join(dist, "trainers");
/** Graph pages in dist/, largest first. */
const graphPages = existsSync(trainersDir)
  ? readdirSync(trainersDir)
      .filter((n) => existsSync(join(trainersDir, n, "index.html")))
      .sort((a, b) => statSync(join(trainersDir, b, "index.html")).size - statSync(join(trainersDir, a, "index.html")).size || a.localeCompare(b))
  : [];
const graphPath = graphPages.length ? `trainers/${graphPages[0]}/` : undefined;
const paths = ["trainers/", ...(graphPath ? [graphPath] : []), "authoring/scenarios/"];

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const response = await page.goto(site.url + path, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  return { page, errors };
}

describe.each(paths)("%s", (path) => {
  test("renders with no console error", async () => {
    const { page, errors } = await open(path);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/\S/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("has no serious or critical axe violation", async () => {
    const { page } = await open(path);
    const violations = await seriousAxeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.close();
  });

  test.each([
    ["normal", false],
    ["large", true],
  ])("does not scroll sideways at 375 px with %s text", async (_label, large) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    if (large) await context.addInitScript(() => localStorage.setItem("ma.textSize", "large"));
    const page = await context.newPage();
    await page.goto(site.url + path, { waitUntil: "networkidle" });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await context.close();
  });
});

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
    const list = await browser.newPage();
    await list.goto(site.url + "trainers/", { waitUntil: "networkidle" });
    const counted = await list.locator(`[data-scenario="${graphPages[0]}"] [data-count="nodes"]`).textContent();
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
