import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCaseHistory, shuffled } from "../../../../test/support/case-history-generator.ts";
import { italianChild } from "../../../../test/support/registry-fixtures.ts";
import { admissionEvent, createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import {
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
  type TestApp,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import {
  type KeyedClient,
  newKeyPair,
  postCaseEvents,
  postEvents,
  publicUrl,
  registerClient,
  registerServiceClient,
} from "../events/machine-request.fixtures.ts";

type Problem = { code: string; path: string; message: string };
type Results = {
  results: { id: string; status: string; warnings: Problem[]; errors: Problem[]; caseId?: string }[];
};

let t: TestApp;
let serviceA: KeyedClient;
let serviceB: KeyedClient;
let structureClient: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000701"]);
  await createOrganisationFor(t, "SST-CA", "social-service");
  await createOrganisationFor(t, "SST-CB", "social-service");
  serviceA = await registerServiceClient(t.db, "SST-CA");
  serviceB = await registerServiceClient(t.db, "SST-CB");
  structureClient = await registerClient(t.db, ["ST000701"]);
});
afterAll(() => t.close());

const opening = (caseId: string, minor: object, occurredOn = "2026-10-05") => ({
  id: caseId,
  type: "case-opened",
  caseId,
  occurredOn,
  opening: { minor, firstReportOn: "2026-09", reportSource: "13" },
});

async function send(client: KeyedClient, events: unknown[]) {
  const response = await postCaseEvents(t.app, client, { events });
  expect(response.statusCode, response.body).toBe(200);
  return json<Results>(response).results;
}

async function projectionsOf(caseIds: string[]) {
  const rows = await queryRows<{ id: string; projection: unknown; minorId: string }>(
    t.db,
    sql`select id, projection, minor_id as "minorId" from social_case where id in (${sql.join(
      caseIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by id`,
  );
  return rows;
}

