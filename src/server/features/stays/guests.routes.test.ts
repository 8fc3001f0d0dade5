import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
  testToday,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { addDays } from "../../../domain/time/calendar.ts";

type Guest = {
  stayId: string;
  stayRef: string;
  pseudonym: string;
  givenName: string | null;
  age: number | null;
  isPossibleDuplicate: boolean;
};
type AuditEntry = { action: string; outcome: string; minorPseudonym: string; resourceId: string };

let t: TestApp;
let operator: Client;
let auditor: Client;
let structureId = "";

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000040"], 6);
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from structure where code = 'ST000040'`);
  structureId = row.id;
  await createUserFor(t, "op-g", "structure-operator", "COOP", structureId);
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  operator = await logInAs(t.app, "op-g");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

const post = (event: object) => operator.post(`/api/v1/structures/${structureId}/events`, event);
const guestsOn = async (day: string) =>
  json<{ items: Guest[] }>(await operator.get(`/api/v1/structures/${structureId}/guests?date=${day}`)).items;
const auditOf = async (action: string) =>
  json<{ items: AuditEntry[] }>(await auditor.get(`/api/v1/audit-entries?action=${action}&limit=100`)).items;

const longAgo = addDays(testToday, -400);

/** Runs a setup once, whichever test asks for it first: the tests that share it only read it. */
function once<Value>(setup: () => Promise<Value>): () => Promise<Value> {
  let running: Promise<Value> | undefined;
  return () => {
    running ??= setup();
    return running;
  };
}

/**
 * Elena's stay that ended more than 90 days ago, then her readmission three days ago: what the
 * tests of the readmission, of the duplicates and of the stay page read, and none of them changes.
 */
const elenaReadmitted = once(async () => {
  const elena = italianChild({ givenName: "Elena", sex: "F", birthDate: "2011-02-03" });
  expect((await post(admissionEvent("ST000040", "old-1", addDays(longAgo, -10), elena))).statusCode).toBe(
    201,
  );
  await post(dischargeEvent("ST000040", "old-1", addDays(longAgo, 30)));
  await post(admissionEvent("ST000040", "old-1-again", addDays(testToday, -3), elena));
});

/** A stay discharged `daysAgo` days ago, of a child no other test admits. */
async function dischargedStay(stayRef: string, child: object, admittedOn: string, daysAgo: number) {
  expect((await post(admissionEvent("ST000040", stayRef, admittedOn, child))).statusCode).toBe(201);
  await post(dischargeEvent("ST000040", stayRef, addDays(testToday, -daysAgo)));
}

describe("guests of a past day: the same door as today", () => {
  it("shows the first name of a minor discharged less than 90 days ago, not of one discharged long before", async () => {
    expect(
      (
        await post(
          admissionEvent(
            "ST000040",
            "old-2",
            addDays(longAgo, -10),
            italianChild({ familyName: "Bruni", givenName: "Marta", sex: "F", birthDate: "2011-08-09" }),
          ),
        )
      ).statusCode,
    ).toBe(201);
    await post(dischargeEvent("ST000040", "old-2", addDays(longAgo, 30)));
    await dischargedStay(
      "recent-1",
      italianChild({ givenName: "Pietro", birthDate: "2010-05-06" }),
      addDays(longAgo, -5),
      30,
    );

    const guests = await guestsOn(longAgo);
    const old = guests.find((guest) => guest.stayRef === "old-2");
    const recent = guests.find((guest) => guest.stayRef === "recent-1");
    expect(old).toMatchObject({ givenName: null, age: null });
    expect(old?.pseudonym).toMatch(/^[A-Z0-9]{4,20}$/);
    expect(recent).toMatchObject({ givenName: "Pietro" });
    expect(recent?.age).toBeGreaterThan(0);

    const reads = await auditOf("stay.guest-read");
    expect(reads.find((entry) => entry.resourceId === old?.stayId)).toMatchObject({ outcome: "denied" });
    expect(reads.find((entry) => entry.resourceId === recent?.stayId)).toMatchObject({ outcome: "success" });
  });

  it("a readmission opens the identity again, also on the days of the earlier stay", async () => {
    await elenaReadmitted();
    const old = (await guestsOn(longAgo)).find((guest) => guest.stayRef === "old-1");
    expect(old?.givenName).toBe("Elena");
  });

  it("tells which guests may be duplicates in the registry", async () => {
    await elenaReadmitted();
    await post(
      admissionEvent(
        "ST000040",
        "dup-a",
        addDays(testToday, -20),
        arrivedChild({ givenName: "Youssef", familyName: "Tahiri", birthDate: "2009-09-01" }),
      ),
    );
    await post(
      admissionEvent(
        "ST000040",
        "dup-b",
        addDays(testToday, -10),
        arrivedChild({ givenName: "Yusuf", familyName: "Tahiri", birthDate: "2009-09-01" }),
      ),
    );
    const guests = await guestsOn(testToday);
    const flagged = guests.filter((guest) => guest.isPossibleDuplicate).map((guest) => guest.stayRef);
    expect(flagged.sort()).toEqual(["dup-a", "dup-b"]);
    expect(guests.find((guest) => guest.stayRef === "old-1-again")?.isPossibleDuplicate).toBe(false);
  });
});

describe("the stay page's names", () => {
  it("names the structure and, while in charge, the child; the read is audited", async () => {
    await elenaReadmitted();
    const [stay] = (await guestsOn(testToday)).filter((guest) => guest.stayRef === "old-1-again");
    const response = await operator.get(`/api/v1/stays/${stay.stayId}`);
    expect(response.headers["cache-control"]).toBe("no-store");
    const timeline = json<{ stay: Record<string, unknown> }>(response);
    expect(timeline.stay).toMatchObject({
      structureName: "Comunità di prova 1",
      structureCode: "ST000040",
      pseudonym: stay.pseudonym,
      minorName: { givenName: "Elena", familyName: "Rossi" },
      isPossibleDuplicate: false,
    });
    const reads = await auditOf("registry.identity-read");
    expect(reads[0]).toMatchObject({ outcome: "success", minorPseudonym: stay.pseudonym });
  });

  it("gives only the pseudonym of a child no longer in charge, and audits the withheld read", async () => {
    await dischargedStay(
      "recent-2",
      italianChild({ familyName: "Sala", givenName: "Pietro", birthDate: "2010-10-11" }),
      addDays(longAgo, -5),
      30,
    );
    const [stay] = await queryRows<{ id: string; pseudonym: string }>(
      t.db,
      sql`select s.id, m.pseudonym from stay s join minor m on m.id = s.minor_id where s.stay_ref = 'recent-2'`,
    );
    // Discharged 30 days ago: still in charge. A correction moves the discharge beyond the 90 days.
    const before = json<{ stay: { minorName: unknown } }>(await operator.get(`/api/v1/stays/${stay.id}`));
    expect(before.stay.minorName).toMatchObject({ givenName: "Pietro" });

    const [{ id: dischargeId }] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from stay_event where stay_id = ${stay.id} and type = 'discharge' order by arrival limit 1`,
    );
    const corrected = await post({
      id: randomUUID(),
      type: "correction",
      structureCode: "ST000040",
      stayRef: "recent-2",
      occurredOn: addDays(testToday, -120),
      corrects: dischargeId,
      reason: "Data di uscita verificata",
      discharge: { reason: "project-completed", destination: "family-of-origin" },
    });
    expect(corrected.statusCode).toBe(201);
    const after = json<{ stay: { minorName: unknown; pseudonym: string } }>(
      await operator.get(`/api/v1/stays/${stay.id}`),
    );
    expect(after.stay.minorName).toBeNull();
    expect(after.stay.pseudonym).toBe(stay.pseudonym);
    const reads = await auditOf("registry.identity-read");
    expect(reads[0]).toMatchObject({ outcome: "denied", minorPseudonym: stay.pseudonym });
  });
});
