// Mutation testing of the pure domain (`npx stryker run`); not part of CI: a full run takes long.
// A subset: `npx stryker run --mutate "src/domain/stays/**/*.ts,!src/domain/**/*.test.ts"`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.domain.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/domain/**/*.ts",
    "!src/domain/**/*.test.ts",
    "!src/domain/**/*.fixtures.ts",
    "!src/domain/**/*.generated.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // TypeScript 7 has no JavaScript API for Stryker to rewrite the tsconfig with; vitest needs none.
  tsconfigFile: "tsconfig.stryker.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
