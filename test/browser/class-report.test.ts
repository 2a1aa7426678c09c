/**
 * /trainers/class/ with the seeded class of 300 (scripts/report/class-fixtures.ts), plus a
 * damaged file and a second file of one learner: bad files are listed, the learner is
 * merged, the table filters, the planted distractor is flagged, both CSVs equal what
 * `npm run report` writes for the same files, and decisions are drawn over each scenario's graph.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateClass, type GeneratedClass } from "../../scripts/report/class-fixtures.ts";
import { checkAll } from "../../src/lib/check-all.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const env = useSiteAndBrowser();
const dir = mkdtempSync(join(tmpdir(), "class-report-"));
const cliOut = join(dir, "cli");
let generated: GeneratedClass;
let page: Page;
let errors: string[];
const workers: string[] = [];

beforeAll(async () => {
  generated = await generateClass(checkAll(root, join(root, "content")), { learners: 300 });
  const files = join(dir, "files");
  execFileSync("mkdir", ["-p", files]);
  for (const f of generated.files) writeFileSync(join(files, f.name), f.text);
  writeFileSync(join(files, "zz-damaged.json"), generated.files[0].text.slice(0, 500));
  // The same learner's record again, from another device: merged, not counted twice.
  writeFileSync(join(files, "zz-second-copy.json"), generated.files[1].text);
  execFileSync("npx", ["tsx", "scripts/report.ts", files, "--out", cliOut], { cwd: root, stdio: "pipe" });

  page = await (await env.browser.newContext({ acceptDownloads: true })).newPage();
  errors = watchErrors(page);
  page.on("console", (message) => void (message.type() === "warning" && errors.push(`warning: ${message.text()}`)));
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto(`${env.site.url}trainers/class/`, { waitUntil: "networkidle" });
  await page.locator("#class-files").setInputFiles(readdirSync(files).map((n) => join(files, n)));
  await page.getByText("读取了 302 个文件").waitFor({ timeout: 60_000 });
}, 300_000);

afterAll(() => page?.context().close());

async function download(which: "class" | "items"): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`button[data-csv=${which}]`).click()]);
  return readFileSync(await file.path(), "utf8");
}

describe("the class report", () => {
  test("lists the damaged file, merges the second copy and shows one row per learner", async () => {
    await expect(page.locator(".class-status").textContent()).resolves.toContain("学员 300 人；1 个文件是同一学员的另一份记录，已合并；1 个文件未能读取");
    await expect(page.locator("#class-refused-heading + ul").textContent()).resolves.toContain("zz-damaged.json");
    expect(await page.locator("#class-table tbody tr").count()).toBe(100);
    // The files were checked in workers, none of which failed (a failure would warn and check in the page).
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((url) => /class-worker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
  });

  test("shows the table a hundred learners at a time, paging through all 300", async () => {
    const pager = page.getByRole("navigation", { name: "学员进度表翻页" });
    const first = await page.locator("#class-table tbody tr").first().getAttribute("data-learner");
    await expect(pager.textContent()).resolves.toContain("第 1–100 名，共 300 名");
    await expect(pager.getByRole("button", { name: "上一页" }).getAttribute("aria-disabled")).resolves.toBe("true");
    const seen = new Set(await page.locator("#class-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-learner"))));
    for (const range of ["第 101–200 名", "第 201–300 名"]) {
      await pager.getByRole("button", { name: "下一页" }).click();
      await expect(pager.textContent()).resolves.toContain(range);
      for (const id of await page.locator("#class-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-learner")))) seen.add(id);
    }
    expect(seen.size).toBe(300);
    const next = pager.getByRole("button", { name: "下一页" });
    await expect(next.getAttribute("aria-disabled")).resolves.toBe("true");
    // On the last page "next" does nothing, and keeps the focus.
    await next.focus();
    await page.keyboard.press("Enter");
    await expect(pager.textContent()).resolves.toContain("第 201–300 名");
    await expect(next.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    // Sorting starts again at the first page.
    await page.getByRole("button", { name: "按“姓名”排序" }).click();
    await expect(pager.textContent()).resolves.toContain("第 1–100 名");
    await page.getByRole("button", { name: "按“村（社区）”排序" }).click();
    await expect(page.locator("#class-table tbody tr").first().getAttribute("data-learner")).resolves.toBe(first);
  });

  test("gives the same CSV files as npm run report", async () => {
    expect(await download("class")).toBe(readFileSync(join(cliOut, "class.csv"), "utf8"));
    expect(await download("items")).toBe(readFileSync(join(cliOut, "items.csv"), "utf8"));
  });

  test("flags the planted misleading option in plain words", async () => {
    const row = page.locator(`table[data-quiz="${generated.planted.quiz}"] tr[data-item="${generated.planted.item}"]`);
    await expect(row.textContent()).resolves.toMatch(/选项 [A-F] 被高分学员选得比低分学员多：可能有歧义/);
  });

  test("filters by township and sorts by a column, saying how many are shown", async () => {
    const township = await page.locator("#class-township option").nth(1).getAttribute("value");
    await page.locator("#class-township").selectOption(township!);
    const shown = Number((await page.locator(".class-shown").textContent())?.match(/显示 (\d+) \/ 300/)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(300);
    expect(await page.locator("#class-table tbody tr").count()).toBe(Math.min(shown, 100));
    const places = await page.locator("#class-table tbody tr td:nth-child(2)").allTextContents();
    expect(places.every((p) => p.startsWith(township!))).toBe(true);
    await page.getByRole("button", { name: "按“学习时长（小时）”排序" }).click();
    const hours = (await page.locator("#class-table tbody tr").evaluateAll((rows, col) => rows.map((r) => Number(r.children[col]?.textContent)), 3 + 3)).filter(Number.isFinite);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain("学习时长");
    await page.locator("#class-township").selectOption("");
  });

  test("draws each scenario's decisions over its graph, with the same figures as its tables, scrolling in its own box on a phone", async () => {
    const details = page.locator("details.class-scenario[data-scenario]").first();
    await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const figure = details.locator("figure.decision-graph");
    await expect(figure.locator("svg[role=img]").getAttribute("aria-label")).resolves.toMatch(/决策分支图：\d+ 名学员，\d+ 个步骤无人到达/);
    // Endings: the node's figure in the drawing is the endings table's.
    for (const row of await details.locator("tr[data-node]").all()) {
      const node = await row.getAttribute("data-node");
      const learners = Number(await row.locator("td").first().textContent());
      await expect(figure.locator(`g.decision-node[data-node="${node}"]`).getAttribute("data-learners")).resolves.toBe(String(learners));
      await expect(figure.locator(`g.decision-node[data-node="${node}"]`).textContent()).resolves.toContain(learners ? `到达 ${learners} 人` : "无人到达");
    }
    // Choices leading to one node: the link's learners are the choice's row in the decision tables; wider when more took it.
    const edges = await figure.locator("path.decision-edge").evaluateAll((paths) =>
      paths.map((p) => ({ from: p.dataset.from!, choice: p.dataset.choice!, learners: Number(p.dataset.learners), width: Number(p.getAttribute("stroke-width")), mistake: p.classList.contains("is-mistake") })),
    );
    const decisionEdges = edges.filter((e) => e.choice && !e.choice.includes("lawful"));
    expect(decisionEdges.length).toBeGreaterThan(5);
    let compared = 0;
    for (const e of decisionEdges) {
      if (decisionEdges.filter((o) => o.from === e.from && o.choice === e.choice).length !== 1) continue;
      const cell = details.locator(`table[data-node="${e.from}"] tr[data-choice="${e.choice}"] td`).first();
      if (!(await cell.count())) continue;
      expect(Number(await cell.textContent())).toBe(e.learners);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const byLearners = [...edges].sort((a, b) => a.learners - b.learners);
    expect(byLearners[0].width).toBeLessThan(byLearners.at(-1)!.width);
    // A mistake is told by words too, not only by its red line (taken or not, it is labelled).
    expect(edges.filter((e) => e.mistake && e.learners > 0).length).toBeGreaterThan(0);
    const mistaken = edges.filter((e) => e.mistake).length;
    expect(await figure.locator("g.decision-label", { hasText: "⚠ 失误" }).count()).toBe(mistaken);
    // On a phone the drawing keeps its size and scrolls inside its focusable box; the page does not.
    await page.setViewportSize({ width: 375, height: 740 });
    const box = figure.locator(".decision-graph__scroll");
    await expect(box.getAttribute("tabindex")).resolves.toBe("0");
    const sizes = await box.evaluate((b) => ({ inner: b.scrollWidth, shown: b.clientWidth, page: document.documentElement.scrollWidth }));
    expect(sizes.inner).toBeGreaterThan(sizes.shown);
    expect(sizes.page).toBeLessThanOrEqual(375);
    // Opened on the phone, a scenario's box starts scrolled to its start node, not to a blank edge.
    const other = page.locator("details.class-scenario[data-scenario]").nth(1);
    await other.locator("summary").click();
    const scroller = other.locator(".decision-graph__scroll");
    await expect.poll(() => scroller.getAttribute("data-placed")).toBe("1");
    // The layout lists the start node first (scenario-graph/model.ts).
    const [boxRect, startRect] = await Promise.all([scroller.boundingBox(), other.locator("g.decision-node").first().boundingBox()]);
    expect(startRect!.x + startRect!.width / 2).toBeGreaterThan(boxRect!.x);
    expect(startRect!.x + startRect!.width / 2).toBeLessThan(boxRect!.x + boxRect!.width);
    await other.locator("summary").click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test("draws the charts with text and a table alternative, and passes axe", async () => {
    expect(await page.locator("figure.class-chart svg[role=img]").count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator("figure.class-chart").first().locator("details table").count()).resolves.toBe(1);
    // One of each kind of part (the page's other 600-odd table rows repeat these); the
    // empty page is checked whole with every other page type in pages.test.ts.
    const one = ["class-report > .file-drop", ".class-status", ".class-filter", ".class-actions", ".class-summary", "#class-table thead", "#class-table tbody tr:first-child", "figure.class-chart", "table[data-quiz] thead", "table[data-quiz] tbody tr.is-flagged", "details.class-scenario[open]"];
    // The open details is the first scenario's, with its decision drawing (opened above; the closed ones repeat it).
    await page.locator("details.class-scenario").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await seriousAxeViolations(page, one)).toEqual([]);
  }, 180_000);
});
