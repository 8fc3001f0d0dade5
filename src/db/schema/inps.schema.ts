import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { machineClient } from "./events.schema.ts";

/**
 * The machine clients that are INPS (the WaaS e-service's reader), registered by the Region's
 * administrator. Each one is a `machine_client` like any other (ModI ID_AUTH_REST_02, its public
 * keys in `machine_client_key`); this row is what lets it read the SINBA flows, and nothing else.
 */
export const inpsClient = pgTable("inps_client", {
  clientId: uuid("client_id")
    .primaryKey()
    .references(() => machineClient.id),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/** The enti (Belfiore codes, the first part of `id_flusso`) whose flows an INPS client reads. */
export const inpsClientEnte = pgTable(
  "inps_client_ente",
  {
    clientId: uuid("client_id")
      .notNull()
      .references(() => inpsClient.clientId),
    belfiore: text("belfiore").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.belfiore] }),
    index("inps_client_ente_belfiore").on(t.belfiore),
  ],
);

/**
 * The last `sinba_flow.recorded_at` handed out. A BEFORE INSERT trigger on `sinba_flow` (hand-written
 * in the `inps-waas` migration) updates this single row to stamp each new flow one millisecond
 * after the previous one at least: the row lock it takes is held until the inserting transaction
 * ends, so stamps are handed out in commit order and `GET /flussi?since=` never misses a flow
 * that commits later with an earlier stamp (docs/inps-waas.md).
 */
export const sinbaFlowClock = pgTable("sinba_flow_clock", {
  id: boolean("id").primaryKey().default(true),
  lastRecordedAt: timestamp("last_recorded_at", { withTimezone: true, mode: "string" }).notNull(),
});
