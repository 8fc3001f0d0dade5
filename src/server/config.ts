import path from "node:path";
import { z } from "zod";
import { italianIssueMessage } from "../domain/errors/field-problems.ts";
import { defaultDisclosureThreshold } from "../domain/reports/disclosure.ts";

/** The only reader of process.env: everything else receives a typed Config. */
const environmentSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  SIRMI_MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  SIRMI_DATA_DIR: z.string().min(1).default("./data"),
  SIRMI_HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SIRMI_PUBLIC_URL: z.string().url().optional(),
  SIRMI_REGION_NAME: z.string().default("Regione Toscana"),
  SIRMI_REGION_LOGO_URL: z
    .string()
    .refine((value) => value.startsWith("/") || /^https:\/\/[^\s]+$/.test(value), {
      error: "Un indirizzo https:// oppure un percorso che inizia con /",
    })
    .optional(),
  SIRMI_REGION_WEBSITE: z.url().optional(),
  SIRMI_HELP_CONTACT: z.string().min(3).default("assistenza.sirmi@regione.example.it"),
  SIRMI_PRIVACY_CONTACT: z.string().min(3).default("rpd@regione.example.it"),
  SIRMI_ACCESSIBILITY_STATEMENT_URL: z.url().optional(),
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
  SIRMI_EVENT_FILE_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(20),
  SIRMI_SINBA_PRODUCER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  SIRMI_AUTHORISATION_WARNING_DAYS: z.coerce.number().int().min(1).default(90),
  SIRMI_SUPPRESSION_THRESHOLD: z.coerce
    .number()
    .int()
    .min(defaultDisclosureThreshold)
    .default(defaultDisclosureThreshold),
  SIRMI_KEYS_FILE: z.string().min(1).optional(),
  SIRMI_VAULT_KEYS: z.string().min(1).optional(),
  SIRMI_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  SIRMI_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  SIRMI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  SIRMI_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(20).default(3),
  SIRMI_IDENTITY_ROLES_MIN_LEVEL: z.coerce.number().int().min(2).max(3).default(2),
  SIRMI_LOCAL_LOGIN: z.enum(["enabled", "disabled"]).default("enabled"),
  SIRMI_OIDC_ISSUER: z.url().optional(),
  SIRMI_OIDC_CLIENT_ID: z.string().min(1).optional(),
  SIRMI_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SIRMI_OIDC_CLIENT_AUTH: z.enum(["client_secret_basic", "client_secret_post", "private_key_jwt"]).optional(),
  SIRMI_OIDC_PRIVATE_KEY: z.string().min(1).optional(),
  SIRMI_OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  SIRMI_OIDC_SCOPES: z.string().min(1).default("openid profile"),
  SIRMI_OIDC_FISCAL_CODE_CLAIM: z.string().min(1).default("fiscal_number"),
  SIRMI_OIDC_LEVEL_CLAIM: z.string().min(1).default("acr"),
  SIRMI_OIDC_LEVEL_VALUES: z
    .string()
    .regex(/^[^=,\s]+=[123](,[^=,\s]+=[123])*$/, {
      error: "Elenco di coppie valore=livello (1, 2 o 3) separate da virgole",
    })
    .default(
      "https://www.spid.gov.it/SpidL1=1,https://www.spid.gov.it/SpidL2=2,https://www.spid.gov.it/SpidL3=3",
    ),
  SIRMI_OIDC_ACR_VALUES: z.string().min(1).default("https://www.spid.gov.it/SpidL2"),
  SIRMI_OIDC_REDIRECT_URL: z.url().optional(),
  SIRMI_OIDC_POST_LOGOUT_REDIRECT_URL: z.url().optional(),
  SIRMI_OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  SIRMI_OIDC_ID_TOKEN_ALG: z
    .string()
    .regex(/^(RS|PS|ES)(256|384|512)$/)
    .default("RS256"),
});

/** The Region's OpenID Connect provider (SPID/CIE broker); absent when no issuer is configured. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientAuth: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
  clientSecret: string | undefined;
  /** private_key_jwt: the private JWK as JSON, given directly or as the path of a file holding it. */
  privateKeyJson: string | undefined;
  privateKeyFile: string | undefined;
  scopes: string;
  fiscalCodeClaim: string;
  levelClaim: string;
  /** Value of the level claim → authentication level 1–3. */
  levelValues: Map<string, 1 | 2 | 3>;
  /** Levels asked of the provider (acr_values), in order of preference. */
  acrValues: string;
  redirectUrl: string;
  postLogoutRedirectUrl: string;
  clockToleranceSeconds: number;
  idTokenAlg: string;
};

