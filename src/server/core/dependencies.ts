import type { Logger } from "pino";
import type { Database } from "../../db/database.ts";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../config.ts";
import type { Keyring } from "./vault-keys.ts";

/** What the app is built from: explicit, passed by main.ts, the CLI and the tests. */
export type AppDependencies = {
  config: Config;
  db: Database;
  logger: Logger;
  /** Keys of the identity vault (encryption and blind indexes). */
  keyring: Keyring;
  /** "Now" and "today" (Europe/Rome) for every request and background job. */
  clock: Clock;
  /** Folder of the built web app; served with a fallback to index.html when present. */
  webRoot?: string;
};
