import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { queryRows } from "../../../src/db/database.ts";
import { systemClock } from "../../../src/domain/time/clock.ts";
import { buildApp } from "../../../src/server/app.ts";
import { loadConfig } from "../../../src/server/config.ts";
import { generateKeyringFile, keyringOf } from "../../../src/server/core/vault-keys.ts";
import { createLogger } from "../../../src/server/http/logger.ts";
import type { TestApp } from "../../support/test-app.ts";
import { openTestDatabase } from "../../support/test-database.ts";
import { registerZoneCodes } from "./raw-codes.ts";

/**
 * The real app on a private database, serving the built web app, listening on a free port.
 * `environment` overrides settings (the Region's name, for instance).
 */
export async function startJourneyApp(
  webRoot: string,
  environment: Record<string, string> = {},
  port = 0,
): Promise<TestApp & { baseUrl: string }> {
  const handle = await openTestDatabase();
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(String(chunk));
      callback();
    },
  });
  const config = loadConfig({
    SIRMI_LOG_LEVEL: "warn",
    SIRMI_RATE_LIMIT_PER_MINUTE: "100000",
    SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    ...environment,
  });
  const keyring = keyringOf(generateKeyringFile());
  const app = await buildApp({
    config,
    db: handle.db,
    logger: createLogger(config.logLevel, stream),
    keyring,
    // The browser fills dates from its own calendar: the server keeps the same one.
    clock: systemClock,
    webRoot,
  });
  const address = await app.listen({ port, host: "127.0.0.1" });
  const zones = await queryRows<{ code: string }>(handle.db, sql`select code from zone`);
  registerZoneCodes(zones.map((zone) => zone.code));
  return {
    app,
    db: handle.db,
    handle,
    logLines,
    config,
    keyring,
    clock: systemClock,
    today: systemClock.today(),
    baseUrl: address,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
