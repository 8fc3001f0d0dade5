import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts, stayFact } from "../../../../test/support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../../../../test/support/stay-fixtures.ts";
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
import type { Notification } from "../../../domain/notifications/notification-api.schema.ts";

let t: TestApp;
let serviceA: Client;
let colleagueA: Client;
let serviceB: Client;
let structureUser: Client;
let firstStructureOnly: Client;
let caseId = "";
let pseudonym = "";
const stays = { first: "", second: "", backdated: "" };
const facts = { beforeCase: "", runaway: "", back: "", hospital: "", admission: "", discharge: "", link: "" };
const child = italianChild({ familyName: "Piras", givenName: "Elio", sex: "M", birthDate: "2011-06-07" });
const other = italianChild({ familyName: "Melis", givenName: "Ada", sex: "F", birthDate: "2010-01-02" });

type Inbox = { items: Notification[]; unread: number };
const inbox = async (client: Client, query = "") =>
  json<Inbox>(await client.get(`/api/v1/notifications${query}`));

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001", "ST000002"]);
  await createOrganisationFor(t, "SST-A", "social-service", undefined, "Servizio sociale di Alfa");
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "collega-a", "service-operator", "SST-A");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  const [first] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from structure where code = 'ST000001'`,
  );
  await createUserFor(t, "struttura", "structure-operator", operator.code);
  await createUserFor(t, "struttura-1", "structure-operator", operator.code, first.id);
  serviceA = await logInAs(t.app, "sociale-a");
  colleagueA = await logInAs(t.app, "collega-a");
  serviceB = await logInAs(t.app, "sociale-b");
  structureUser = await logInAs(t.app, "struttura");
  firstStructureOnly = await logInAs(t.app, "struttura-1");

  const admitted = await admit(t, "ST000001", "n-1", "2026-11-01", child);
  stays.first = admitted.stayId;
  facts.beforeCase = admitted.eventId;
  ({ caseId, pseudonym } = await openCaseFor(serviceA, child.fiscalCode as string, "2026-11-02"));
  facts.runaway = await stayFact(t, "absence-start", "ST000001", "n-1", "2026-11-03", {
    absence: { kind: "ran-away" },
  });
  facts.back = await stayFact(t, "absence-end", "ST000001", "n-1", "2026-11-04");
  facts.hospital = await stayFact(t, "absence-start", "ST000001", "n-1", "2026-11-05", {
    absence: { kind: "hospital" },
  });
  await stayFact(t, "absence-end", "ST000001", "n-1", "2026-11-06");
  // Admitted elsewhere while the first stay is still open: an overlapping stay.
  const second = await admit(t, "ST000002", "n-2", "2026-11-07", child);
  stays.second = second.stayId;
  facts.admission = second.eventId;
  facts.discharge = await stayFact(t, "discharge", "ST000001", "n-1", "2026-11-08", {
    discharge: { reason: "transferred", destination: "other-residential" },
  });
  facts.link = randomUUID();
  await recordCaseFacts(serviceA, caseId, [
    { id: facts.link, type: "placement", occurredOn: "2026-11-09", placement: { stayId: stays.second } },
  ]);
  // Another minor, admitted more than 30 days after the day it names: to be confirmed.
  stays.backdated = (await admit(t, "ST000001", "n-3", "2026-01-15", other)).stayId;
  await openCaseFor(serviceA, other.fiscalCode as string, "2026-11-10");
});
afterAll(() => t.close());

describe("the service in charge is told what happens to its minors", () => {
  it("a runaway, the return, the discharge and the admission elsewhere, each linking to its fact and case", async () => {
    const response = await serviceA.get("/api/v1/notifications");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const { items } = json<Inbox>(response);
    const find = (kind: string, factId: string) =>
      items.find((item) => item.kind === kind && item.eventId === factId);
    expect(find("runaway", facts.runaway)).toMatchObject({
      id: `runaway.${facts.runaway}`,
      read: false,
      caseId,
      stayId: stays.first,
      minorPseudonym: pseudonym,
      occurredOn: "2026-11-03",
      structureName: "Comunità di prova 1",
      title: "Allontanamento volontario · Comunità di prova 1",
    });
    expect(find("return", facts.back)).toMatchObject({
      caseId,
      stayId: stays.first,
      occurredOn: "2026-11-04",
    });
    expect(find("discharge", facts.discharge)).toMatchObject({ caseId, stayId: stays.first });
    expect(find("admission", facts.admission)).toMatchObject({
      caseId,
      stayId: stays.second,
      structureName: "Comunità di prova 2",
    });
    // A hospital stay is no runaway, its end no return; the admission before the case is not news.
    expect(items.some((item) => item.eventId === facts.hospital)).toBe(false);
    expect(items.filter((item) => item.kind === "return")).toHaveLength(1);
    expect(items.some((item) => item.eventId === facts.beforeCase)).toBe(false);
    for (const secret of [child.fiscalCode, child.familyName, other.fiscalCode, other.givenName])
      expect(response.body).not.toContain(secret);
  });

  it("an overlapping stay and an admission to be confirmed, until confirmed", async () => {
    // The service's own placement confirmed the overlapping admission (access principle 7): no
    // longer told. Unconfirmed again, it is.
    const overlap = expect.objectContaining({
      id: `overlap.${stays.second}`,
      kind: "overlap",
      eventId: null,
    });
    const [confirmation] = await queryRows<{ via: string | null }>(
      t.db,
      sql`select confirmed_via as via from stay where id = ${stays.second}`,
    );
    expect(confirmation.via).toBe("case");
    expect((await inbox(serviceA)).items).not.toContainEqual(overlap);
    await t.db.execute(
      sql`update stay set confirmed_at = null, confirmed_via = null where id = ${stays.second}`,
    );
    const { items } = await inbox(serviceA);
    expect(items).toContainEqual(overlap);
    // Not backdated, only overlapping an earlier stay: still an admission to be confirmed.
    expect(items).toContainEqual(
      expect.objectContaining({ id: `to-be-confirmed.${stays.second}`, kind: "to-be-confirmed" }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ id: `to-be-confirmed.${stays.backdated}`, kind: "to-be-confirmed" }),
    );
    await t.db.execute(sql`update stay set confirmed_at = now() where id = ${stays.backdated}`);
    const after = await inbox(serviceA, "?kind=to-be-confirmed");
    expect(after.items.map((item) => item.stayId)).not.toContain(stays.backdated);
  });

  it("a voided runaway is no longer told", async () => {
    const ran = await stayFact(t, "absence-start", "ST000002", "n-2", "2026-11-12", {
      absence: { kind: "ran-away" },
    });
    expect((await inbox(serviceA, "?kind=runaway")).items.map((item) => item.eventId)).toContain(ran);
    await stayFact(t, "void", "ST000002", "n-2", "2026-11-12", { voids: ran });
    expect((await inbox(serviceA, "?kind=runaway")).items.map((item) => item.eventId)).not.toContain(ran);
  });

  it("filters by kind and by read or unread; marking read is per person, again changes nothing", async () => {
    const before = await inbox(serviceA);
    const runaways = await inbox(serviceA, "?kind=runaway");
    expect(runaways.items.length).toBeGreaterThan(0);
    expect(runaways.items.every((item) => item.kind === "runaway")).toBe(true);
    const id = `runaway.${facts.runaway}`;
    const marked = await serviceA.post(`/api/v1/notifications/${id}/read`);
    expect(marked.statusCode).toBe(200);
    expect(json(marked)).toEqual({ id, read: true });
    expect((await serviceA.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(200);
    const read = await inbox(serviceA, "?status=read");
    expect(read.items.map((item) => item.id)).toEqual([id]);
    const unread = await inbox(serviceA, "?status=unread");
    expect(unread.items.map((item) => item.id)).not.toContain(id);
    expect(unread.unread).toBe(before.unread - 1);
    const count = await serviceA.get("/api/v1/notifications/unread-count");
    expect(count.headers["cache-control"]).toBe("no-store");
    expect(json(count)).toEqual({ unread: before.unread - 1 });
    // The colleague of the same service still has it unread.
    const colleague = await inbox(colleagueA);
    expect(colleague.items.find((item) => item.id === id)?.read).toBe(false);
    expect(colleague.unread).toBe(before.unread);
  });

  it("bad filters and ids answer in Italian with a stable code, never a 5xx", async () => {
    const kind = await serviceA.get("/api/v1/notifications?kind=sconosciuto");
    expect(kind.statusCode).toBe(422);
    expect(kind.body).toContain("Tipo di notifica non valido");
    const status = await serviceA.get("/api/v1/notifications?status=forse");
    expect(status.statusCode).toBe(422);
    const id = await serviceA.post("/api/v1/notifications/runaway.non-un-uuid/read");
    expect(id.statusCode).toBe(422);
    expect(id.body).toContain("Identificativo della notifica non valido");
    const unknown = await serviceA.post(`/api/v1/notifications/runaway.${randomUUID()}/read`);
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toMatchObject({ code: "not-found" });
  });
});

describe("nobody else is told", () => {
  it("another service sees none of them and cannot mark them read", async () => {
    expect(await inbox(serviceB)).toEqual({ items: [], unread: 0 });
    const response = await serviceB.post(`/api/v1/notifications/runaway.${facts.runaway}/read`);
    expect(response.statusCode).toBe(404);
  });

  it("a structure sees no service's notifications, only the links of its own stays to a case", async () => {
    const { items } = await inbox(structureUser);
    expect(items).toEqual([
      expect.objectContaining({
        id: `stay-linked.${facts.link}`,
        kind: "stay-linked",
        stayId: stays.second,
        eventId: facts.link,
        caseId: null,
        serviceName: "Servizio sociale di Alfa",
        title: "Accoglienza collegata a una cartella: Servizio sociale di Alfa",
      }),
    ]);
    expect((await structureUser.post(`/api/v1/notifications/runaway.${facts.runaway}/read`)).statusCode).toBe(
      404,
    );
    // An operator assigned to the other structure is not told of this one.
    expect((await inbox(firstStructureOnly)).items).toEqual([]);
    const marked = await structureUser.post(`/api/v1/notifications/stay-linked.${facts.link}/read`);
    expect(marked.statusCode).toBe(200);
    expect(json(await structureUser.get("/api/v1/notifications/unread-count"))).toEqual({ unread: 0 });
  });

  it("the service is no longer told once the case is closed", async () => {
    await recordCaseFacts(serviceA, caseId, [
      { id: randomUUID(), type: "closure", occurredOn: t.today, closure: { reason: "4", situation: "1" } },
    ]);
    const { items } = await inbox(serviceA);
    expect(items.some((item) => item.caseId === caseId)).toBe(false);
  });
});
