import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { EventProblem } from "../../domain/stays/parse-stay-event.ts";
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

/**
 * A bulk file of interchange events (JSON Lines or CSV), processed in the background in chunks:
 * stay events of a structure's software, or case events of a social service's (JSON Lines only).
 * Counters and per-line outcomes are committed together after each chunk; the lease says which
 * server process works on the file and until when, so that a crashed one is replaced.
 */
export const eventFile = pgTable(
  "event_file",
  {
    id: uuid("id").primaryKey(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => machineClient.id),
    /** stay | case: the pipeline its lines are fed to. */
    kind: text("kind").notNull().default("stay"),
    /** jsonl | csv */
    format: text("format").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** SHA-256 of the file's bytes, base64, as in the Digest header. */
    contentDigest: text("content_digest").notNull(),
    /** queued | processing | done | failed */
    status: text("status").notNull(),
    lineCount: integer("line_count").notNull(),
    processedCount: integer("processed_count").notNull().default(0),
    acceptedCount: integer("accepted_count").notNull().default(0),
    duplicateCount: integer("duplicate_count").notNull().default(0),
    rejectedCount: integer("rejected_count").notNull().default(0),
    /** Chunks that ended in an unexpected error; the file fails after a few. */
    failureCount: integer("failure_count").notNull().default(0),
    leaseOwner: uuid("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true, mode: "string" }),
    /** Set while a chunk is being ingested: events recorded since then are this file's own. */
    chunkStartedAt: timestamp("chunk_started_at", { withTimezone: true, mode: "string" }),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "string" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("event_file_client").on(t.clientId, t.receivedAt),
    index("event_file_pending").on(t.receivedAt).where(sql`status in ('queued', 'processing')`),
  ],
);

/**
 * One line of an event file: the event as sent, sealed with the vault key until it is processed
 * (it may carry a child's identity), then its outcome. A line that is not an event has its
 * rejection from the start and no content.
 */
export const eventFileLine = pgTable(
  "event_file_line",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => eventFile.id),
    /** Line number in the file, from 1 (CSV: the header is line 1). */
    line: integer("line").notNull(),
    /**
     * Case files: the line's place in the order the worker takes the lines (their dependency order,
     * so that a file's order does not matter across chunks). Null: the file's own order.
     */
    processingOrder: integer("processing_order"),
    /** The event id as read from the line, when there is one. */
    eventId: text("event_id"),
    keyId: text("key_id"),
    sealedContent: text("sealed_content"),
    /** null while pending; accepted | duplicate | rejected */
    status: text("status"),
    warnings: jsonb("warnings").$type<EventProblem[]>(),
    errors: jsonb("errors").$type<EventProblem[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.fileId, t.line] }),
    index("event_file_line_pending").on(t.fileId, t.line).where(sql`status is null`),
    index("event_file_line_pending_order")
      .on(t.fileId, t.processingOrder)
      .where(sql`status is null and processing_order is not null`),
  ],
);
