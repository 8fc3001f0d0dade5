import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { appUser } from "./access.schema.ts";

/**
 * A minor outside the vault: the pseudonym and pseudonymous attributes only. Everything that
 * identifies the child (fiscal code, names, birth place, other identifiers) lives in
 * identity_vault; the birth date is also here only so that reports compute exact ages.
 */
export const minor = pgTable(
  "minor",
  {
    id: uuid("id").primaryKey(),
    /** SINBA IDBeneficiario: random, ≤ 20 characters, never derived from the identity. */
    pseudonym: text("pseudonym").notNull().unique(),
    sex: text("sex").notNull(),
    /** YYYY-MM: what any view or export may show of the birth date. */
    birthYearMonth: text("birth_year_month"),
    /**
     * The birth date, for ages in completed years in reports only: no view, microdata or export
     * shows more of it than `birthYearMonth`. Null when unknown (or not yet filled from the vault).
     */
    birthDate: date("birth_date", { mode: "string" }),
    citizenship: text("citizenship"),
    residenceComune: text("residence_comune"),
    isPossibleDuplicate: boolean("is_possible_duplicate").notNull().default(false),
    /** Set when merged into another minor: the pseudonym keeps resolving, to the survivor. */
    mergedInto: uuid("merged_into"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("minor_merged_into").on(t.mergedInto),
    // The few minors still without a birth date: the server's start looks for them here.
    index("minor_birth_date_missing").on(t.id).where(sql`birth_date is null`),
  ],
);

/** The identity vault: every field encrypted on its own (AES-256-GCM) under a key named by id. */
export const identityVault = pgTable("identity_vault", {
  minorId: uuid("minor_id")
    .primaryKey()
    .references(() => minor.id),
  keyId: text("key_id").notNull(),
  fiscalCode: text("fiscal_code"),
  familyName: text("family_name"),
  givenName: text("given_name"),
  sex: text("sex").notNull(),
  birthDate: text("birth_date"),
  birthPlace: text("birth_place"),
  citizenship: text("citizenship"),
  otherIds: text("other_ids"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/**
 * Keyed blind indexes (HMAC-SHA-256 under the Region's index key): the only way to find a minor
 * from an identity. A fiscal code or another identifier as written is unique; the base code
 * (omocodia undone), exact names + birth date and the blocking keys are not.
 */
export const identityIndex = pgTable(
  "identity_index",
  {
    kind: text("kind").notNull(),
    digest: text("digest").notNull(),
    minorId: uuid("minor_id")
      .notNull()
      .references(() => minor.id),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.digest, t.minorId] }),
    uniqueIndex("identity_index_unique_identifier")
      .on(t.kind, t.digest)
      .where(sql`kind in ('fiscal-code', 'other-id')`),
    // Minor first, then kind: "does this minor have a fiscal code" must not scan a whole kind.
    index("identity_index_minor_kind").on(t.minorId, t.kind),
  ],
);

/** Pairs that may be the same child, for the registry steward. */
export const duplicateReview = pgTable(
  "duplicate_review",
  {
    id: uuid("id").primaryKey(),
    /** The pair in a fixed order (smaller id first), so that a pair is queued once. */
    firstMinorId: uuid("first_minor_id")
      .notNull()
      .references(() => minor.id),
    secondMinorId: uuid("second_minor_id")
      .notNull()
      .references(() => minor.id),
    score: integer("score").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    /** pending | merged | different */
    state: text("state").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => appUser.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("duplicate_review_pair").on(t.firstMinorId, t.secondMinorId),
    index("duplicate_review_state").on(t.state),
  ],
);

/** A merge and what it re-pointed, so that it can be undone exactly. */
export const minorMerge = pgTable("minor_merge", {
  id: uuid("id").primaryKey(),
  survivorId: uuid("survivor_id")
    .notNull()
    .references(() => minor.id),
  mergedId: uuid("merged_id")
    .notNull()
    .references(() => minor.id),
  reviewId: uuid("review_id").references(() => duplicateReview.id),
  reason: text("reason").notNull(),
  /** Rows re-pointed to the survivor, by table: restored on undo. */
  repointed: jsonb("repointed").$type<Record<string, string[]>>().notNull(),
  /** Both minor rows as they were before the merge, restored exactly on undo. */
  snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  mergedBy: uuid("merged_by").references(() => appUser.id),
  mergedAt: timestamp("merged_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  undoneBy: uuid("undone_by").references(() => appUser.id),
  undoneAt: timestamp("undone_at", { withTimezone: true, mode: "string" }),
  undoReason: text("undo_reason"),
});
