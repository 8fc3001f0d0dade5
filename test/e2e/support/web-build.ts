import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "vite";

/** Builds the web app once into a temporary folder, leaving any dist/web of the user untouched. */
export async function buildWebApp(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-web-"));
  await build({
    configFile: path.resolve("vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
