// StrykerJS configuration (mutation testing of src/lib; not part of CI: too slow).
//
//   npm run mutate                          all of src/lib, every unit test
//   MUTATE_AREA=progress npm run mutate     one folder of src/lib with its own tests
//
// Runs are incremental: each result is kept in reports/stryker-incremental/<area>.json
// (committed), and the next run re-tests only the mutants whose code or covering tests
// changed. MUTATE_AREA picks the folder, its tests (test/unit/<area>/**/*.test.ts unless
// UNIT_TESTS says otherwise) and its own incremental file, so runs of different folders
// never overwrite each other's results. Add `--force` to re-test everything.
// Passing `--mutate` by hand narrows a run further, but the incremental file then keeps
// only the files mutated in that run; give such a run `--incrementalFile` of its own.
const area = process.env.MUTATE_AREA;
if (area !== undefined && !/^[a-z][a-z0-9-]*$/.test(area)) {
  throw new Error(`MUTATE_AREA must be a folder name under src/lib, got "${area}"`);
}
if (area !== undefined && process.env.UNIT_TESTS === undefined) {
  // Read by vitest.unit.config.ts in Stryker's worker processes, which inherit this environment.
  process.env.UNIT_TESTS = `test/unit/${area}/**/*.test.ts`;
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.unit.config.ts" },
  mutate: [area === undefined ? "src/lib/**/*.ts" : `src/lib/${area}/**/*.ts`],
  coverageAnalysis: "perTest",
  // Generous: on a shared 2-core machine a busy moment must not pass for an endless loop
  // (a timed-out mutant counts as killed and would flatter the score).
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: `reports/stryker-incremental/${area ?? "all"}.json`,
  reporters: ["clear-text", "progress"],
  concurrency: 2,
  tempDirName: area === undefined ? ".stryker-tmp" : `.stryker-tmp-${area}`,
  cleanTempDir: "always",
  ignorePatterns: ["/.stryker-tmp*", "/dist", "/bench-out", "/tmp", "/.astro", "/reports"],
};
