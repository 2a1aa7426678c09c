// Unit tests alone, for mutation testing (`npm run mutate -- --mutate "src/lib/<area>/**/*.ts"`).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/unit/**/*.test.ts"], environment: "node" },
});
