/**
 * /law/: every statute's version note (which text its article numbers follow) is shown on
 * the library's index card, not only on the statute's own page; the page stays axe-clean.
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { statutePath } from "../../src/lib/routes.ts";
import { seriousAxeViolations, watchErrors } from "./support/browser.ts";
import { useSiteAndBrowser } from "./support/session.ts";

const lawDir = "content/law";
const statutes: { id: string; note?: string }[] = readdirSync(lawDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parse(readFileSync(join(lawDir, f), "utf8")));
const withNotes = statutes.filter((s) => s.note);

const env = useSiteAndBrowser();

describe("law library index", () => {
  test("shows each statute's version note on its card", async () => {
    expect(withNotes.length).toBeGreaterThan(0);
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(env.site.url + "law/", { waitUntil: "networkidle" });
    for (const { id, note } of withNotes) {
      const card = page.locator(".card", { has: page.locator(`a[href$="${statutePath(id)}"]`) });
      await expect(card.count()).resolves.toBe(1);
      expect(await card.textContent()).toContain(note!.trim());
    }
    // A statute without a note shows no empty version line.
    for (const { id } of statutes.filter((s) => !s.note)) {
      const card = page.locator(".card", { has: page.locator(`a[href$="${statutePath(id)}"]`) });
      await expect(card.locator(".version-note").count()).resolves.toBe(0);
    }
    expect((await seriousAxeViolations(page)).map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