describe("POST /api/v1/case-events", () => {
  it("opens cases by the minor's identity, resolved as admissions are, and keeps no identity outside the vault", async () => {
    const child = italianChild({ familyName: "Serra", givenName: "Ada", sex: "F", birthDate: "2014-02-03" });
    const admitted = await postEvents(t.app, structureClient, {
      events: [admissionEvent("ST000701", "ca-1", "2026-09-20", child)],
    });
    expect(json<Results>(admitted).results[0].status).toBe("accepted");
    const caseId = randomUUID();
    const situation = {
      id: randomUUID(),
      type: "situation",
      caseId,
      occurredOn: "2026-10-06",
      situation: {},
    };
    const [opened, fact] = await send(serviceA, [opening(caseId, child), situation]);
    expect(opened).toMatchObject({ status: "accepted", caseId, errors: [] });
    expect(fact).toMatchObject({ status: "accepted", caseId });
    const [stored] = await queryRows<{
      caseMinor: string;
      stayMinor: string;
      payload: string;
      digest: string;
    }>(
      t.db,
      sql`select c.minor_id as "caseMinor", s.minor_id as "stayMinor", e.payload::text as payload,
            e.content_digest as digest
          from social_case c join case_event e on e.id = c.id, stay s
          where c.id = ${caseId} and s.stay_ref = 'ca-1'`,
    );
    expect(stored.caseMinor).toBe(stored.stayMinor);
    expect(stored.payload).not.toContain(child.fiscalCode as string);
    expect(stored.payload).not.toContain("Serra");
    const [{ pseudonym }] = await queryRows<{ pseudonym: string }>(
      t.db,
      sql`select pseudonym from minor where id = ${stored.caseMinor}`,
    );
    expect(JSON.parse(stored.payload).opening.minorRef).toBe(pseudonym);
    const audit = await queryRows<{ username: string | null; minorPseudonym: string }>(
      t.db,
      sql`select username, minor_pseudonym as "minorPseudonym" from audit_entry
          where action = 'case.open' and resource_id = ${caseId}`,
    );
    expect(audit).toEqual([{ username: `sistema:client:${serviceA.id}`, minorPseudonym: pseudonym }]);
  });

  it("answers each event on its own: accepted, duplicate, rejected with Italian messages and stable codes", async () => {
    const caseId = randomUUID();
    const child = italianChild({ familyName: "Lodi", givenName: "Pia", sex: "F", birthDate: "2012-07-07" });
    const closure = { id: randomUUID(), type: "closure", caseId, occurredOn: "2026-10-20", closure: {} };
    const badCode = {
      id: randomUUID(),
      type: "assessment",
      caseId,
      occurredOn: "2026-10-08",
      assessment: { child: { values: ["99"], prevalent: "99" } },
    };
    const unknownCase = {
      id: randomUUID(),
      type: "situation",
      caseId: randomUUID(),
      occurredOn: "2026-10-08",
      situation: {},
    };
    const byRef = {
      ...opening(randomUUID(), {}),
      opening: { minorRef: "ABCDEF", firstReportOn: "2026-09", reportSource: "13" },
    };
    const badIdentity = opening(randomUUID(), { fiscalCode: "RSSMRA12C14D612X" });
    const open = opening(caseId, child);
    const results = await send(serviceA, [closure, badCode, unknownCase, byRef, badIdentity, open, open]);
    expect(results.map((result) => result.status)).toEqual([
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "accepted",
      "duplicate",
    ]);
    expect(results[0].errors[0].code).toBe("closure-incomplete");
    expect(results[1].errors[0]).toMatchObject({ code: "unknown-code" });
    expect(results[2].errors[0].code).toBe("unknown-case");
    expect(results[3].errors[0]).toMatchObject({
      code: "minor-identity-required",
      path: "/opening/minorRef",
    });
    expect(results[4].errors[0]).toMatchObject({
      code: "fiscal-code-invalid",
      path: "/opening/minor/fiscalCode",
    });
    for (const result of results.slice(0, 5))
      for (const error of result.errors) expect(error.message).not.toBe(error.code);
    const again = await send(serviceA, [open, { ...open, occurredOn: "2026-10-04" }]);
    expect(again.map((result) => result.status)).toEqual(["duplicate", "rejected"]);
    expect(again[1].errors[0].code).toBe("id-reused");
    const [{ count }] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from case_event where id = ${caseId}`,
    );
    expect(count).toBe(1);
  });

  it("a second opening for the same child at the same service is refused; a new child is created, a near one flagged", async () => {
    const child = italianChild({ familyName: "Neri", givenName: "Ugo", sex: "M", birthDate: "2011-01-21" });
    const [first] = await send(serviceA, [opening(randomUUID(), child)]);
    expect(first.status).toBe("accepted");
    const [second] = await send(serviceA, [opening(randomUUID(), child)]);
    expect(second.errors[0].code).toBe("open-case-exists");
    const { fiscalCode: _fiscalCode, ...withoutCode } = child;
    const [sameByNames] = await send(serviceA, [opening(randomUUID(), withoutCode)]);
    expect(sameByNames.errors[0].code).toBe("open-case-exists");
    // The same names and birth date with another birthplace: possibly the same child.
    const near = { ...withoutCode, birthPlace: { country: "203" } };
    const [flagged] = await send(serviceB, [opening(randomUUID(), near)]);
    expect(flagged.status).toBe("accepted");
    expect(flagged.warnings.map((warning) => warning.code)).toEqual(["possible-duplicate-minor"]);
    const [{ count }] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from social_case c join minor m on m.id = c.minor_id
          where c.id = ${flagged.caseId} and m.is_possible_duplicate`,
    );
    expect(count).toBe(1);
  });

  it("a correction of the opening names the same child by identity, never another one", async () => {
    const caseId = randomUUID();
    const child = italianChild({ familyName: "Bruno", givenName: "Elia", sex: "M", birthDate: "2012-12-12" });
    const other = italianChild({ familyName: "Fabbri", givenName: "Teo", sex: "M", birthDate: "2012-11-11" });
    const correction = (minor: object) => ({
      id: randomUUID(),
      type: "correction",
      caseId,
      occurredOn: "2026-10-07",
      corrects: caseId,
      opening: { minor, firstReportOn: "2026-08", reportSource: "3" },
    });
    const { fiscalCode: _code, ...byNames } = child;
    const results = await send(serviceA, [opening(caseId, child), correction(byNames), correction(other)]);
    expect(results.map((result) => result.status)).toEqual(["accepted", "accepted", "rejected"]);
    expect(results[2].errors[0].code).toBe("minor-not-changeable");
    const [row] = await projectionsOf([caseId]);
    expect(row.projection).toMatchObject({
      opening: { content: { firstReportOn: "2026-08", reportSource: "3" } },
    });
    const minors = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from minor where birth_year_month = '2012-11'`,
    );
    expect(minors[0].count).toBe(0);
  });

  it("a client of service A cannot touch a case of service B: it answers like an unknown case", async () => {
    const caseId = randomUUID();
    const child = italianChild({ familyName: "Gallo", givenName: "Rita", sex: "F", birthDate: "2013-03-03" });
    expect((await send(serviceB, [opening(caseId, child)]))[0].status).toBe("accepted");
    const fact = { id: randomUUID(), type: "situation", caseId, occurredOn: "2026-10-06", situation: {} };
    const unknown = { ...fact, id: randomUUID(), caseId: randomUUID() };
    const [foreign, missing] = await send(serviceA, [fact, unknown]);
    expect(foreign).toMatchObject({ status: "rejected", errors: [{ code: "unknown-case" }] });
    expect(missing.errors).toEqual(foreign.errors);
    // An opening of the same case id under another event id: the case is not A's to open.
    const [reopen] = await send(serviceA, [{ ...opening(caseId, child), id: randomUUID() }]);
    expect(reopen.errors.map((error) => error.code)).toEqual(["unknown-case"]);
  });

  it("a structure's client may not send case events, nor a service's client stay events (403)", async () => {
    const refused = await postCaseEvents(t.app, structureClient, { events: [] });
    expect(refused.statusCode).toBe(403);
    expect(json(refused)).toMatchObject({ code: "forbidden" });
    const stays = await postEvents(t.app, serviceA, {
      events: [admissionEvent("ST000701", "ca-x", "2026-10-01")],
    });
    expect(stays.statusCode).toBe(403);
    const [{ count }] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from stay_event e join stay s on s.id = e.stay_id where s.stay_ref = 'ca-x'`,
    );
    expect(count).toBe(0);
  });

  it("refuses a replayed jti and stores nothing of it; the same events sent again are duplicates", async () => {
    const history = generateCaseHistory(11, { cases: 1 });
    const jti = randomUUID();
    const first = await postCaseEvents(t.app, serviceA, { events: history.events }, { jti });
    expect(first.statusCode).toBe(200);
    const replay = await postCaseEvents(
      t.app,
      serviceA,
      { events: [opening(randomUUID(), italianChild({ givenName: "Eva", sex: "F" }))] },
      { jti },
    );
    expect(replay.statusCode).toBe(401);
    expect(json(replay).code).toBe("token-replayed");
    const again = await send(serviceA, history.events);
    expect(again.every((result) => result.status === "duplicate")).toBe(true);
    expect(again.map((result) => result.errors)).toEqual(
      json<Results>(first).results.map((result) => result.errors),
    );
  });

  it("refuses more than 1,000 events whole (413), and integrity when the registration requires it", async () => {
    const tooMany = Array.from({ length: 1001 }, () => ({ id: randomUUID() }));
    const refused = await postCaseEvents(t.app, serviceA, { events: tooMany });
    expect(refused.statusCode).toBe(413);
    await createOrganisationFor(t, "SST-CI", "social-service");
    const strict = await registerServiceClient(t.db, "SST-CI", { requireIntegrity: true });
    const caseId = randomUUID();
    const body = { events: [opening(caseId, italianChild({ givenName: "Ivo", familyName: "Conti" }))] };
    expect((await postCaseEvents(t.app, strict, body)).statusCode).toBe(401);
    const signed = await postCaseEvents(t.app, strict, body, { integrity: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(json<Results>(signed).results[0].status).toBe("accepted");
  });
});

