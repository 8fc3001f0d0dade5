import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const repositoryRoot = path.dirname(fileURLToPath(import.meta.url));
const dependency = (file: string) => path.join(repositoryRoot, "node_modules", file);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      {
        // Components of the web app in a simulated DOM: no database, no browser.
        extends: true,
        plugins: [react()],
        resolve: {
          alias: [
            // Their package entry points misbehave under Node (CommonJS build, browser bundle):
            // the ESM builds, as the browser gets them from Vite.
            { find: /^design-react-kit$/, replacement: dependency("design-react-kit/dist/index.js") },
            {
              find: /^bootstrap-italia$/,
              replacement: dependency("bootstrap-italia/dist/bootstrap-italia.esm.js"),
            },
          ],
        },
        test: {
          name: "web",
          include: ["src/web/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["test/support/web-setup.ts"],
          // Its ESM build imports its modules without extensions: let Vite resolve them.
          server: { deps: { inline: ["design-react-kit"] } },
        },
      },
    ],
  },
});
