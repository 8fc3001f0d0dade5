import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp, testToday } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { type EventSource, ingestEvent, ingestEvents } from "./ingest-event.ts";

// The same events sent as one batch to one database and one by one to another.
let batched: TestApp;
let single: TestApp;
const today = testToday;
const source: EventSource = {
  kind: "client",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: () => true,
};

beforeAll(async () => {
  [batched, single] = await Promise.all([createTestApp(), createTestApp()]);
  for (const t of [batched, single]) {
    await createActiveStructures(t.db, ["ST000001", "ST000002", "ST000003"]);
    await createActiveStructures(t.db, ["ST000009"], 1);
  }
});
afterAll(async () => {
  await batched.close();
  await single.close();
});

/** What can be observed of a database after the events, without the random ids it chose. */
async function observed(t: TestApp) {
  return {
    stays: await queryRows(
      t.db,
      sql`select st.code, s.stay_ref, s.status, s.admission_date::text, s.discharge_date::text, s.has_overlap,
            m.pseudonym is not null as "hasMinor", m.is_possible_duplicate,
            (select count(*)::int from stay s2 where s2.minor_id = s.minor_id) as "staysOfMinor",
            (select count(*)::int from stay_activity a where a.stay_id = s.id) as activities,
            (select count(*)::int from stay_absence a where a.stay_id = s.id) as absences,
            (select count(*)::int from stay_history h where h.stay_id = s.id and h.recorded_to is null) as "currentHistory"
          from stay s join structure st on st.id = s.structure_id left join minor m on m.id = s.minor_id
          order by st.code, s.stay_ref`,
    ),
    counts: await queryRows(
      t.db,
      sql`select (select count(*)::int from minor) as minors, (select count(*)::int from identity_vault) as vault,
            (select count(*)::int from identity_index) as "indexEntries", (select count(*)::int from duplicate_review) as reviews,
            (select count(*)::int from stay_event where status = 'accepted') as accepted,
            (select count(*)::int from stay_event where status = 'rejected') as rejected,
            (select count(*)::int from audit_entry where action like 'stay.%') as audited`,
    ),
    events: await queryRows(
      t.db,
      sql`select id, status, type, warnings, errors from stay_event order by arrival`,
    ),
  };
}

describe("a batch gives the outcome of its events sent one by one in request order", () => {
  it("same stay twice, same minor in two structures, voids, corrections, waiting discharges, capacity, duplicates", async () => {
    const child = italianChild({ familyName: "Batti", givenName: "Nello", birthDate: "2012-05-06" });
    const arrived = arrivedChild({ familyName: "Mansour", givenName: "Karim", birthDate: "2011-02-03" });
    const admitted = admissionEvent("ST000001", "b-1", "2025-01-10", child);
    const activity = simpleEvent("activity", "ST000001", "b-1", "2025-01-12", {
      activity: { code: "school", hours: 10 },
    });
    const discharge = dischargeEvent("ST000001", "b-1", "2025-03-01");
    const early = dischargeEvent("ST000003", "b-4", "2025-04-01");
    const events: unknown[] = [
      admitted,
      activity,
      discharge,
      // The same child elsewhere while still hosted: refused; after the discharge: linked and accepted.
      admissionEvent("ST000002", "b-2", "2025-02-01", child),
      admissionEvent("ST000002", "b-3", "2025-03-05", child),
      simpleEvent("void", "ST000001", "b-1", "2025-03-02", { voids: activity.id }),
      simpleEvent("absence-start", "ST000001", "b-1", "2025-01-20", { absence: { kind: "hospital" } }),
      simpleEvent("absence-end", "ST000001", "b-1", "2025-01-25"),
      // A discharge waiting for its admission, then the admission, of a child without a fiscal code.
      early,
      admissionEvent("ST000003", "b-4", "2025-02-10", arrived),
      // The same child with a typo in another structure while hosted: a possible duplicate.
      admissionEvent("ST000002", "b-5", "2025-02-15", { ...arrived, familyName: "Mansur" }),
      // Corrections: the admission of b-1 moves after the admission of b-3 (an overlap to flag).
      simpleEvent("correction", "ST000001", "b-1", "2025-01-05", {
        corrects: admitted.id,
        admission: admitted.admission,
      }),
      simpleEvent("correction", "ST000001", "b-1", "2025-03-10", {
        corrects: discharge.id,
        discharge: discharge.discharge,
      }),
      simpleEvent("void", "ST000001", "b-1", "2025-03-11", { voids: randomUUID() }),
      // Capacity: two places (one and one extra); the third child present the same day is a warning.
      admissionEvent(
        "ST000009",
        "c-1",
        "2025-05-01",
        italianChild({ familyName: "Uno", givenName: "Ada", sex: "F" }),
      ),
      admissionEvent(
        "ST000009",
        "c-2",
        "2025-05-01",
        italianChild({ familyName: "Due", givenName: "Bea", sex: "F" }),
      ),
      admissionEvent(
        "ST000009",
        "c-3",
        "2025-05-01",
        italianChild({ familyName: "Tre", givenName: "Cleo", sex: "F" }),
      ),
      admissionEvent(
        "ST000009",
        "c-1",
        "2025-05-02",
        italianChild({ familyName: "Quattro", givenName: "Dora", sex: "F" }),
      ),
      // Same id again: duplicate; same id, other content: id-reused; and malformed ones.
      admitted,
      { ...activity, occurredOn: "2025-01-13" },
      { id: "not-a-uuid", type: "activity" },
      {
        id: randomUUID(),
        type: "admission",
        structureCode: "ST999999",
        stayRef: "x",
        occurredOn: "2025-01-01",
      },
      admissionEvent("ST999999", "x-1", "2025-01-01", italianChild({ familyName: "Zeta" })),
      admissionEvent("ST000001", "b-6", "2025-01-01", { familyName: "Solo", sex: "M" }),
    ];
    const together = await ingestEvents(batched.db, { keyring: batched.keyring, today }, source, events);
    const oneByOne = [];
    for (const event of events)
      oneByOne.push(await ingestEvent(single.db, { keyring: single.keyring, today }, source, event));
    const shape = (results: typeof together) =>
      results.map(({ id, status, warnings, errors }) => ({ id, status, warnings, errors }));
    expect(shape(together)).toEqual(shape(oneByOne));
    // Both ways give the same stays and the same stored events.
    expect(await observed(batched)).toEqual(await observed(single));
    // And the cases the batch is meant to exercise did happen.
    const statuses = together.map((result) => result.status);
    const all = together.flatMap((result) => [...result.warnings, ...result.errors].map((p) => p.code));
    expect(statuses).toContain("duplicate");
    for (const code of [
      "overlapping-stay",
      "waiting-for-admission",
      "possible-duplicate-minor",
      "capacity-exceeded",
      "id-reused",
      "unknown-stay",
      "unknown-structure",
      "stay-exists",
    ])
      expect(all).toContain(code);
    // Sent again, the whole batch is duplicates or id-reused, and changes nothing.
    const before = await observed(batched);
    const again = await ingestEvents(batched.db, { keyring: batched.keyring, today }, source, events);
    expect(again.filter((result) => result.status === "accepted")).toEqual([]);
    expect(await observed(batched)).toEqual(before);
  });
});
