import { defineConfig } from "vitest/config";

/** The pure domain's tests alone: no database, no global setup (used by mutation testing). */
export default defineConfig({
  test: {
    include: ["src/domain/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    // As in vitest.config.ts: property tests of the fiscal code take seconds on a busy machine.
    testTimeout: 60_000,
  },
});
