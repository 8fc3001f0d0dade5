import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts } from "../../../../test/support/case-fixtures.ts";
import { italianChild } from "../../../../test/support/stay-fixtures.ts";
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
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import { importStructures } from "../structures/structures.import.ts";

type Fitted = {
  date: string;
  needs: { age: number | null; sex: string; msna: boolean; zone: string | null };
  structures: {
    structureId: string;
    code: string;
    zoneCode: string | null;
    zoneName: string | null;
    free: number;
    contacts: { street: string; comuneName: string | null; operatorName: string };
  }[];
};
type Request = {
  id: string;
  caseId: string | null;
  state: string;
  structureId: string;
  admittedStayId: string | null;
  declineReason: string | null;
};

const operator = {
  name: "Cooperativa Sociale Esempio",
  fiscalCode: vatNumber("0123456789"),
  legalNature: "cooperativa-sociale" as const,
};
const target = { minAge: 6, maxAge: 17, sex: "any" as const, motherWithChild: false, msna: false };
const child = italianChild({ familyName: "Serra", givenName: "Dario", sex: "M", birthDate: "2012-03-14" });

let t: TestApp;
let social: Client;
let otherSocial: Client;
let structureStaff: Client;
let caseId = "";
const ids = new Map<string, string>();

function place(code: string, name: string, overrides: Partial<StructureRecord>): StructureRecord {
  return structureRecord({
    code,
    name,
    operator,
    emergencyExtraPlaces: 0,
    validFrom: "2015-01-01",
    authorisation: { status: "definitiva", act: "Det. 1/2015", date: "2015-01-01", expiresOn: null },
    target,
    ...overrides,
  });
}

/**
 * On the day, for a boy of 14 not MSNA: ST000101 Firenze 3 free; ST000104 Firenze 5 free, also
 * MSNA; ST000106 Pisa 2 free; excluded ST000102 (girls only), ST000103 (up to 12), ST000105
 * (full: the boy himself is there), ST000107 (suspended).
 */
beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", operator.fiscalCode, operator.name);
  await createOrganisationFor(t, "SST", "social-service", undefined, "Servizio sociale di prova");
  await createOrganisationFor(t, "SST-B", "social-service");
  const firenze = { street: "Via del Prato 3", comune: "048017" };
  const pisa = { street: "Via Santa Maria 8", comune: "050026" };
  const outcomes = await importStructures(t.db, { system: true, label: "test" }, [
    place("ST000101", "Casa Alfa", { address: firenze, authorisedPlaces: 3 }),
    place("ST000102", "Casa Beta", {
      address: firenze,
      authorisedPlaces: 4,
      target: { ...target, sex: "F" },
    }),
    place("ST000103", "Casa Gamma", {
      address: pisa,
      authorisedPlaces: 4,
      target: { ...target, maxAge: 12 },
    }),
    place("ST000104", "Casa Delta", {
      address: firenze,
      authorisedPlaces: 5,
      target: { ...target, msna: true },
    }),
    place("ST000105", "Casa Epsilon", { address: firenze, authorisedPlaces: 1 }),
    place("ST000106", "Casa Zeta", { address: pisa, authorisedPlaces: 2 }),
    place("ST000107", "Casa Eta", { address: firenze, authorisedPlaces: 6, status: "suspended" }),
  ]);
  expect(outcomes.map((outcome) => outcome.outcome)).toEqual(Array(7).fill("created"));
  for (const row of await queryRows<{ id: string; code: string }>(t.db, sql`select id, code from structure`))
    ids.set(row.code, row.id);
  await createUserFor(t, "sociale", "service-operator", "SST");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  await createUserFor(t, "operatore-alfa", "structure-operator", "COOP", ids.get("ST000101"));
  social = await logInAs(t.app, "sociale");
  otherSocial = await logInAs(t.app, "sociale-b");
  structureStaff = await logInAs(t.app, "operatore-alfa");
  await admit(t, "ST000105", "e-1", addDays(t.today, -30), child);
  ({ caseId } = await openCaseFor(social, child.fiscalCode as string, addDays(t.today, -20)));
}, 120_000);
afterAll(() => t?.close());

const codes = (fitted: Fitted) => fitted.structures.map((row) => row.code);

