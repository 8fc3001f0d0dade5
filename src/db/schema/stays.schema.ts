import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { EventProblem } from "../../domain/stays/parse-stay-event.ts";
import type { RecordedEvent } from "../../domain/stays/stay-projection.ts";
import { minor } from "./registry.schema.ts";
import { structure } from "./structures.schema.ts";

/**
 * Every ASMI fact ever received, append-only, with who sent it and when it was recorded. A
 * rejected event keeps only its rejection (no content). Stays are recomputed from here.
 */
export const stayEvent = pgTable(
  "stay_event",
  {
    /** The sender's UUID: idempotency key. */
    id: uuid("id").primaryKey(),
    /** Global arrival order, the last tie-break of the standard's ordering. */
    arrival: bigint("arrival", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** user | client */
    sourceKind: text("source_kind").notNull(),
    sourceId: uuid("source_id").notNull(),
    /** Keyed digest of the event as sent: same id and same digest is a duplicate. */
    contentDigest: text("content_digest").notNull(),
    /** accepted | rejected */
    status: text("status").notNull(),
    type: text("type"),
    structureId: uuid("structure_id").references(() => structure.id),
    stayId: uuid("stay_id"),
    occurredOn: date("occurred_on", { mode: "string" }),
    sequence: integer("sequence"),
    minorId: uuid("minor_id").references(() => minor.id),
    payload:
      jsonb("payload").$type<
        Omit<RecordedEvent, "arrival" | "recordedAt" | "id" | "type" | "occurredOn" | "sequence">
      >(),
    warnings: jsonb("warnings").$type<EventProblem[]>().notNull(),
    errors: jsonb("errors").$type<EventProblem[]>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stay_event_arrival").on(t.arrival),
    index("stay_event_stay").on(t.stayId),
    index("stay_event_minor").on(t.minorId),
    index("stay_event_recorded_at").on(t.recordedAt),
    // "Is this fact voided?" is asked of every fact a page shows: find its voids without a scan.
    index("stay_event_voids").on(sql`(${t.payload}->>'voids')`).where(sql`type = 'void'`),
  ],
);

/** The current state of each stay, projected from its events in the same transaction. */
export const stay = pgTable(
  "stay",
  {
    id: uuid("id").primaryKey(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    stayRef: text("stay_ref").notNull(),
    minorId: uuid("minor_id").references(() => minor.id),
    /** empty | waiting | open | closed */
    status: text("status").notNull(),
    admissionDate: date("admission_date", { mode: "string" }),
    admissionKind: text("admission_kind"),
    legalBasis: text("legal_basis"),
    referringServiceCode: text("referring_service_code"),
    referringComune: text("referring_comune"),
    withParent: boolean("with_parent"),
    origin: text("origin"),
    reasons: jsonb("reasons").$type<string[]>(),
    msna: boolean("msna").notNull().default(false),
    dischargeDate: date("discharge_date", { mode: "string" }),
    dischargeReason: text("discharge_reason"),
    dischargeDestination: text("discharge_destination"),
    /** Set when the stay overlaps another stay of the same minor: to be corrected. */
    hasOverlap: boolean("has_overlap").notNull().default(false),
    /** The admission was recorded more than 30 days after its day: to be confirmed. */
    isBackdated: boolean("is_backdated").notNull().default(false),
    /**
     * The admission was confirmed (not projected from the events): by the registry steward, or by
     * the referring service's case linking the stay (a `placement` fact).
     */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "string" }),
    /** The person who confirmed it: the steward, or the social worker who recorded the placement. */
    confirmedBy: uuid("confirmed_by"),
    /** steward | case */
    confirmedVia: text("confirmed_via"),
    /** The case whose placement fact confirmed it. */
    confirmedCaseId: uuid("confirmed_case_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stay_structure_ref").on(t.structureId, t.stayRef),
    index("stay_minor").on(t.minorId),
    index("stay_presence").on(t.structureId, t.admissionDate, t.dischargeDate),
    index("stay_open").on(t.structureId).where(sql`status = 'open'`),
  ],
);

export const stayAbsence = pgTable(
  "stay_absence",
  {
    eventId: uuid("event_id").primaryKey(),
    stayId: uuid("stay_id")
      .notNull()
      .references(() => stay.id),
    kind: text("kind").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
  },
  (t) => [index("stay_absence_stay").on(t.stayId)],
);

export const stayActivity = pgTable(
  "stay_activity",
  {
    eventId: uuid("event_id").primaryKey(),
    stayId: uuid("stay_id")
      .notNull()
      .references(() => stay.id),
    code: text("code").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    untilDate: date("until_date", { mode: "string" }),
    hours: real("hours"),
  },
  (t) => [index("stay_activity_stay").on(t.stayId)],
);

/**
 * Every state a stay has been in, and from when to when it was the recorded truth: reports "as
 * known at" an instant read the version whose interval contains it. Written by a trigger on
 * `stay`, so every writer (events, merges, their undo) leaves history without knowing it.
 */
export const stayHistory = pgTable(
  "stay_history",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    stayId: uuid("stay_id").notNull(),
    structureId: uuid("structure_id").notNull(),
    minorId: uuid("minor_id"),
    status: text("status").notNull(),
    admissionDate: date("admission_date", { mode: "string" }),
    admissionKind: text("admission_kind"),
    legalBasis: text("legal_basis"),
    referringComune: text("referring_comune"),
    origin: text("origin"),
    msna: boolean("msna").notNull(),
    dischargeDate: date("discharge_date", { mode: "string" }),
    dischargeReason: text("discharge_reason"),
    dischargeDestination: text("discharge_destination"),
    /** The instant this version became the recorded truth, and the instant it stopped being it. */
    recordedFrom: timestamp("recorded_from", { withTimezone: true, mode: "string" }).notNull(),
    recordedTo: timestamp("recorded_to", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("stay_history_stay").on(t.stayId, t.recordedFrom),
    index("stay_history_current_presence")
      .on(t.admissionDate, t.dischargeDate)
      .where(sql`recorded_to is null`),
    index("stay_history_presence").on(t.admissionDate, t.dischargeDate),
  ],
);
