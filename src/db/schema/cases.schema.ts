import { sql } from "drizzle-orm";
import {
  bigint,
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
import type { CaseProblem } from "../../domain/cases/case-problems.ts";
import type { CaseEventPayload, CaseProjection } from "../../domain/cases/case-projection.ts";
import { appUser, organisation } from "./access.schema.ts";
import { minor } from "./registry.schema.ts";

/**
 * A SINBA case (presa in carico): one social service having one minor in charge, from opening to
 * closure. The row is the projection of the case's events, recomputed in the same transaction.
 */
export const socialCase = pgTable(
  "social_case",
  {
    id: uuid("id").primaryKey(),
    minorId: uuid("minor_id")
      .notNull()
      .references(() => minor.id),
    serviceOrganisationId: uuid("service_organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** open | closed */
    status: text("status").notNull(),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    assignedOperatorId: uuid("assigned_operator_id").references(() => appUser.id),
    /** The code of the service a pending transfer is addressed to. */
    transferToServiceCode: text("transfer_to_service_code"),
    projection: jsonb("projection").$type<CaseProjection>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    // One open case per minor per service.
    uniqueIndex("social_case_one_open").on(t.minorId, t.serviceOrganisationId).where(sql`closed_on is null`),
    index("social_case_service").on(t.serviceOrganisationId, t.status),
    index("social_case_minor").on(t.minorId),
  ],
);

/**
 * Every SINBA case fact ever received, append-only (a trigger refuses changes but the minor's,
 * which a merge moves). A rejected event keeps only its rejection. Cases are recomputed from here.
 */
export const caseEvent = pgTable(
  "case_event",
  {
    /** The sender's UUID: idempotency key. */
    id: uuid("id").primaryKey(),
    arrival: bigint("arrival", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** user | client */
    sourceKind: text("source_kind").notNull(),
    sourceId: uuid("source_id").notNull(),
    contentDigest: text("content_digest").notNull(),
    /** accepted | rejected */
    status: text("status").notNull(),
    type: text("type"),
    caseId: uuid("case_id"),
    occurredOn: date("occurred_on", { mode: "string" }),
    minorId: uuid("minor_id").references(() => minor.id),
    payload: jsonb("payload").$type<CaseEventPayload>(),
    warnings: jsonb("warnings").$type<CaseProblem[]>().notNull(),
    errors: jsonb("errors").$type<CaseProblem[]>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("case_event_arrival").on(t.arrival),
    index("case_event_case").on(t.caseId),
    index("case_event_minor").on(t.minorId),
  ],
);

/**
 * The foster carers (affidatari) of a foster-care episode, protected like a minor's identity:
 * every field sealed on its own (AES-256-GCM, the vault's keys, named by id), the fiscal code
 * findable only by its blind index. Never in the case event's payload. The carers of an episode
 * are those of the latest fact that carried them (its start, or a correction of it).
 */
export const fosterCarer = pgTable(
  "foster_carer",
  {
    /** The fact (foster-care-start or correction) that carried them. */
    sourceEventId: uuid("source_event_id").notNull(),
    position: integer("position").notNull(),
    /** The foster-care-start event: the episode. */
    episodeId: uuid("episode_id").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => socialCase.id),
    keyId: text("key_id").notNull(),
    familyName: text("family_name").notNull(),
    givenName: text("given_name").notNull(),
    fiscalCode: text("fiscal_code"),
    relationship: text("relationship").notNull(),
    contact: text("contact"),
    fiscalCodeDigest: text("fiscal_code_digest"),
  },
  (t) => [
    primaryKey({ columns: [t.sourceEventId, t.position] }),
    index("foster_carer_episode").on(t.episodeId),
    index("foster_carer_fiscal_code").on(t.fiscalCodeDigest),
    index("foster_carer_key").on(t.keyId),
  ],
);

/**
 * Every state a foster-care episode has been in, and from when to when it was the recorded truth,
 * as `stay_history` is for stays: reports "as known at" an instant read the version whose
 * interval contains it. Written by a trigger on `social_case` from its projection (migration
 * 0024), so every writer (case events, merges of minors) leaves history without knowing it. No
 * foster carer is ever here.
 */
export const fosterCareHistory = pgTable(
  "foster_care_history",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    /** The foster-care-start event: the episode. */
    episodeId: uuid("episode_id").notNull(),
    caseId: uuid("case_id").notNull(),
    minorId: uuid("minor_id").notNull(),
    serviceOrganisationId: uuid("service_organisation_id").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** The episode's end, when recorded. */
    endDate: date("end_date", { mode: "string" }),
    /** The closure of the case: an episode never outlasts the case that records it. */
    caseClosedOn: date("case_closed_on", { mode: "string" }),
    /** SINBA codes: FormaInterventoAffido, TipoInterventoAffido, DurataAffido, CarattereAffido, EsitoAffido. */
    form: text("form"),
    kind: text("kind"),
    duration: text("duration"),
    character: text("character"),
    nightsPerWeek: integer("nights_per_week"),
    outcome: text("outcome"),
    recordedFrom: timestamp("recorded_from", { withTimezone: true, mode: "string" }).notNull(),
    recordedTo: timestamp("recorded_to", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("foster_care_history_case").on(t.caseId).where(sql`recorded_to is null`),
    index("foster_care_history_episode").on(t.episodeId, t.recordedFrom),
    index("foster_care_history_start").on(t.startDate),
  ],
);
