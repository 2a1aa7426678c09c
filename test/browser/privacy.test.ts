/**
 * The built site publishes no ID-card number, no mainland mobile number and none of the
 * sample holders' full names (rosters and the registry carry masked names only). Runs in
 * the browser phase because that is when dist/ exists; the patterns are unit-tested in
 * test/unit/cert/privacy.test.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { scan } from "../support/privacy-scan.ts";
import { distDir } from "./support/dist.ts";

test("the built site holds no ID-card number, mobile number or sample full name", () => {
  const dist = distDir();
  expect(existsSync(join(dist, "registry", "index.json"))).toBe(true);
  expect(scan(dist)).toEqual([]);
});