describe("the fitted search from a case", () => {
  it("lists the active structures with room that take in the child, by zone then free places, with contacts", async () => {
    const response = await social.get(`/api/v1/cases/${caseId}/places`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const fitted = json<Fitted>(response);
    expect(fitted.date).toBe(t.today);
    expect(fitted.needs).toMatchObject({ age: 14, sex: "M", msna: false, zone: null });
    expect([...codes(fitted)].sort()).toEqual(["ST000101", "ST000104", "ST000106"]);
    const firenze = fitted.structures.filter((row) => row.code !== "ST000106").map((row) => row.code);
    expect(firenze).toEqual(["ST000104", "ST000101"]);
    const zones = fitted.structures.map((row) => row.zoneName);
    expect(zones).toEqual([...zones].sort((a, b) => (a ?? "").localeCompare(b ?? "", "it")));
    expect(fitted.structures.find((row) => row.code === "ST000101")).toMatchObject({
      free: 3,
      contacts: { street: "Via del Prato 3", comuneName: "Firenze", operatorName: operator.name },
    });
    expect(response.body).not.toContain(child.familyName as string);
  });

  it("fits the age in completed years from the birth date, also in the birthday's month", async () => {
    // Born 14 March 2012: 15 on 14 March 2027, though the month rule would still say 14.
    const onBirthday = await social.get(`/api/v1/cases/${caseId}/places?date=2027-03-14`);
    expect(onBirthday.statusCode, onBirthday.body).toBe(200);
    expect(json<Fitted>(onBirthday).needs.age).toBe(15);
    const dayBefore = await social.get(`/api/v1/cases/${caseId}/places?date=2027-03-13`);
    expect(json<Fitted>(dayBefore).needs.age).toBe(14);
  });

  it("narrows to MSNA places and to a zone", async () => {
    const msna = await social.get(`/api/v1/cases/${caseId}/places?msna=true`);
    expect(msna.statusCode, msna.body).toBe(200);
    expect(codes(json<Fitted>(msna))).toEqual(["ST000104"]);
    const pisaZone = json<Fitted>(await social.get(`/api/v1/cases/${caseId}/places`)).structures.find(
      (row) => row.code === "ST000106",
    )?.zoneCode as string;
    const zoned = await social.get(`/api/v1/cases/${caseId}/places?zone=${pisaZone}`);
    expect(zoned.statusCode, zoned.body).toBe(200);
    const inZone = json<Fitted>(zoned);
    expect(codes(inZone)).toEqual(["ST000106"]);
  });

  it("answers 404 to another service, 403 to a structure, 400 in Italian to a bad day", async () => {
    expect((await otherSocial.get(`/api/v1/cases/${caseId}/places`)).statusCode).toBe(404);
    expect((await structureStaff.get(`/api/v1/cases/${caseId}/places`)).statusCode).toBe(403);
    const bad = await social.get(`/api/v1/cases/${caseId}/places?date=domani`);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Data non valida");
  });
});

describe("the placement request", () => {
  let sent: Request;

  it("refuses a structure that does not fit or has no room, with a stable code", async () => {
    for (const code of ["ST000102", "ST000103", "ST000105", "ST000107"]) {
      const refused = await social.post(`/api/v1/cases/${caseId}/placement-requests`, {
        structureId: ids.get(code),
      });
      expect(refused.statusCode, code).toBe(409);
      expect(json(refused)).toMatchObject({ code: "placement-no-room" });
    }
    const stored = await queryRows(t.db, sql`select 1 from placement_request`);
    expect(stored).toHaveLength(0);
  });

  it("is sent to a fitted structure, once while it waits", async () => {
    const response = await social.post(`/api/v1/cases/${caseId}/placement-requests`, {
      structureId: ids.get("ST000101"),
      note: "Inserimento urgente",
    });
    expect(response.statusCode, response.body).toBe(201);
    sent = json<Request>(response);
    expect(sent).toMatchObject({ caseId, state: "sent", admittedStayId: null });
    const again = await social.post(`/api/v1/cases/${caseId}/placement-requests`, {
      structureId: ids.get("ST000101"),
    });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ code: "conflict" });
  });

  it("reaches the structure's inbox with the pseudonym and the needs only", async () => {
    const inbox = await structureStaff.get(
      `/api/v1/structures/${ids.get("ST000101")}/placement-requests?state=sent`,
    );
    expect(inbox.statusCode, inbox.body).toBe(200);
    const items = json<{ items: Request[] }>(inbox).items;
    expect(items.map((item) => [item.id, item.caseId])).toEqual([[sent.id, null]]);
    expect(inbox.body).not.toContain(child.familyName as string);
    expect(inbox.body).not.toContain(child.fiscalCode as string);
    const told = json<{ items: { id: string; title: string; structureId: string; stayId: null }[] }>(
      await structureStaff.get("/api/v1/notifications?kind=placement-request"),
    ).items;
    expect(told).toEqual([
      expect.objectContaining({
        id: `placement-request.${sent.id}`,
        title: "Richiesta di inserimento: Servizio sociale di prova",
        structureId: ids.get("ST000101"),
        stayId: null,
      }),
    ]);
    const elsewhere = await structureStaff.get(
      `/api/v1/structures/${ids.get("ST000104")}/placement-requests`,
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it("is accepted with the identity, read from the vault and audited with its purpose; then closed", async () => {
    const url = `/api/v1/structures/${ids.get("ST000101")}/placement-requests/${sent.id}/accept`;
    const accepted = await structureStaff.post(url);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.headers["cache-control"]).toBe("no-store");
    expect(json(accepted)).toMatchObject({
      request: { id: sent.id, state: "accepted", caseId: null },
      identity: { fiscalCode: child.fiscalCode, familyName: "Serra", givenName: "Dario", sex: "M" },
    });
    const audited = await queryRows<{ purpose: string }>(
      t.db,
      sql`select purpose from audit_entry where action = 'placement.identity-read' and details->>'placementRequestId' = ${sent.id}`,
    );
    expect(audited).toEqual([{ purpose: "admission" }]);
    const again = await structureStaff.post(url);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ code: "placement-request-closed" });
    const answered = json<{ items: { id: string; caseId: string }[] }>(
      await social.get("/api/v1/notifications?kind=placement-accepted"),
    ).items;
    expect(answered.map((item) => [item.id, item.caseId])).toEqual([
      [`placement-accepted.${sent.id}`, caseId],
    ]);
    const waiting = json<{ items: unknown[] }>(
      await structureStaff.get("/api/v1/notifications?kind=placement-request"),
    ).items;
    expect(waiting).toEqual([]);
  });

  it("is declined with a reason, or withdrawn by the service", async () => {
    const toDelta = json<Request>(
      await social.post(`/api/v1/cases/${caseId}/placement-requests`, { structureId: ids.get("ST000104") }),
    );
    const withdrawn = await social.post(`/api/v1/cases/${caseId}/placement-requests/${toDelta.id}/withdraw`);
    expect(json(withdrawn)).toMatchObject({ state: "withdrawn" });
    const toAlfa = json<Request>(
      await social.post(`/api/v1/cases/${caseId}/placement-requests`, { structureId: ids.get("ST000101") }),
    );
    const decline = `/api/v1/structures/${ids.get("ST000101")}/placement-requests/${toAlfa.id}/decline`;
    const short = await structureStaff.post(decline, { reason: "no" });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain("motivazione");
    const declined = await structureStaff.post(decline, { reason: "Nessun educatore disponibile" });
    expect(json(declined)).toMatchObject({
      state: "declined",
      declineReason: "Nessun educatore disponibile",
    });
    const withdrawLate = await social.post(
      `/api/v1/cases/${caseId}/placement-requests/${toAlfa.id}/withdraw`,
    );
    expect(withdrawLate.statusCode).toBe(409);
  });

  it("once the structure records the admission, shows the stay linked to the case, once", async () => {
    const { stayId } = await admit(t, "ST000101", "a-1", t.today, child);
    for (let read = 0; read < 2; read++) {
      const listed = json<{ items: Request[] }>(
        await social.get(`/api/v1/cases/${caseId}/placement-requests`),
      );
      expect(listed.items.find((item) => item.id === sent.id)?.admittedStayId).toBe(stayId);
      expect(listed.items.filter((item) => item.admittedStayId !== null)).toHaveLength(1);
    }
    const facts = await queryRows<{ stayId: string }>(
      t.db,
      sql`select payload->'placement'->>'stayId' as "stayId" from case_event
          where case_id = ${caseId} and type = 'placement' and status = 'accepted'`,
    );
    expect(facts).toEqual([{ stayId }]);
    // The admission overlapped the stay at ST000105: the case's placement confirms it.
    const [stay] = await queryRows<{ via: string | null }>(
      t.db,
      sql`select confirmed_via as via from stay where id = ${stayId}`,
    );
    expect(stay.via).toBe("case");
    expect((await otherSocial.get(`/api/v1/cases/${caseId}/placement-requests`)).statusCode).toBe(404);
  });
});

