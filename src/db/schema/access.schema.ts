import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
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
  passwordHash: text("password_hash").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

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
  },
  (t) => [
    index("audit_entry_recorded_at").on(t.recordedAt),
    index("audit_entry_user").on(t.userId),
    index("audit_entry_minor").on(t.minorPseudonym),
  ],
);
