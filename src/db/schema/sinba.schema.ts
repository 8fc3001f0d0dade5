import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { SinbaMissingField, SinbaRecord } from "../../domain/sinba/sinba-record.types.ts";
import { organisation } from "./access.schema.ts";
import { socialCase } from "./cases.schema.ts";

/**
 * The SINBA flows recorded for INPS: one record (one beneficiary) per flow, produced when a case
 * opens, when an exported attribute changes and when it closes. A record equal (same digest) to the
 * case's last one is never recorded again; `sequence` is the recording order the e-service reads.
 */
export const sinbaFlow = pgTable(
  "sinba_flow",
  {
    id: uuid("id").primaryKey(),
    sequence: bigint("sequence", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** {Belfiore}.SINBA.{YYYYMMDD}.{7-digit daily progressive} */
    idFlusso: text("id_flusso").notNull().unique(),
    serviceOrganisationId: uuid("service_organisation_id")
      .notNull()
      .references(() => organisation.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => socialCase.id),
    /** opened | changed | closed */
    reason: text("reason").notNull(),
    referenceDay: date("reference_day", { mode: "string" }).notNull(),
    record: jsonb("record").$type<SinbaRecord>().notNull(),
    recordDigest: text("record_digest").notNull(),
    /** The flow document as sent (validated against SINBA.xsd before it was stored). */
    xml: text("xml").notNull(),
    /** waiting | OK | DATI_NON_TROVATI | RICHIESTA_INVALIDA | ERRORE_GENERICO */
    status: text("status").notNull().default("waiting"),
    outcomeMessage: text("outcome_message"),
    outcomeAt: timestamp("outcome_at", { withTimezone: true, mode: "string" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sinba_flow_sequence").on(t.sequence),
    index("sinba_flow_case").on(t.caseId, t.sequence),
    index("sinba_flow_service").on(t.serviceOrganisationId, t.sequence),
  ],
);

/** The daily progressive of `id_flusso`, per ente (its Belfiore code) and day. */
export const sinbaFlowCounter = pgTable(
  "sinba_flow_counter",
  {
    belfiore: text("belfiore").notNull(),
    day: text("day").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [uniqueIndex("sinba_flow_counter_key").on(t.belfiore, t.day)],
);

/**
 * Where the flow producer stands on each case: the last case event it has read (by arrival), and
 * whether the case could then produce a valid record, with what was missing. The producer claims
 * cases through these rows (FOR UPDATE SKIP LOCKED).
 */
export const sinbaCaseCheck = pgTable(
  "sinba_case_check",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => socialCase.id),
    serviceOrganisationId: uuid("service_organisation_id")
      .notNull()
      .references(() => organisation.id),
    checkedArrival: bigint("checked_arrival", { mode: "number" }).notNull(),
    /** The digest of the case's last recorded record: an equal one is not recorded again. */
    lastDigest: text("last_digest"),
    lastReferenceDay: date("last_reference_day", { mode: "string" }),
    /** pending | sendable | not-sendable */
    state: text("state").notNull(),
    missing: jsonb("missing").$type<SinbaMissingField[]>().notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("sinba_case_check_service").on(t.serviceOrganisationId, t.state)],
);
