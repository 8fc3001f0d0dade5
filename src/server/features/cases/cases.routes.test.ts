import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  italianChild,
} from "../../../../test/support/stay-fixtures.ts";
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
import { addDays } from "../../../domain/time/calendar.ts";
import { isMinorInChargeOfService } from "../registry/registry.queries.ts";
import { ingestEvent } from "../stays/index.ts";

let t: TestApp;
let serviceA: Client;
let serviceB: Client;
let structureUser: Client;
let stayId = "";
let pseudonym = "";
let caseId = "";
const child = italianChild({ familyName: "Carta", givenName: "Lia", sex: "F", birthDate: "2013-05-02" });

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001"]);
  await createOrganisationFor(t, "SST-A", "social-service");
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  await createUserFor(t, "struttura", "structure-operator", operator.code);
  const admitted = await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
    admissionEvent("ST000001", "c-1", "2026-10-01", child),
  );
  stayId = admitted.stayId as string;
  serviceA = await logInAs(t.app, "sociale-a");
  serviceB = await logInAs(t.app, "sociale-b");
  structureUser = await logInAs(t.app, "struttura");
  const lookup = await serviceA.post("/api/v1/registry/lookups", {
    purpose: "admission",
    fiscalCode: child.fiscalCode,
  });
  pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
});
afterAll(() => t.close());

const opening = (id = randomUUID(), ref = pseudonym) => ({
  id,
  occurredOn: "2026-10-05",
  opening: { minorRef: ref, firstReportOn: "2026-09", reportSource: "13" },
});

describe("opening a case", () => {
  it("before a case, the service does not see the minor's identity", async () => {
    expect((await serviceA.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
  });

  it("opens a case for a minor the service found; the same opening again answers with the same case", async () => {
    const body = opening();
    const created = await serviceA.post("/api/v1/cases", body);
    expect(created.statusCode).toBe(201);
    caseId = json<{ caseId: string }>(created).caseId;
    expect(caseId).toBe(body.id);
    const again = await serviceA.post("/api/v1/cases", body);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ status: "duplicate", caseId });
    const audit = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'case.open' and resource_id = ${caseId}
          and minor_pseudonym = ${pseudonym}`,
    );
    expect(audit[0].count).toBe(1);
  });

  it("one open case per minor per service (409); another service that did not search the minor cannot name it", async () => {
    const second = await serviceA.post("/api/v1/cases", opening());
    expect(second.statusCode).toBe(409);
    expect(second.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(json(second)).toMatchObject({ code: "open-case-exists" });
    const other = await serviceB.post("/api/v1/cases", opening());
    expect(other.statusCode).toBe(422);
    expect(json(other)).toMatchObject({ code: "unknown-minor" });
  });

  it("the service in charge reads the identity, audited; a structure role may not open cases", async () => {
    const identity = await serviceA.get(`/api/v1/minors/${pseudonym}/identity`);
    expect(identity.statusCode).toBe(200);
    expect(identity.headers["cache-control"]).toBe("no-store");
    const reads = await queryRows<{ organisationCode: string }>(
      t.db,
      sql`select organisation_code as "organisationCode" from audit_entry where action = 'registry.identity-read'
          and outcome = 'success' and minor_pseudonym = ${pseudonym}`,
    );
    expect(reads.map((read) => read.organisationCode)).toContain("SST-A");
    expect((await serviceB.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
    expect((await structureUser.post("/api/v1/cases", opening())).statusCode).toBe(403);
    expect((await structureUser.get("/api/v1/cases")).statusCode).toBe(403);
  });
});

describe("the facts of a case", () => {
  const fosterStart = randomUUID();
  let beforeClosure = "";

  it("records each event with its own outcome", async () => {
    const response = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [
        { id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation: { school: "3" } },
        {
          id: fosterStart,
          type: "foster-care-start",
          occurredOn: "2026-10-07",
          fosterCare: { form: "2", kind: "2", duration: "1", character: "1", nightsPerWeek: 7 },
        },
        { id: randomUUID(), type: "placement", caseId, occurredOn: "2026-10-08", placement: { stayId } },
        {
          id: randomUUID(),
          type: "placement",
          caseId: randomUUID(),
          occurredOn: "2026-10-08",
          placement: { stayId },
        },
        { id: randomUUID(), type: "closure", occurredOn: "2026-11-01", closure: { reason: "4" } },
        { id: randomUUID(), type: "situation", occurredOn: "2026-12-01", situation: {} },
      ],
    });
    expect(response.statusCode).toBe(200);
    const results = json<{ results: { status: string; errors: { code: string }[] }[] }>(response).results;
    expect(results.map((result) => result.errors[0]?.code ?? result.status)).toEqual([
      "accepted",
      "accepted",
      "accepted",
      "case-mismatch",
      "closure-incomplete",
      "date-in-future",
    ]);
    beforeClosure = new Date().toISOString();
  });

  it("closes with reason and situation; later facts are refused", async () => {
    const response = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [
        {
          id: randomUUID(),
          type: "foster-care-end",
          occurredOn: "2026-11-10",
          fosterCareStart: fosterStart,
          outcome: "1",
        },
        { id: randomUUID(), type: "closure", occurredOn: t.today, closure: { reason: "4", situation: "1" } },
        { id: randomUUID(), type: "situation", occurredOn: t.today, situation: { school: "4" } },
      ],
    });
    const results = json<{ results: { status: string }[] }>(response).results;
    expect(results.map((result) => result.status)).toEqual(["accepted", "accepted", "accepted"]);
    const late = await serviceA.post(`/api/v1/cases/${caseId}/events`, {
      events: [
        { id: randomUUID(), type: "closure", occurredOn: t.today, closure: { reason: "4", situation: "1" } },
      ],
    });
    expect(json<{ results: { errors: { code: string }[] }[] }>(late).results[0].errors[0].code).toBe(
      "case-already-closed",
    );
  });

  it("reads the projected case, its events, the minor's stays, and the case as known before the closure", async () => {
    const response = await serviceA.get(`/api/v1/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const file = json<{
      status: string;
      closedOn: string;
      projection: {
        status: string;
        fosterCare: { to: string; outcome: string }[];
        placements: { stayId: string }[];
      };
      events: unknown[];
      stays: { stayId: string; structureName: string }[];
    }>(response);
    expect(file).toMatchObject({ status: "closed", closedOn: t.today });
    expect(file.projection.fosterCare).toMatchObject([{ to: "2026-11-10", outcome: "1" }]);
    expect(file.projection.placements).toMatchObject([{ stayId }]);
    expect(file.events).toHaveLength(7);
    expect(file.stays).toMatchObject([{ stayId, structureName: "Comunità di prova 1" }]);
    const earlier = await serviceA.get(`/api/v1/cases/${caseId}?asOf=${encodeURIComponent(beforeClosure)}`);
    expect(json<{ projection: { status: string }; events: unknown[] }>(earlier)).toMatchObject({
      projection: { status: "open" },
    });
    expect(json<{ events: unknown[] }>(earlier).events).toHaveLength(4);
    const list = json<{ items: { caseId: string; status: string }[] }>(await serviceA.get("/api/v1/cases"));
    expect(list.items).toEqual([
      expect.objectContaining({ caseId, status: "closed", minorPseudonym: pseudonym }),
    ]);
  });

  it("another service's case answers 404, exactly like one that does not exist", async () => {
    for (const id of [caseId, randomUUID()]) {
      const read = await serviceB.get(`/api/v1/cases/${id}`);
      expect(read.statusCode).toBe(404);
      expect(json(read)).toMatchObject({ code: "not-found" });
      const write = await serviceB.post(`/api/v1/cases/${id}/events`, {
        events: [{ id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation: {} }],
      });
      expect(write.statusCode).toBe(404);
    }
    expect(json<{ items: unknown[] }>(await serviceB.get("/api/v1/cases")).items).toEqual([]);
  });

  it("a case closed today still opens the identity today, not tomorrow", async () => {
    const [row] = await queryRows<{ minorId: string; serviceId: string }>(
      t.db,
      sql`select minor_id as "minorId", service_organisation_id as "serviceId" from social_case where id = ${caseId}`,
    );
    expect(await isMinorInChargeOfService(t.db, row.minorId, row.serviceId, t.today)).toBe(true);
    expect(await isMinorInChargeOfService(t.db, row.minorId, row.serviceId, addDays(t.today, 1))).toBe(false);
  });
});

