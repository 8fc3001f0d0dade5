import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionEvent, dischargeEvent, italianChild } from "../../../../test/support/stay-fixtures.ts";
import { structureRecord, vatNumber } from "../../../../test/support/structure-fixtures.ts";
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
import type { AdmissionReview } from "../../../domain/stays/admission-review-api.schema.ts";
import type { Guest } from "../../../domain/stays/stay-api.schema.ts";
import { importStructures } from "../structures/index.ts";
import { type EventSource, ingestEvent } from "./ingest-event.ts";

/**
 * Access principle 7 from every side: the structure whose admission is to be confirmed reads the
 * identity but its corrections go to review; the other structure, the referring service's case and
 * the auditor's review list see the flag; the case's placement, the other stay's discharge and the
 * steward confirm it.
 */
let t: TestApp;
let operatorA: Client;
let operatorB: Client;
let service: Client;
let auditor: Client;
let steward: Client;
const ids: Record<string, string> = {};
const writer: EventSource = {
  kind: "user",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: () => true,
};
const children = {
  placed: italianChild({ familyName: "Gallo", givenName: "Teo", birthDate: "2012-02-12" }),
  moved: italianChild({ familyName: "Riva", givenName: "Alma", sex: "F", birthDate: "2011-03-13" }),
  late: italianChild({ familyName: "Conti", givenName: "Ezio", birthDate: "2013-04-14" }),
};
const operatorOf = (name: string, body: string) => ({
  name,
  fiscalCode: vatNumber(body),
  legalNature: "cooperativa-sociale" as const,
});

const ingest = async (raw: unknown) => {
  const result = await ingestEvent(t.db, { keyring: t.keyring, today: t.today }, writer, raw);
  if (result.status === "rejected") throw new Error(JSON.stringify(result.errors));
  return result;
};
/** Admissions of a test are recorded now and dated in its past: only `late` keeps that cause. */
const notBackdated = (refs: string[]) =>
  t.db.execute(
    sql`update stay set is_backdated = false where stay_ref in ${sql.raw(`('${refs.join("','")}')`)}`,
  );
const stayIdOf = async (stayRef: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from stay where stay_ref = ${stayRef}`))[0].id;
const pseudonymOf = async (stayRef: string) =>
  (
    await queryRows<{ pseudonym: string }>(
      t.db,
      sql`select m.pseudonym from stay s join minor m on m.id = s.minor_id where s.stay_ref = ${stayRef}`,
    )
  )[0].pseudonym;
const guestsOf = async (client: Client, structure: string, day: string) =>
  json<{ items: Guest[] }>(await client.get(`/api/v1/structures/${ids[structure]}/guests?date=${day}`)).items;
const reviews = async (query = "") => {
  const response = await auditor.get(`/api/v1/admission-reviews${query}`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return json<{ items: AdmissionReview[] }>(response).items;
};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP-A", "operator", vatNumber("3333333333"), "Cooperativa A");
  await createOrganisationFor(t, "COOP-B", "operator", vatNumber("4444444444"), "Cooperativa B");
  await createOrganisationFor(t, "SST-A", "social-service");
  await createOrganisationFor(t, "REGIONE", "region");
  await importStructures(t.db, { system: true, label: "test" }, [
    structureRecord({
      code: "ST000081",
      operator: operatorOf("Cooperativa A", "3333333333"),
      validFrom: "2015-01-01",
    }),
    structureRecord({
      code: "ST000082",
      operator: operatorOf("Cooperativa B", "4444444444"),
      validFrom: "2015-01-01",
    }),
  ]);
  for (const row of await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`))
    ids[row.code] = row.id;
  await createUserFor(t, "op-a", "structure-operator", "COOP-A", ids.ST000081);
  await createUserFor(t, "op-b", "structure-operator", "COOP-B", ids.ST000082);
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "revisore", "auditor", "REGIONE");
  await createUserFor(t, "custode", "registry-steward", "REGIONE");
  [operatorA, operatorB, service, auditor, steward] = await Promise.all(
    ["op-a", "op-b", "sociale-a", "revisore", "custode"].map((name) => logInAs(t.app, name)),
  );
  await ingest(admissionEvent("ST000081", "p-old", "2026-06-01", children.placed));
  await ingest(admissionEvent("ST000082", "p-new", "2026-09-01", children.placed));
  await ingest(admissionEvent("ST000081", "m-old", "2026-05-01", children.moved));
  await ingest(admissionEvent("ST000082", "m-new", "2026-08-01", children.moved));
  await ingest(admissionEvent("ST000082", "l-1", "2025-03-01", children.late));
  await notBackdated(["p-old", "p-new", "m-old", "m-new"]);
});
afterAll(() => t.close());

