import path from "node:path";
import { z } from "zod";
import { italianIssueMessage } from "../domain/errors/field-problems.ts";

/** The only reader of process.env: everything else receives a typed Config. */
const environmentSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  SIRMI_MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  SIRMI_DATA_DIR: z.string().min(1).default("./data"),
  SIRMI_HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SIRMI_PUBLIC_URL: z.string().url().optional(),
  SIRMI_REGION_NAME: z.string().default("Regione Toscana"),
  SIRMI_REGION_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default("09"),
  SIRMI_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIRMI_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  SIRMI_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SIRMI_SESSION_HOURS: z.coerce.number().min(0.1).max(24).default(8),
  SIRMI_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SIRMI_EVENT_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1_048_576),
  SIRMI_EVENT_FILE_CHUNK_LINES: z.coerce.number().int().min(1).max(1000).default(500),
  SIRMI_AUTHORISATION_WARNING_DAYS: z.coerce.number().int().min(1).default(90),
  SIRMI_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(3).default(3),
  SIRMI_KEYS_FILE: z.string().min(1).optional(),
  SIRMI_VAULT_KEYS: z.string().min(1).optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  regionName: string;
  regionCode: string;
  logLevel: z.infer<typeof environmentSchema>["SIRMI_LOG_LEVEL"];
  secureCookies: boolean;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  sessionHours: number;
  bodyLimitBytes: number;
  authorisationWarningDays: number;
  /** Published reports hide counts from 1 to this value minus one (statistical protection). */
  suppressionThreshold: number;
  /** Largest event file (POST /api/v1/event-files) and lines ingested per chunk of its processing. */
  eventFileMaxBytes: number;
  eventFileChunkLines: number;
  /** The identity vault's keys: a JSON file (default: keys.json in the data folder)… */
  keysFile: string;
  /** …or the same JSON given directly, e.g. from a secret store. */
  vaultKeysJson: string | undefined;
};

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${italianIssueMessage(issue)}`,
    );
    throw new Error(`Configurazione non valida:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const publicUrl = env.SIRMI_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return {
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.SIRMI_MIGRATION_DATABASE_URL ?? env.DATABASE_URL,
    dataDir: path.resolve(env.SIRMI_DATA_DIR),
    host: env.SIRMI_HOST,
    port: env.PORT,
    publicUrl,
    regionName: env.SIRMI_REGION_NAME,
    regionCode: env.SIRMI_REGION_CODE,
    logLevel: env.SIRMI_LOG_LEVEL,
    secureCookies: env.SIRMI_SECURE_COOKIES
      ? env.SIRMI_SECURE_COOKIES === "true"
      : publicUrl.startsWith("https:"),
    rateLimitPerMinute: env.SIRMI_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: env.SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE,
    sessionHours: env.SIRMI_SESSION_HOURS,
    bodyLimitBytes: env.SIRMI_BODY_LIMIT_BYTES,
    authorisationWarningDays: env.SIRMI_AUTHORISATION_WARNING_DAYS,
    suppressionThreshold: env.SIRMI_SUPPRESSION_THRESHOLD,
    eventFileMaxBytes: env.SIRMI_EVENT_FILE_MAX_BYTES,
    eventFileChunkLines: env.SIRMI_EVENT_FILE_CHUNK_LINES,
    keysFile: path.resolve(env.SIRMI_KEYS_FILE ?? path.join(env.SIRMI_DATA_DIR, "keys.json")),
    vaultKeysJson: env.SIRMI_VAULT_KEYS,
  };
}

/** Test and tooling settings also come through here, so that nothing else reads process.env. */
export function readTestSettings(environment: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl: environment.DATABASE_URL,
    chromiumPath: environment.SIRMI_CHROMIUM ?? "/usr/bin/chromium",
    isCi: environment.CI === "true",
  };
}
