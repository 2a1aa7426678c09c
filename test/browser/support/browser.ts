/** Launches Debian's Chromium through playwright-core (never a downloaded browser). */
import { chromium, type Browser, type Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns serious and critical violations only. */
/** `include`: CSS selectors to check instead of the whole document (a page of thousands of cells takes axe minutes). */
export async function seriousAxeViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the site's Content-Security-Policy blocks
  // inline scripts it does not know, and a test tool must not need a hole in it.
  await page.evaluate(readFileSync(axePath, "utf8"));
  const violations = await page.evaluate(async (selectors) => {
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(context, { resultTypes: ["violations"] });
    return result.violations as AxeViolation[];
  }, include);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
