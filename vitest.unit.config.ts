// Unit tests alone, for mutation testing (stryker.config.mjs):
//   MUTATE_AREA=<area> npm run mutate
// UNIT_TESTS narrows the tests Stryker runs (MUTATE_AREA sets it to test/unit/<area>/**/*.test.ts
// unless given), which keeps a run on one folder to minutes instead of hours.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // A long timeout: Stryker runs these on a shared machine, where a loaded core can make a
  // one-second test take many; a timed-out dry run stops the whole mutation run.
  test: { include: [process.env.UNIT_TESTS ?? "test/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
});