describe("a transfer to another service", () => {
  it("the receiving service accepts it, may write nothing else, then opens its own case", async () => {
    const second = italianChild({ familyName: "Neri", givenName: "Ugo", sex: "M", birthDate: "2011-02-03" });
    await ingestEvent(
      t.db,
      { keyring: t.keyring, today: t.today },
      { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
      admissionEvent("ST000001", "c-2", "2026-10-01", second),
    );
    const found = async (client: Client) =>
      json<{ minor: { pseudonym: string } }>(
        await client.post("/api/v1/registry/lookups", {
          purpose: "admission",
          fiscalCode: second.fiscalCode,
        }),
      ).minor.pseudonym;
    const ref = await found(serviceA);
    const opened = json<{ caseId: string }>(await serviceA.post("/api/v1/cases", opening(randomUUID(), ref)));
    const events = (client: Client, list: object[]) =>
      client
        .post(`/api/v1/cases/${opened.caseId}/events`, { events: list })
        .then(
          (response) => json<{ results: { status: string; errors: { code: string }[] }[] }>(response).results,
        );
    const requested = await events(serviceA, [
      {
        id: randomUUID(),
        type: "transfer-requested",
        occurredOn: "2026-11-01",
        transfer: { toServiceCode: "SST-B" },
      },
    ]);
    expect(requested[0].status).toBe("accepted");
    const byReceiver = await events(serviceB, [
      { id: randomUUID(), type: "situation", occurredOn: "2026-11-02", situation: {} },
      { id: randomUUID(), type: "transfer-accepted", occurredOn: "2026-11-02" },
    ]);
    expect(byReceiver.map((result) => result.errors[0]?.code ?? result.status)).toEqual([
      "unknown-case",
      "accepted",
    ]);
    // The receiver still does not read the sender's case file.
    expect((await serviceB.get(`/api/v1/cases/${opened.caseId}`)).statusCode).toBe(404);
    const own = await serviceB.post("/api/v1/cases", opening(randomUUID(), await found(serviceB)));
    expect(own.statusCode).toBe(201);
    const file = json<{ projection: { transfer: { acceptedOn: string } } }>(
      await serviceA.get(`/api/v1/cases/${opened.caseId}`),
    );
    expect(file.projection.transfer).toMatchObject({ toServiceCode: "SST-B", acceptedOn: "2026-11-02" });
  });
});
