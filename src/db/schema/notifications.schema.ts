import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appUser, organisation } from "./access.schema.ts";

/**
 * Notifications are derived from the append-only facts (stay and case events, stay states); only
 * the read marks are stored: who read which notification, in which organisation, and when.
 */
export const notificationRead = pgTable(
  "notification_read",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** The notification's id: its kind and the id of the fact (or stay) it tells of. */
    notificationId: text("notification_id").notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId, t.notificationId] })],
);
