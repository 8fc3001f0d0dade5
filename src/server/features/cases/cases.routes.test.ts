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
let structureUser: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001"]);
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  await createUserFor(t, "struttura", "structure-operator", operator.code);
  structureUser = await logInAs(t.app, "struttura");
});
afterAll(() => t.close());

/**
 * Each test has its own services and its own child: what a service sees (its cases, the
 * identities it may read) depends on no other test, whatever the order they run in.
 */
let services = 0;
async function newService() {
  services += 1;
  const code = `SST-${services}`;
  await createOrganisationFor(t, code, "social-service");
  await createUserFor(t, `sociale-${services}`, "service-operator", code);
  return { code, client: await logInAs(t.app, `sociale-${services}`) };
}

const children = [
  ["Carta", "Lia", "F", "2013-05-02"],
  ["Neri", "Ugo", "M", "2011-02-03"],
  ["Fabbri", "Nora", "F", "2012-07-19"],
  ["Galli", "Piero", "M", "2010-11-27"],
  ["Marini", "Sara", "F", "2014-01-08"],
  ["Testa", "Dario", "M", "2009-04-30"],
  ["Villa", "Irene", "F", "2012-12-12"],
  ["Serra", "Bruno", "M", "2011-09-15"],
  ["Longo", "Ada", "F", "2013-03-21"],
  ["Caruso", "Enzo", "M", "2010-06-04"],
  ["Ferraro", "Livia", "F", "2014-08-16"],
] as const;
let admitted = 0;

