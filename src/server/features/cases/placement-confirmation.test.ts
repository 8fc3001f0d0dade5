import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts } from "../../../../test/support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../../../../test/support/stay-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  logInAs,
  type TestApp,
  testToday,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import type { Clock } from "../../../domain/time/clock.ts";

/**
 * The app's clock on the test day; once logged in (the second factor's codes follow the machine's
 * time), fixed to one instant of that day: the placement's confirmation is dated by it.
 */
const instant = `${testToday}T10:30:00.000Z`;
let fixed = false;
const fixedClock: Clock = { now: () => (fixed ? new Date(instant) : new Date()), today: () => testToday };
const child = italianChild({ familyName: "Sanna", givenName: "Lia", sex: "F", birthDate: "2012-05-06" });

let t: TestApp;
let service: Client;

beforeAll(async () => {
  t = await createTestApp({}, fixedClock);
  await createActiveStructures(t.db, ["ST000001", "ST000002"]);
  await createOrganisationFor(t, "SST-A", "social-service");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  service = await logInAs(t.app, "sociale-a");
  fixed = true;
});
afterAll(() => t.close());

describe("a placement fact confirms an admission to be confirmed", () => {
  it("at the instant of the app's clock, not the database's", async () => {
    await admit(t, "ST000001", "c-1", addDays(testToday, -11), child);
    // Admitted elsewhere while the first stay is open: an overlapping admission, to be confirmed.
    const { stayId } = await admit(t, "ST000002", "c-2", addDays(testToday, -6), child);
    const { caseId } = await openCaseFor(service, child.fiscalCode as string, addDays(testToday, -5));
    await recordCaseFacts(service, caseId, [
      { id: randomUUID(), type: "placement", occurredOn: addDays(testToday, -5), placement: { stayId } },
    ]);
    const [stored] = await queryRows<{ confirmedAt: string; via: string }>(
      t.db,
      sql`select to_char(confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "confirmedAt",
            confirmed_via as via
          from stay where id = ${stayId}`,
    );
    expect(stored).toEqual({ confirmedAt: instant, via: "case" });
  });
});
