import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "../db/open-database.ts";
import type { Clock } from "../domain/time/clock.ts";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { startAuditCheckpoints } from "./core/audit-checkpoints.ts";
import type { Keyring } from "./core/vault-keys.ts";
import { fillBirthDates } from "./features/registry/index.ts";
import { createLogger } from "./http/logger.ts";

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/** Builds the web app when it has never been built (first `npm start` after `npm ci`). */
export async function ensureWebBuilt(webRoot: string, log: (message: string) => void) {
  if (fs.existsSync(path.join(webRoot, "index.html"))) return;
  log("Preparazione dell'applicazione web (solo al primo avvio)…");
  const { build } = await import("vite");
  await build({
    configFile: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../vite.config.ts"),
    logLevel: "warn",
    build: { outDir: webRoot, emptyOutDir: true },
  });
}

/**
 * Opens the HTTP server on an already migrated database; writes the access log's checkpoints on a
 * timer; stops cleanly on SIGINT/SIGTERM, with a last checkpoint.
 */
export async function serve(
  config: Config,
  handle: DatabaseHandle,
  keyring: Keyring,
  clock: Clock,
  webRoot = defaultWebRoot,
) {
  const logger = createLogger(config.logLevel);
  const app = await buildApp({ config, db: handle.db, logger, webRoot, keyring, clock });
  // Minors recorded before the birth date joined their pseudonymous record get it now.
  const birthDates = await fillBirthDates(handle.db, keyring, { system: true, label: "avvio del server" });
  if (birthDates.read > 0) logger.info({ minors: birthDates.read }, "birth dates filled from the vault");
  const address = await app.listen({ host: config.host, port: config.port });
  const checkpoints = startAuditCheckpoints({
    db: handle.db,
    keyring,
    clock,
    folder: config.auditCheckpointDir,
    intervalMs: config.auditCheckpointSeconds * 1000,
    onError: (error) => logger.error({ err: error }, "audit checkpoint not written"),
  });
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await app.close();
    // After the last request: the final checkpoint covers every entry written.
    await checkpoints.stop();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  return { app, address };
}