/** A child admitted to a structure and found by the service's exact search: its pseudonym and stay. */
async function childFoundBy(client: Client) {
  const [familyName, givenName, sex, birthDate] = children[admitted % children.length];
  admitted += 1;
  const child = italianChild({ familyName, givenName, sex, birthDate });
  const stay = await ingestEvent(
    t.db,
    { keyring: t.keyring, today: t.today },
    { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
    admissionEvent("ST000001", `c-${admitted}`, "2026-10-01", child),
  );
  const found = async (by: Client) =>
    json<{ minor: { pseudonym: string } }>(
      await by.post("/api/v1/registry/lookups", { purpose: "admission", fiscalCode: child.fiscalCode }),
    ).minor.pseudonym;
  return { pseudonym: await found(client), stayId: stay.stayId as string, foundBy: found };
}

const opening = (ref: string, id = randomUUID()) => ({
  id,
  occurredOn: "2026-10-05",
  opening: { minorRef: ref, firstReportOn: "2026-09", reportSource: "13" },
});

/** A service with a case open on a child it found. */
async function openedCase() {
  const service = await newService();
  const child = await childFoundBy(service.client);
  const created = await service.client.post("/api/v1/cases", opening(child.pseudonym));
  expect(created.statusCode).toBe(201);
  return { service, ...child, caseId: json<{ caseId: string }>(created).caseId };
}

type Opened = Awaited<ReturnType<typeof openedCase>>;

/** The first facts of a case, one refused for each reason: situation, foster care, placement… */
async function firstFacts({ service, caseId, stayId }: Opened, fosterStart: string) {
  return service.client.post(`/api/v1/cases/${caseId}/events`, {
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
}

/** The end of the foster care, the closure today, a situation of the same day. */
async function closingFacts({ service, caseId }: Opened, fosterStart: string) {
  return service.client.post(`/api/v1/cases/${caseId}/events`, {
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
}

describe("opening a case", () => {
  it("before a case, the service does not see the minor's identity", async () => {
    const { client } = await newService();
    const { pseudonym } = await childFoundBy(client);
    expect((await client.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
  });

  it("opens a case for a minor the service found; the same opening again answers with the same case", async () => {
    const { client } = await newService();
    const { pseudonym } = await childFoundBy(client);
    const body = opening(pseudonym);
    const created = await client.post("/api/v1/cases", body);
    expect(created.statusCode).toBe(201);
    const caseId = json<{ caseId: string }>(created).caseId;
    expect(caseId).toBe(body.id);
    const again = await client.post("/api/v1/cases", body);
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
    const { service, pseudonym } = await openedCase();
    const other = await newService();
    const second = await service.client.post("/api/v1/cases", opening(pseudonym));
    expect(second.statusCode).toBe(409);
    expect(second.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(json(second)).toMatchObject({ code: "open-case-exists" });
    const refused = await other.client.post("/api/v1/cases", opening(pseudonym));
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ code: "unknown-minor" });
  });

  it("the service in charge reads the identity, audited; a structure role may not open cases", async () => {
    const { service, pseudonym } = await openedCase();
    const other = await newService();
    const identity = await service.client.get(`/api/v1/minors/${pseudonym}/identity`);
    expect(identity.statusCode).toBe(200);
    expect(identity.headers["cache-control"]).toBe("no-store");
    const reads = await queryRows<{ organisationCode: string }>(
      t.db,
      sql`select organisation_code as "organisationCode" from audit_entry where action = 'registry.identity-read'
          and outcome = 'success' and minor_pseudonym = ${pseudonym}`,
    );
    expect(reads.map((read) => read.organisationCode)).toContain(service.code);
    expect((await other.client.get(`/api/v1/minors/${pseudonym}/identity`)).statusCode).toBe(404);
    expect((await structureUser.post("/api/v1/cases", opening(pseudonym))).statusCode).toBe(403);
    expect((await structureUser.get("/api/v1/cases")).statusCode).toBe(403);
  });
});

describe("the facts of a case", () => {
  it("records each event with its own outcome", async () => {
    const response = await firstFacts(await openedCase(), randomUUID());
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
  });

  it("closes with reason and situation; later facts are refused", async () => {
    const opened = await openedCase();
    const fosterStart = randomUUID();
    await firstFacts(opened, fosterStart);
    const response = await closingFacts(opened, fosterStart);
    const results = json<{ results: { status: string }[] }>(response).results;
    expect(results.map((result) => result.status)).toEqual(["accepted", "accepted", "accepted"]);
    const late = await opened.service.client.post(`/api/v1/cases/${opened.caseId}/events`, {
      events: [
        { id: randomUUID(), type: "closure", occurredOn: t.today, closure: { reason: "4", situation: "1" } },
      ],
    });
    expect(json<{ results: { errors: { code: string }[] }[] }>(late).results[0].errors[0].code).toBe(
      "case-already-closed",
    );
  });

  it("reads the projected case, its events, the minor's stays, and the case as known before the closure", async () => {
    const opened = await openedCase();
    const { service, caseId, stayId, pseudonym } = opened;
    const fosterStart = randomUUID();
    await firstFacts(opened, fosterStart);
    const beforeClosure = new Date().toISOString();
    await closingFacts(opened, fosterStart);
    const response = await service.client.get(`/api/v1/cases/${caseId}`);
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
    const earlier = await service.client.get(
      `/api/v1/cases/${caseId}?asOf=${encodeURIComponent(beforeClosure)}`,
    );
    expect(json<{ projection: { status: string }; events: unknown[] }>(earlier)).toMatchObject({
      projection: { status: "open" },
    });
    expect(json<{ events: unknown[] }>(earlier).events).toHaveLength(4);
    const list = json<{ items: { caseId: string; status: string }[] }>(
      await service.client.get("/api/v1/cases"),
    );
    expect(list.items).toEqual([
      expect.objectContaining({ caseId, status: "closed", minorPseudonym: pseudonym }),
    ]);
  });

  it("another service's case answers 404, exactly like one that does not exist", async () => {
    const { caseId } = await openedCase();
    const other = await newService();
    for (const id of [caseId, randomUUID()]) {
      const read = await other.client.get(`/api/v1/cases/${id}`);
      expect(read.statusCode).toBe(404);
      expect(json(read)).toMatchObject({ code: "not-found" });
      const write = await other.client.post(`/api/v1/cases/${id}/events`, {
        events: [{ id: randomUUID(), type: "situation", occurredOn: "2026-10-06", situation: {} }],
      });
      expect(write.statusCode).toBe(404);
    }
    expect(json<{ items: unknown[] }>(await other.client.get("/api/v1/cases")).items).toEqual([]);
  });

  it("a case closed today still opens the identity today, not tomorrow", async () => {
    const opened = await openedCase();
    const fosterStart = randomUUID();
    await firstFacts(opened, fosterStart);
    await closingFacts(opened, fosterStart);
    const [row] = await queryRows<{ minorId: string; serviceId: string }>(
      t.db,
      sql`select minor_id as "minorId", service_organisation_id as "serviceId" from social_case where id = ${opened.caseId}`,
    );
    expect(await isMinorInChargeOfService(t.db, row.minorId, row.serviceId, t.today)).toBe(true);
    expect(await isMinorInChargeOfService(t.db, row.minorId, row.serviceId, addDays(t.today, 1))).toBe(false);
  });
});

describe("a transfer to another service", () => {
  it("the receiving service accepts it, may write nothing else, then opens its own case", async () => {
    const sender = await newService();
    const receiver = await newService();
    const child = await childFoundBy(sender.client);
    const opened = json<{ caseId: string }>(
      await sender.client.post("/api/v1/cases", opening(child.pseudonym)),
    );
    const events = (client: Client, list: object[]) =>
      client
        .post(`/api/v1/cases/${opened.caseId}/events`, { events: list })
        .then(
          (response) => json<{ results: { status: string; errors: { code: string }[] }[] }>(response).results,
        );
    const requested = await events(sender.client, [
      {
        id: randomUUID(),
        type: "transfer-requested",
        occurredOn: "2026-11-01",
        transfer: { toServiceCode: receiver.code },
      },
    ]);
    expect(requested[0].status).toBe("accepted");
    const byReceiver = await events(receiver.client, [
      { id: randomUUID(), type: "situation", occurredOn: "2026-11-02", situation: {} },
      { id: randomUUID(), type: "transfer-accepted", occurredOn: "2026-11-02" },
    ]);
    expect(byReceiver.map((result) => result.errors[0]?.code ?? result.status)).toEqual([
      "unknown-case",
      "accepted",
    ]);
    // The receiver still does not read the sender's case file.
    expect((await receiver.client.get(`/api/v1/cases/${opened.caseId}`)).statusCode).toBe(404);
    const own = await receiver.client.post("/api/v1/cases", opening(await child.foundBy(receiver.client)));
    expect(own.statusCode).toBe(201);
    const file = json<{ projection: { transfer: { acceptedOn: string } } }>(
      await sender.client.get(`/api/v1/cases/${opened.caseId}`),
    );
    expect(file.projection.transfer).toMatchObject({
      toServiceCode: receiver.code,
      acceptedOn: "2026-11-02",
    });
  });
});
