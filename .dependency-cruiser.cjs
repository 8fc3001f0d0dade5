/**
 * Import rules of the layout (docs/architecture.md, "Layering rules"), checked by
 * `npm run check:dependencies` and in CI. Type-only imports count like any other.
 */
const testFile = "\\.(test|fixtures)\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "src/domain is pure TypeScript: it imports only zod and itself (its tests may use test tools).",
      severity: "error",
      from: { path: "^src/domain/", pathNot: testFile },
      to: { pathNot: ["^src/domain/", "^node_modules/zod/"] },
    },
    {
      name: "web-not-server",
      comment: "The web app shares contracts through src/domain, never the server's or the database's code.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/(server|db|cli)/" },
    },
    {
      name: "feature-through-index",
      comment:
        "Another server feature is reached through its index.ts only (shared pieces live in src/server/core).",
      severity: "error",
      from: { path: "^src/server/features/([^/]+)/", pathNot: testFile },
      to: {
        path: "^src/server/features/",
        pathNot: ["^src/server/features/$1/", "^src/server/features/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "outside-through-index",
      comment: "The app, the HTTP edge and the command line reach a feature through its index.ts only.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/server/features/", testFile] },
      to: { path: "^src/server/features/", pathNot: "^src/server/features/[^/]+/index\\.ts$" },
    },
    {
      name: "core-below-features",
      comment: "The server core serves the features; it never depends on one.",
      severity: "error",
      from: { path: "^src/server/core/", pathNot: testFile },
      to: { path: "^src/server/features/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles, type-only imports included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