export type Config = {
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  regionName: string;
  regionCode: string;
  /** What the pages show of the Region: its logo, website, help desk and data protection officer. */
  regionLogoUrl: string | undefined;
  regionWebsite: string | undefined;
  helpContact: string;
  privacyContact: string;
  /** The statement published on AgID's form.agid.gov.it, linked from the accessibility page. */
  accessibilityStatementUrl: string | undefined;
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
  eventFileLeaseSeconds: number;
  /** Seconds between two runs of the SINBA flow producer in the background; 0: never in the background. */
  sinbaProducerSeconds: number;
  /** The identity vault's keys: a JSON file (default: keys.json in the data folder)… */
  keysFile: string;
  /** …or the same JSON given directly, e.g. from a secret store. */
  vaultKeysJson: string | undefined;
  /**
   * Folder of the access log's signed checkpoints, out of the database owner's reach (default:
   * audit-checkpoints beside the data folder), and how often the server writes one.
   */
  auditCheckpointDir: string;
  auditCheckpointSeconds: number;
  sessionIdleMinutes: number;
  maxSessionsPerUser: number;
  /** Authentication level (2 = SPID L2 / CIE / password + code, 3 = SPID L3) for roles that see identities. */
  identityRolesMinLevel: 2 | 3;
  localLogin: boolean;
  oidc: OidcConfig | null;
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
    regionLogoUrl: env.SIRMI_REGION_LOGO_URL,
    regionWebsite: env.SIRMI_REGION_WEBSITE,
    helpContact: env.SIRMI_HELP_CONTACT,
    privacyContact: env.SIRMI_PRIVACY_CONTACT,
    accessibilityStatementUrl: env.SIRMI_ACCESSIBILITY_STATEMENT_URL,
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
    eventFileLeaseSeconds: env.SIRMI_EVENT_FILE_LEASE_SECONDS,
    sinbaProducerSeconds: env.SIRMI_SINBA_PRODUCER_SECONDS,
    keysFile: path.resolve(env.SIRMI_KEYS_FILE ?? path.join(env.SIRMI_DATA_DIR, "keys.json")),
    vaultKeysJson: env.SIRMI_VAULT_KEYS,
    auditCheckpointDir: path.resolve(
      env.SIRMI_AUDIT_CHECKPOINT_DIR ??
        path.join(path.dirname(path.resolve(env.SIRMI_DATA_DIR)), "audit-checkpoints"),
    ),
    auditCheckpointSeconds: env.SIRMI_AUDIT_CHECKPOINT_SECONDS,
    sessionIdleMinutes: env.SIRMI_SESSION_IDLE_MINUTES,
    maxSessionsPerUser: env.SIRMI_MAX_SESSIONS_PER_USER,
    identityRolesMinLevel: env.SIRMI_IDENTITY_ROLES_MIN_LEVEL as 2 | 3,
    localLogin: env.SIRMI_LOCAL_LOGIN === "enabled",
    oidc: oidcConfigOf(env, publicUrl),
  };
}

function oidcConfigOf(env: z.infer<typeof environmentSchema>, publicUrl: string): OidcConfig | null {
  if (!env.SIRMI_OIDC_ISSUER) return null;
  const problems: string[] = [];
  if (!env.SIRMI_OIDC_CLIENT_ID) problems.push("SIRMI_OIDC_CLIENT_ID: obbligatorio con SIRMI_OIDC_ISSUER");
  const hasKey = Boolean(env.SIRMI_OIDC_PRIVATE_KEY || env.SIRMI_OIDC_PRIVATE_KEY_FILE);
  const clientAuth = env.SIRMI_OIDC_CLIENT_AUTH ?? (hasKey ? "private_key_jwt" : "client_secret_basic");
  if (clientAuth === "private_key_jwt" && !hasKey)
    problems.push("SIRMI_OIDC_PRIVATE_KEY: obbligatoria (o SIRMI_OIDC_PRIVATE_KEY_FILE) con private_key_jwt");
  if (clientAuth !== "private_key_jwt" && !env.SIRMI_OIDC_CLIENT_SECRET)
    problems.push(`SIRMI_OIDC_CLIENT_SECRET: obbligatorio con ${clientAuth}`);
  if (!env.SIRMI_OIDC_SCOPES.split(/\s+/).includes("openid"))
    problems.push("SIRMI_OIDC_SCOPES: deve comprendere openid");
  if (problems.length > 0) throw new Error(`Configurazione non valida:\n${problems.join("\n")}`);
  return {
    issuer: env.SIRMI_OIDC_ISSUER,
    clientId: env.SIRMI_OIDC_CLIENT_ID as string,
    clientAuth,
    clientSecret: env.SIRMI_OIDC_CLIENT_SECRET,
    privateKeyJson: env.SIRMI_OIDC_PRIVATE_KEY,
    privateKeyFile: env.SIRMI_OIDC_PRIVATE_KEY_FILE
      ? path.resolve(env.SIRMI_OIDC_PRIVATE_KEY_FILE)
      : undefined,
    scopes: env.SIRMI_OIDC_SCOPES,
    fiscalCodeClaim: env.SIRMI_OIDC_FISCAL_CODE_CLAIM,
    levelClaim: env.SIRMI_OIDC_LEVEL_CLAIM,
    levelValues: new Map(
      env.SIRMI_OIDC_LEVEL_VALUES.split(",").map((pair) => {
        const at = pair.lastIndexOf("=");
        return [pair.slice(0, at), Number(pair.slice(at + 1)) as 1 | 2 | 3];
      }),
    ),
    acrValues: env.SIRMI_OIDC_ACR_VALUES,
    redirectUrl: env.SIRMI_OIDC_REDIRECT_URL ?? new URL("/api/v1/session/oidc/callback", publicUrl).href,
    postLogoutRedirectUrl:
      env.SIRMI_OIDC_POST_LOGOUT_REDIRECT_URL ?? new URL("/accesso?uscita=provider", publicUrl).href,
    clockToleranceSeconds: env.SIRMI_OIDC_CLOCK_TOLERANCE_SECONDS,
    idTokenAlg: env.SIRMI_OIDC_ID_TOKEN_ALG,
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