describe("an overlapping admission to be confirmed", () => {
  it("its structure reads the identity for care, but a correction goes to the steward's review", async () => {
    const pseudonym = await pseudonymOf("p-new");
    const identity = await operatorB.get(`/api/v1/minors/${pseudonym}/identity`);
    expect(identity.statusCode).toBe(200);
    const corrected = await operatorB.put(`/api/v1/minors/${pseudonym}/identity`, {
      ...children.placed,
      givenName: "Matteo",
    });
    expect(json(corrected)).toEqual({ corrected: false, sentToReview: true, pseudonym });
    const again = json<{ identity: { givenName: string } }>(
      await operatorB.get(`/api/v1/minors/${pseudonym}/identity`),
    );
    expect(again.identity.givenName).toBe("Teo");
  });

  it("the other structure sees it on its guests list and its stay page; the new one sees its own flag", async () => {
    const ofA = (await guestsOf(operatorA, "ST000081", "2026-10-01")).find(
      (guest) => guest.stayRef === "p-old",
    );
    expect(ofA).toMatchObject({ isOtherAdmissionToBeConfirmed: true, isToBeConfirmed: false });
    const page = json<{ stay: { isOtherAdmissionToBeConfirmed: boolean; isToBeConfirmed: boolean } }>(
      await operatorA.get(`/api/v1/stays/${await stayIdOf("p-old")}`),
    );
    expect(page.stay).toMatchObject({ isOtherAdmissionToBeConfirmed: true, isToBeConfirmed: false });
    const ofB = (await guestsOf(operatorB, "ST000082", "2026-10-01")).find(
      (guest) => guest.stayRef === "p-new",
    );
    expect(ofB).toMatchObject({ isOtherAdmissionToBeConfirmed: false, isToBeConfirmed: true });
  });

  it("is in the auditor's review list, with why and since when, not confirmed; only the auditor reads it", async () => {
    const listed = (await reviews("?state=to-be-confirmed")).find((item) => item.stayRef === "p-new");
    expect(listed).toMatchObject({ reasons: ["overlap"], isConfirmed: false, confirmedVia: null });
    expect(Date.parse(listed?.since ?? "")).not.toBeNaN();
    expect(JSON.stringify(await reviews())).not.toContain("Gallo");
    expect((await steward.get("/api/v1/admission-reviews")).statusCode).toBe(403);
    expect((await operatorB.get("/api/v1/admission-reviews")).statusCode).toBe(403);
    const invalid = await auditor.get("/api/v1/admission-reviews?state=maybe");
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Stato non valido");
  });

  it("the referring service sees it in its case, and its placement fact confirms it, recorded with its author, audited", async () => {
    const lookup = await service.post("/api/v1/registry/lookups", {
      purpose: "admission",
      fiscalCode: children.placed.fiscalCode,
    });
    const caseId = randomUUID();
    const opened = await service.post("/api/v1/cases", {
      id: caseId,
      occurredOn: "2026-09-02",
      opening: {
        minorRef: json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym,
        firstReportOn: "2026-08",
        reportSource: "13",
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const stayId = await stayIdOf("p-new");
    const before = json<{ stays: { stayId: string; isToBeConfirmed: boolean }[] }>(
      await service.get(`/api/v1/cases/${caseId}`),
    );
    expect(before.stays.find((stay) => stay.stayId === stayId)?.isToBeConfirmed).toBe(true);
    const placed = await service.post(`/api/v1/cases/${caseId}/events`, {
      events: [{ id: randomUUID(), type: "placement", occurredOn: "2026-09-02", placement: { stayId } }],
    });
    expect(json<{ results: { status: string }[] }>(placed).results[0].status, placed.body).toBe("accepted");
    const after = json<{ stays: { stayId: string; isToBeConfirmed: boolean }[] }>(
      await service.get(`/api/v1/cases/${caseId}`),
    );
    expect(after.stays.find((stay) => stay.stayId === stayId)?.isToBeConfirmed).toBe(false);
    const [stored] = await queryRows<{ via: string; caseId: string; by: string }>(
      t.db,
      sql`select s.confirmed_via as via, s.confirmed_case_id as "caseId", u.username as by
          from stay s join app_user u on u.id = s.confirmed_by where s.id = ${stayId}`,
    );
    expect(stored).toEqual({ via: "case", caseId, by: "sociale-a" });
    const audit = await queryRows<{ organisationCode: string; details: Record<string, unknown> }>(
      t.db,
      sql`select organisation_code as "organisationCode", details from audit_entry
          where action = 'stay.confirm' and resource_id = ${stayId}`,
    );
    expect(audit).toEqual([
      { organisationCode: "SST-A", details: expect.objectContaining({ via: "case", caseId }) },
    ]);
    const listed = (await reviews("?state=confirmed")).find((item) => item.stayRef === "p-new");
    expect(listed).toMatchObject({
      reasons: ["overlap"],
      isConfirmed: true,
      confirmedVia: "case",
      confirmedBy: "sociale-a",
    });
    const ofA = (await guestsOf(operatorA, "ST000081", "2026-10-01")).find(
      (guest) => guest.stayRef === "p-old",
    );
    expect(ofA?.isOtherAdmissionToBeConfirmed).toBe(false);
    // Confirmed: the structure's own correction now applies.
    const pseudonym = await pseudonymOf("p-new");
    const corrected = await operatorB.put(`/api/v1/minors/${pseudonym}/identity`, {
      ...children.placed,
      givenName: "Matteo",
    });
    expect(json(corrected)).toEqual({ corrected: true, sentToReview: false, pseudonym });
  });

  it("the other stay's discharge confirms it, and the review list says so", async () => {
    await ingest(dischargeEvent("ST000081", "m-old", "2026-08-01"));
    await notBackdated(["m-old", "m-new"]);
    const listed = (await reviews()).find((item) => item.stayRef === "m-new");
    expect(listed).toMatchObject({
      reasons: ["overlap"],
      isConfirmed: true,
      confirmedVia: "discharge",
      confirmedBy: null,
    });
    expect(
      (await guestsOf(operatorB, "ST000082", "2026-10-01")).find((g) => g.stayRef === "m-new")
        ?.isToBeConfirmed,
    ).toBe(false);
  });
});

describe("a backdated admission to be confirmed", () => {
  it("sends its structure's identity correction to review, is in the review list as backdated, until the steward confirms it", async () => {
    const pseudonym = await pseudonymOf("l-1");
    const queued = await operatorB.put(`/api/v1/minors/${pseudonym}/identity`, {
      ...children.late,
      givenName: "Ezio Maria",
    });
    expect(json(queued)).toEqual({ corrected: false, sentToReview: true, pseudonym });
    expect((await reviews("?state=to-be-confirmed")).find((item) => item.stayRef === "l-1")).toMatchObject({
      reasons: ["backdated"],
      isConfirmed: false,
    });
    const confirmed = await steward.post(`/api/v1/stays/${await stayIdOf("l-1")}/confirmation`, {
      reason: "Verificato con il servizio inviante",
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await reviews("?state=confirmed")).find((item) => item.stayRef === "l-1")).toMatchObject({
      reasons: ["backdated"],
      confirmedVia: "steward",
      confirmedBy: "custode",
    });
    const applied = await operatorB.put(`/api/v1/minors/${pseudonym}/identity`, {
      ...children.late,
      givenName: "Ezio Maria",
    });
    expect(json(applied)).toMatchObject({ corrected: true });
  });
});
