import {
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { StructureRecord } from "../../domain/structures/structure.schema.ts";
import { appUser, organisation } from "./access.schema.ts";

export const structureCodeSequence = pgSequence("structure_code_sequence", { startWith: 1 });

export const structure = pgTable(
  "structure",
  {
    id: uuid("id").primaryKey(),
    /** Regional code, assigned when the Region approves the registration. */
    code: text("code").unique(),
    /** Current status and latest version, kept in step with structure_version for list queries. */
    status: text("status").notNull(),
    currentVersion: integer("current_version").notNull(),
    /** Why the Region sent the registration back, shown to the manager until resubmitted. */
    reviewNote: text("review_note"),
    operatorOrganisationId: uuid("operator_organisation_id")
      .notNull()
      .references(() => organisation.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => appUser.id),
  },
  (t) => [index("structure_operator").on(t.operatorOrganisationId), index("structure_status").on(t.status)],
);

/**
 * Every change of a structure is a dated version; "as it was on day D" is the version with the
 * latest validFrom ≤ D (ties broken by version number). Searchable fields are columns, the full
 * record is kept as submitted.
 */
export const structureVersion = pgTable(
  "structure_version",
  {
    id: uuid("id").primaryKey(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    version: integer("version").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => appUser.id),
    changeId: uuid("change_id"),
    name: text("name").notNull(),
    status: text("status").notNull(),
    regionalType: text("regional_type").notNull(),
    nationalType: text("national_type").notNull(),
    comune: text("comune").notNull(),
    authorisedPlaces: integer("authorised_places").notNull(),
    emergencyExtraPlaces: integer("emergency_extra_places").notNull(),
    authorisationExpiresOn: date("authorisation_expires_on", { mode: "string" }),
    record: jsonb("record").$type<StructureRecord>().notNull(),
  },
  (t) => [
    uniqueIndex("structure_version_unique").on(t.structureId, t.version),
    index("structure_version_valid_from").on(t.structureId, t.validFrom),
  ],
);

/** A registration or an edit waiting for the Region's decision. */
export const structureChange = pgTable(
  "structure_change",
  {
    id: uuid("id").primaryKey(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    /** registration | edit */
    kind: text("kind").notNull(),
    /** pending | approved | returned | superseded */
    state: text("state").notNull(),
    proposed: jsonb("proposed").$type<StructureRecord>().notNull(),
    changedFields: jsonb("changed_fields").$type<string[]>().notNull(),
    requestedBy: uuid("requested_by").references(() => appUser.id),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => appUser.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    reason: text("reason"),
  },
  (t) => [index("structure_change_state").on(t.state), index("structure_change_structure").on(t.structureId)],
);
