import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
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
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { ingestEvent } from "./ingest-event.ts";

let t: TestApp;
let operatorX: Client;
let operatorY: Client;
let social: Client;
let auditor: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "SST", "social-service");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000010", "ST000020"], 3);
  for (const row of await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`))
    ids[row.code] = row.id;
  await createUserFor(t, "op-x", "structure-operator", "COOP", ids.ST000010);
  await createUserFor(t, "op-y", "structure-operator", "COOP", ids.ST000020);
  await createUserFor(t, "sociale", "service-operator", "SST");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  operatorX = await logInAs(t.app, "op-x");
  operatorY = await logInAs(t.app, "op-y");
  social = await logInAs(t.app, "sociale");
  auditor = await logInAs(t.app, "revisore");
});
afterAll(() => t.close());

describe("structure operators' web write path and reads", () => {
  let stayId = "";

  // The stay the tests read and write, admitted through the web write path. No test discharges
  // it (the free places test has a stay of its own, a year earlier): any order gives the same.
  beforeAll(async () => {
    const child = italianChild({ familyName: "Riva", givenName: "Tommaso", birthDate: "2012-03-14" });
    const response = await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      admissionEvent("ST000010", "web-1", "2025-09-01", child),
    );
    expect(response.statusCode).toBe(201);
    stayId = json<{ stayId: string }>(response).stayId;
  });

  it("admits, lists the guest with first name and age, and audits the identity read", async () => {
    const guests = json<{ items: { givenName: string; age: number; stayId: string; pseudonym: string }[] }>(
      await operatorX.get(`/api/v1/structures/${ids.ST000010}/guests?date=2025-10-01`),
    ).items;
    expect(guests).toEqual([expect.objectContaining({ stayId, givenName: "Tommaso", age: 13 })]);
    const reads = json<{ items: { action: string; purpose: string; minorPseudonym: string }[] }>(
      await auditor.get("/api/v1/audit-entries?action=stay.guest-read"),
    ).items;
    expect(reads[0]).toMatchObject({ purpose: "care", minorPseudonym: guests[0].pseudonym });
  });

  it("answers a rejected event with 422 problem+json carrying the standard's codes", async () => {
    const response = await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      dischargeEvent("ST000010", "web-1", "2025-08-01"),
    );
    expect(response.statusCode).toBe(422);
    expect(json(response)).toMatchObject({ code: "discharge-before-admission" });
  });

  it("an operator of structure X gets 404 on structure Y, and cannot write Y's events through X", async () => {
    expect((await operatorY.get(`/api/v1/stays/${stayId}`)).statusCode).toBe(404);
    expect((await operatorY.get(`/api/v1/structures/${ids.ST000010}/guests`)).statusCode).toBe(404);
    expect(
      (
        await operatorY.post(
          `/api/v1/structures/${ids.ST000010}/events`,
          dischargeEvent("ST000010", "web-1", "2025-10-01"),
        )
      ).statusCode,
    ).toBe(404);
    const crossWrite = await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      dischargeEvent("ST000020", "other", "2025-10-01"),
    );
    expect(json(crossWrite).code).toBe("structure-not-allowed");
    expect((await social.get(`/api/v1/stays/${stayId}`)).statusCode).toBe(403);
  });

  it("shows the timeline with corrections and voids, and who recorded them", async () => {
    const events = json<{ events: { id: string }[] }>(await operatorX.get(`/api/v1/stays/${stayId}`)).events;
    const admissionId = events[0].id;
    const activity = simpleEvent("activity", "ST000010", "web-1", "2025-09-10", {
      activity: { code: "school" },
    });
    await operatorX.post(`/api/v1/structures/${ids.ST000010}/events`, activity);
    await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      simpleEvent("void", "ST000010", "web-1", "2025-09-11", {
        voids: activity.id,
        reason: "Registrata per errore",
      }),
    );
    await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      simpleEvent("correction", "ST000010", "web-1", "2025-09-02", {
        corrects: admissionId,
        reason: "Data di ingresso verificata",
        admission: {
          kind: "emergency",
          legalBasis: "emergency-403",
          referringService: { code: "SVC-1", comune: "048017" },
          withParent: false,
          origin: "other",
          reasons: ["1"],
        },
      }),
    );
    const withoutReason = await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      simpleEvent("void", "ST000010", "web-1", "2025-09-12", { voids: admissionId }),
    );
    expect(withoutReason.statusCode).toBe(422);
    expect(json<{ problems: { path: string }[] }>(withoutReason).problems[0].path).toBe("/reason");
    const timeline = json<{
      stay: { admissionDate: string; admissionKind: string };
      events: { type: string; recordedBy: string; isVoided: boolean }[];
    }>(await operatorX.get(`/api/v1/stays/${stayId}`));
    expect(timeline.stay).toMatchObject({ admissionDate: "2025-09-02", admissionKind: "emergency" });
    expect(timeline.events.map((event) => event.type)).toEqual([
      "admission",
      "activity",
      "void",
      "correction",
    ]);
    expect(timeline.events[1].isVoided).toBe(true);
    expect(timeline.events.every((event) => event.recordedBy === "op-x")).toBe(true);
  });

  it("free places follow admissions and discharges; social services see them", async () => {
    // A stay of its own, a year before the others of the structure: the only guest of its days.
    const child = italianChild({
      familyName: "Posti",
      givenName: "Irene",
      sex: "F",
      birthDate: "2011-06-20",
    });
    const admitted = await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      admissionEvent("ST000010", "web-places", "2024-09-01", child),
    );
    expect(admitted.statusCode).toBe(201);
    const before = json<{ structures: { code: string; present: number; free: number }[] }>(
      await social.get("/api/v1/free-places?date=2024-10-01"),
    ).structures.find((row) => row.code === "ST000010");
    expect(before).toMatchObject({ present: 1, free: 2 });
    await operatorX.post(
      `/api/v1/structures/${ids.ST000010}/events`,
      dischargeEvent("ST000010", "web-places", "2024-09-30"),
    );
    const after = json<{ structures: { code: string; present: number; free: number }[] }>(
      await social.get("/api/v1/free-places?date=2024-10-01"),
    ).structures.find((row) => row.code === "ST000010");
    expect(after).toMatchObject({ present: 0, free: 3 });
    const history = json<{ items: { day: string; present: number }[] }>(
      await operatorX.get(`/api/v1/structures/${ids.ST000010}/occupancy?from=2024-08-01&to=2024-10-31`),
    ).items;
    // The discharge day is not a day of presence: on 30 September the guest no longer counts.
    expect(history).toEqual([
      { day: "2024-08-31", present: 0, authorisedPlaces: 3 },
      { day: "2024-09-30", present: 0, authorisedPlaces: 3 },
      { day: "2024-10-31", present: 0, authorisedPlaces: 3 },
    ]);
  });
});

describe("order independence through the pipeline", () => {
  it("any arrival order of a stay's events gives the same stored stay", async () => {
    let run = 0;
    const snapshot = async (stayRef: string) => {
      const [stay] = await queryRows<Record<string, unknown>>(
        t.db,
        sql`select status, admission_date::text, discharge_date::text, discharge_destination, admission_kind from stay where stay_ref = ${stayRef}`,
      );
      const absences = await queryRows(
        t.db,
        sql`select kind, from_date::text, to_date::text from stay_absence a join stay s on s.id = a.stay_id where s.stay_ref = ${stayRef}`,
      );
      const activities = await queryRows(
        t.db,
        sql`select code, from_date::text from stay_activity a join stay s on s.id = a.stay_id where s.stay_ref = ${stayRef} order by from_date`,
      );
      return { stay, absences, activities };
    };
    const makeEvents = (stayRef: string, child: object) => [
      admissionEvent("ST000020", stayRef, "2024-01-10", child),
      simpleEvent("absence-start", "ST000020", stayRef, "2024-02-01", { absence: { kind: "hospital" } }),
      simpleEvent("absence-end", "ST000020", stayRef, "2024-02-05"),
      simpleEvent("activity", "ST000020", stayRef, "2024-03-01", {
        activity: { code: "school", until: "2024-06-30" },
      }),
      dischargeEvent("ST000020", stayRef, "2024-07-01"),
    ];
    const source = {
      kind: "user" as const,
      id: randomUUID(),
      subject: { system: true as const, label: "test" },
      mayWrite: () => true,
    };
    const reference = await (async () => {
      const events = makeEvents(
        "perm-ref",
        italianChild({ familyName: "Ordine", givenName: "Base", birthDate: "2011-01-01" }),
      );
      for (const event of events)
        await ingestEvent(t.db, { keyring: t.keyring, today: t.today }, source, event);
      return snapshot("perm-ref");
    })();
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        async (order) => {
          run += 1;
          const stayRef = `perm-${run}`;
          const child = italianChild({
            familyName: "Ordine",
            givenName: `Prova${String.fromCharCode(65 + (run % 26))}${run}`,
            birthDate: `2011-01-${String(1 + (run % 27)).padStart(2, "0")}`,
          });
          const events = makeEvents(stayRef, child);
          for (const index of order) {
            const result = await ingestEvent(
              t.db,
              { keyring: t.keyring, today: t.today },
              source,
              events[index],
            );
            expect(result.status).toBe("accepted");
          }
          expect(await snapshot(stayRef)).toEqual(reference);
        },
      ),
      { numRuns: 20 },
    );
  });
});
