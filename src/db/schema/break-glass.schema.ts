import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appUser, membership } from "./access.schema.ts";
import { minor } from "./registry.schema.ts";

/**
 * An emergency access (access protocol, principle 5): a person, acting in one role, opens the
 * identity of one minor outside any relationship, for a written reason, for 24 hours. It is
 * flagged in the access log and waits in the auditor's queue until accepted or questioned.
 */
export const breakGlassAccess = pgTable(
  "break_glass_access",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => membership.id),
    minorId: uuid("minor_id")
      .notNull()
      .references(() => minor.id),
    reason: text("reason").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** pending | accepted | questioned */
    reviewState: text("review_state").notNull().default("pending"),
    reviewedBy: uuid("reviewed_by").references(() => appUser.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
  },
  (table) => [
    index("break_glass_access_holder").on(table.membershipId, table.minorId, table.expiresAt),
    index("break_glass_access_review").on(table.reviewState, table.openedAt),
  ],
);
