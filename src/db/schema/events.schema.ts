import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appUser, organisation } from "./access.schema.ts";
import { structure } from "./structures.schema.ts";

/**
 * Management software of an operator that sends interchange events on its own (ModI
 * ID_AUTH_REST_02): the id is the `iss`/`sub` of its tokens.
 */
export const machineClient = pgTable(
  "machine_client",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    operatorOrganisationId: uuid("operator_organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** Every request must then carry Digest and Agid-JWT-Signature (INTEGRITY_REST_01). */
    requireIntegrity: boolean("require_integrity").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    /** Null when created from the command line. */
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("machine_client_operator").on(t.operatorOrganisationId)],
);

/** The structures whose events a client may send. */
export const machineClientStructure = pgTable(
  "machine_client_structure",
  {
    clientId: uuid("client_id")
      .notNull()
      .references(() => machineClient.id),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.structureId] }),
    index("machine_client_structure_structure").on(t.structureId),
  ],
);

/** Public keys of a client, several at once so that keys can be rotated; `kid` selects one. */
export const machineClientKey = pgTable(
  "machine_client_key",
  {
    clientId: uuid("client_id")
      .notNull()
      .references(() => machineClient.id),
    kid: text("kid").notNull(),
    jwk: jsonb("jwk").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.kid] })],
);

/** Token ids already used, kept until the token could no longer be accepted anyway. */
export const machineClientJti = pgTable(
  "machine_client_jti",
  {
    clientId: uuid("client_id").notNull(),
    jti: text("jti").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.jti] }), index("machine_client_jti_expires").on(t.expiresAt)],
);
