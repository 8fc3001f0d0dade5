import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PlacementNeeds } from "../../domain/placements/placement-request.schema.ts";
import { appUser, organisation } from "./access.schema.ts";
import { socialCase } from "./cases.schema.ts";
import { minor } from "./registry.schema.ts";
import { stay } from "./stays.schema.ts";
import { structure } from "./structures.schema.ts";

/**
 * A placement request (richiesta di inserimento): a social service asks a structure to take in
 * the child of one of its cases. The structure sees the pseudonym and the needs until it accepts;
 * the admission it then records is linked to the case (admitted_stay_id and a placement fact).
 */
export const placementRequest = pgTable(
  "placement_request",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => socialCase.id),
    minorId: uuid("minor_id")
      .notNull()
      .references(() => minor.id),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    serviceOrganisationId: uuid("service_organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** sent | accepted | declined | withdrawn */
    state: text("state").notNull(),
    needs: jsonb("needs").$type<PlacementNeeds>().notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }).notNull(),
    sentBy: uuid("sent_by").references(() => appUser.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    decidedBy: uuid("decided_by").references(() => appUser.id),
    declineReason: text("decline_reason"),
    admittedStayId: uuid("admitted_stay_id").references(() => stay.id),
  },
  (t) => [
    index("placement_request_structure_state").on(t.structureId, t.state),
    index("placement_request_case").on(t.caseId),
    index("placement_request_service").on(t.serviceOrganisationId),
  ],
);
