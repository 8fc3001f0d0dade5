import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const organisation = pgTable("organisation", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** region | social-service | operator | observatory */
  kind: text("kind").notNull(),
  fiscalCode: text("fiscal_code").unique(),
  legalNature: text("legal_nature"),
  comune: text("comune"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const appUser = pgTable("app_user", {
  id: uuid("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** argon2id; null for a person who signs in only through the Region's provider (SPID/CIE). */
  passwordHash: text("password_hash"),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Keyed digest (HMAC) of the person's fiscal code, matched against the provider's claim; never the code. */
  fiscalCodeDigest: text("fiscal_code_digest").unique(),
  /** Set by a reset or a creation with a temporary password: the next login must change it. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  failedLoginCount: integer("failed_login_count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  /** TOTP secret sealed with the vault's key (context user|id|totp), once enrolment is confirmed. */
  totpSecretSealed: text("totp_secret_sealed"),
  totpKeyId: text("totp_key_id"),
  /** A secret offered for enrolment, not yet confirmed with a code. */
  totpPendingSealed: text("totp_pending_sealed"),
  totpPendingKeyId: text("totp_pending_key_id"),
  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
});

/** One-time recovery codes of the second factor, as keyed digests; used ones keep their instant. */
export const recoveryCode = pgTable(
  "recovery_code",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    codeDigest: text("code_digest").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeDigest] })],
);

/**
 * An authorization request sent to the Region's OpenID provider and not yet answered: the state
 * (by digest), the browser it was started from (by digest of a cookie), the nonce and the PKCE
 * verifier (sealed). Deleted when the answer comes back, so that an answer counts once.
 */
export const oidcLoginRequest = pgTable(
  "oidc_login_request",
  {
    stateDigest: text("state_digest").primaryKey(),
    browserDigest: text("browser_digest").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifierSealed: text("code_verifier_sealed").notNull(),
    keyId: text("key_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("oidc_login_request_expires").on(t.expiresAt)],
);

export const membership = pgTable(
  "membership",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    role: text("role").notNull(),
    /** For structure roles: limits the membership to one structure of the operator; null = all. */
    structureId: uuid("structure_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("membership_unique").on(
      t.userId,
      t.organisationId,
      t.role,
      sql`coalesce(${t.structureId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const session = pgTable(
  "session",
  {
    /** SHA-256 of the cookie token: a leaked table does not yield usable cookies. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    membershipId: uuid("membership_id").references(() => membership.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Shown to its owner and to administrators; revocation goes by it, never by the token. */
    id: uuid("id").notNull().unique().default(sql`gen_random_uuid()`),
    /** The last request: a session idle longer than the configured minutes is over. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** password | oidc */
    authMethod: text("auth_method").notNull().default("password"),
    /** 1–3 (authentication-levels.ts): roles that see identities need the configured level. */
    authenticationLevel: integer("authentication_level").notNull().default(1),
    /** A step still owed before the session may act: second-factor | password-change | second-factor-enrolment. */
    pendingStep: text("pending_step"),
    /** The provider's ID token, sealed with the vault's key: the hint for logging out there. */
    idTokenSealed: text("id_token_sealed"),
    idTokenKeyId: text("id_token_key_id"),
    userAgent: text("user_agent"),
  },
  (t) => [index("session_user").on(t.userId)],
);

/**
 * Append-only, hash-chained access log. A trigger refuses UPDATE and DELETE for everybody, and
 * in PostgreSQL the application's role is granted only SELECT and INSERT on it.
 */
export const auditEntry = pgTable(
  "audit_entry",
  {
    sequence: bigint("sequence", { mode: "number" }).primaryKey(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull(),
    userId: uuid("user_id"),
    username: text("username"),
    organisationId: uuid("organisation_id"),
    organisationCode: text("organisation_code"),
    role: text("role"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    minorPseudonym: text("minor_pseudonym"),
    purpose: text("purpose"),
    outcome: text("outcome").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
    /** The log key that sealed the entry (HMAC); null for entries from before the log was keyed. */
    keyId: text("key_id"),
  },
  (t) => [
    index("audit_entry_recorded_at").on(t.recordedAt),
    index("audit_entry_user").on(t.userId),
    index("audit_entry_minor").on(t.minorPseudonym),
  ],
);

/**
 * Where keying starts: entries from this sequence on must carry a key id and an HMAC. Written
 * once by the migration that keyed the log (after the entries that existed then); append-only.
 */
export const auditKeying = pgTable("audit_keying", {
  keyedFromSequence: bigint("keyed_from_sequence", { mode: "number" }).primaryKey(),
  recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