describe("the service manager registers its software", () => {
  it("for the service, with no structure (a structure is 404, an operator 403); it sends case events until disabled", async () => {
    await createOrganisationFor(t, "SST-CM", "social-service");
    await createUserFor(t, "responsabile-cm", "service-manager", "SST-CM");
    await createUserFor(t, "operatore-cm", "service-operator", "SST-CM");
    const manager = await logInAs(t.app, "responsabile-cm");
    const operator = await logInAs(t.app, "operatore-cm");
    const pair = await newKeyPair();
    const body = { name: "Cartella sociale del Comune", keys: [pair.jwk], requireIntegrity: false };
    expect((await operator.post("/api/v1/machine-clients", body)).statusCode).toBe(403);
    const [{ id: structureId }] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from structure where code = 'ST000701'`,
    );
    const withStructure = await manager.post("/api/v1/machine-clients", {
      ...body,
      structureIds: [structureId],
    });
    expect(withStructure.statusCode).toBe(404);
    const created = await manager.post("/api/v1/machine-clients", body);
    expect(created.statusCode, created.body).toBe(201);
    const registered = json<{ id: string; structureIds: string[] }>(created);
    expect(registered.structureIds).toEqual([]);
    const listed = json<{ items: { id: string }[] }>(await manager.get("/api/v1/machine-clients"));
    expect(listed.items.map((item) => item.id)).toEqual([registered.id]);
    const software = { id: registered.id, kid: pair.kid, privateKey: pair.privateKey };
    const caseId = randomUUID();
    const [opened] = await send(software, [
      opening(caseId, italianChild({ givenName: "Noa", familyName: "Sala" })),
    ]);
    expect(opened.status).toBe("accepted");
    const seen = json<{ items: { caseId: string }[] }>(await operator.get("/api/v1/cases"));
    expect(seen.items.map((item) => item.caseId)).toContain(caseId);
    const disabled = await manager.post(`/api/v1/machine-clients/${registered.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect((await postCaseEvents(t.app, software, { events: [] })).statusCode).toBe(401);
  });
});

describe("order", () => {
  it("the same events of several cases, in any order in one request, give the same cases", async () => {
    const projections: unknown[] = [];
    for (const [index, seed] of [101, 202, 303, 404].entries()) {
      await createOrganisationFor(t, `SST-O${index}`, "social-service");
      const client = await registerServiceClient(t.db, `SST-O${index}`);
      // The same children (seed 7) for every service, the events in another order each time.
      const history = generateCaseHistory(7, { cases: 5 });
      const ids = new Map(history.caseIds.map((id) => [id, randomUUID()]));
      const renamed = history.events.map((event) => renameCase(event, ids));
      const results = await send(client, shuffled(renamed, seed));
      const rejected = results.filter((result) => result.status !== "accepted");
      expect(rejected, JSON.stringify(rejected)).toEqual([]);
      const rows = await projectionsOf([...ids.values()]);
      const byOriginal = history.caseIds.map((id) => rows.find((row) => row.id === ids.get(id)));
      // Compared under the history's own ids.
      let text = JSON.stringify(byOriginal.map((row) => row?.projection));
      history.events.forEach((event, at) => {
        text = text.replaceAll(renamed[at].id as string, event.id);
      });
      projections.push(JSON.parse(text));
    }
    for (const projection of projections.slice(1)) expect(projection).toEqual(projections[0]);
    expect(JSON.stringify(projections[0])).toContain("foster");
  }, 60_000);
});

/** The same history under other ids (a case's id, and every event id in the events' references). */
function renameCase(event: Record<string, unknown>, caseIds: Map<string, string>) {
  const rename = (id: unknown) =>
    typeof id === "string"
      ? `${id.slice(0, 24)}${(caseIds.get(event.caseId as string) ?? "").slice(24)}`
      : id;
  const renamed: Record<string, unknown> = {
    ...event,
    id: rename(event.id),
    caseId: caseIds.get(event.caseId as string),
  };
  if (event.type === "case-opened") renamed.id = renamed.caseId;
  for (const key of ["interventionStart", "fosterCareStart", "corrects", "voids"])
    if (key in event) renamed[key] = rename(event[key]);
  return renamed;
}
