// Unit tests alone, for mutation testing:
//   npm run mutate -- --mutate "src/lib/<area>/**/*.ts"
// UNIT_TESTS narrows the tests Stryker runs (e.g. UNIT_TESTS="test/unit/cert/**/*.test.ts"),
// which keeps a run on one folder to minutes instead of hours.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: [process.env.UNIT_TESTS ?? "test/unit/**/*.test.ts"], environment: "node" },
});