describe("a request whose case was closed after the sending", () => {
  it("cannot be accepted (409, nothing changed, no identity read), only declined", async () => {
    const sister = italianChild({ familyName: "Serra", givenName: "Lia", sex: "F", birthDate: "2011-05-02" });
    await admit(t, "ST000106", "e-2", addDays(t.today, -15), sister);
    const opened = await openCaseFor(social, sister.fiscalCode as string, addDays(t.today, -10));
    const sent = json<Request>(
      await social.post(`/api/v1/cases/${opened.caseId}/placement-requests`, {
        structureId: ids.get("ST000101"),
      }),
    );
    expect(sent.state).toBe("sent");
    await recordCaseFacts(social, opened.caseId, [
      { id: randomUUID(), type: "closure", occurredOn: t.today, closure: { reason: "3", situation: "2" } },
    ]);
    const reads = sql`select count(*)::int as n from audit_entry where action = 'placement.identity-read'`;
    const [before] = await queryRows<{ n: number }>(t.db, reads);
    const base = `/api/v1/structures/${ids.get("ST000101")}/placement-requests/${sent.id}`;
    const refused = await structureStaff.post(`${base}/accept`);
    expect(refused.statusCode).toBe(409);
    expect(json<{ code: string; detail: string }>(refused)).toMatchObject({
      code: "placement-case-closed",
      detail: expect.stringContaining("chiusa dopo l'invio"),
    });
    expect(refused.body).not.toContain(sister.fiscalCode as string);
    const [after] = await queryRows<{ n: number }>(t.db, reads);
    expect(after.n).toBe(before.n);
    const waiting = json<{ items: Request[] }>(
      await structureStaff.get(`/api/v1/structures/${ids.get("ST000101")}/placement-requests?state=sent`),
    ).items;
    expect(waiting.map((item) => item.id)).toContain(sent.id);
    const declined = await structureStaff.post(`${base}/decline`, { reason: "Cartella chiusa dal servizio" });
    expect(json(declined)).toMatchObject({ state: "declined" });
  });
});
