/**
 * The built site served locally and one Chromium, for the tests of one file: started
 * before its first test, closed after its last. Read `env.site` and `env.browser` inside
 * tests and hooks (they are set once the file's beforeAll has run).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { serveDist, type StaticSite } from "./static-server.ts";

export interface SiteSession {
  site: StaticSite;
  browser: Browser;
}

/** `dist`: serve this folder instead of the build (e.g. a private copy to "deploy" into). */
export function useSiteAndBrowser(dist?: string): SiteSession {
  const env = {} as SiteSession;
  beforeAll(async () => {
    env.site = await serveDist(dist);
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
