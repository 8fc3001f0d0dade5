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
import type { CaseTimeline } from "../../../domain/cases/case-timeline-api.schema.ts";

let t: TestApp;
let serviceA: Client;
let serviceB: Client;
let structureUser: Client;
let caseId = "";
let pseudonym = "";
const stays = { first: "", second: "" };
const facts = { runaway: "", back: "", discharge: "", voided: "", fosterStart: randomUUID() };
const child = italianChild({ familyName: "Serra", givenName: "Noa", sex: "F", birthDate: "2012-03-04" });

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001", "ST000002"]);
  await createOrganisationFor(t, "SST-A", "social-service");
  await createOrganisationFor(t, "SST-B", "social-service");
  await createUserFor(t, "sociale-a", "service-operator", "SST-A");
  await createUserFor(t, "sociale-b", "service-operator", "SST-B");
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  await createUserFor(t, "struttura", "structure-operator", operator.code);
  serviceA = await logInAs(t.app, "sociale-a");
  serviceB = await logInAs(t.app, "sociale-b");
  structureUser = await logInAs(t.app, "struttura");

  stays.first = (await admit(t, "ST000001", "t-1", "2026-09-01", child)).stayId;
  facts.runaway = await stayFact(t, "absence-start", "ST000001", "t-1", "2026-09-10", {
    absence: { kind: "ran-away" },
  });
  facts.back = await stayFact(t, "absence-end", "ST000001", "t-1", "2026-09-12");
  facts.voided = await stayFact(t, "absence-start", "ST000001", "t-1", "2026-09-14", {
    absence: { kind: "hospital" },
  });
  await stayFact(t, "void", "ST000001", "t-1", "2026-09-14", { voids: facts.voided });
  facts.discharge = await stayFact(t, "discharge", "ST000001", "t-1", "2026-09-20", {
    discharge: { reason: "transferred", destination: "other-residential" },
  });
  stays.second = (await admit(t, "ST000002", "t-2", "2026-09-21", child)).stayId;

  ({ caseId, pseudonym } = await openCaseFor(serviceA, child.fiscalCode as string, "2026-10-02"));
  await recordCaseFacts(serviceA, caseId, [
    {
      id: randomUUID(),
      type: "assessment",
      occurredOn: "2026-10-03",
      assessment: { child: { values: ["2"], prevalent: "2" } },
    },
    {
      id: randomUUID(),
      type: "judicial-measure",
      occurredOn: "2026-10-04",
      measure: { authority: "1", kind: "5" },
    },
    {
      id: facts.fosterStart,
      type: "foster-care-start",
      occurredOn: "2026-10-05",
      fosterCare: { form: "2", kind: "2", duration: "1", character: "1", nightsPerWeek: 7 },
    },
    { id: randomUUID(), type: "placement", occurredOn: "2026-10-06", placement: { stayId: stays.second } },
    {
      id: randomUUID(),
      type: "foster-care-end",
      occurredOn: "2026-10-20",
      fosterCareStart: facts.fosterStart,
      outcome: "1",
    },
    {
      id: randomUUID(),
      type: "transfer-requested",
      occurredOn: "2026-11-01",
      transfer: { toServiceCode: "SST-B" },
    },
  ]);
});
afterAll(() => t.close());

describe("the minor-centred timeline of a case", () => {
  it("puts the case's facts, every stay in every structure, foster care and the transfer on one list, most recent first", async () => {
    const response = await serviceA.get(`/api/v1/cases/${caseId}/timeline`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const timeline = json<CaseTimeline>(response);
    expect(timeline).toMatchObject({ caseId, minorPseudonym: pseudonym, status: "open" });
    expect(timeline.entries.map((entry) => [entry.date, entry.kind])).toEqual([
      ["2026-11-01", "transfer-requested"],
      ["2026-10-20", "foster-care-end"],
      ["2026-10-06", "placement"],
      ["2026-10-05", "foster-care-start"],
      ["2026-10-04", "judicial-measure"],
      ["2026-10-03", "assessment"],
      ["2026-10-02", "case-opened"],
      ["2026-09-21", "admission"],
      ["2026-09-20", "discharge"],
      ["2026-09-12", "absence-end"],
      ["2026-09-10", "absence-start"],
      ["2026-09-01", "admission"],
    ]);
    const byKind = (kind: string) => timeline.entries.filter((entry) => entry.kind === kind);
    expect(byKind("absence-start")).toEqual([
      expect.objectContaining({
        eventId: facts.runaway,
        stayId: stays.first,
        source: "stay",
        structureName: "Comunità di prova 1",
        title: "Inizio di un'assenza",
        detail: "Allontanamento volontario",
      }),
    ]);
    expect(byKind("absence-end")[0]).toMatchObject({ eventId: facts.back, stayId: stays.first });
    expect(byKind("discharge")[0]).toMatchObject({
      eventId: facts.discharge,
      detail: "Trasferimento · Altra struttura residenziale",
    });
    expect(byKind("placement")[0]).toMatchObject({ source: "case", detail: "Comunità di prova 2" });
    expect(byKind("foster-care-start")[0]).toMatchObject({ eventId: facts.fosterStart, stayId: null });
    expect(byKind("foster-care-end")[0].detail).toMatch(/^Esito: /);
    expect(byKind("judicial-measure")[0].detail).toMatch(/affido al servizio sociale/);
    // No identity: neither the fiscal code nor the names appear anywhere.
    for (const secret of [child.fiscalCode, child.familyName, child.givenName])
      expect(response.body).not.toContain(secret);
  });

  it("is audited as the case read is, with the pseudonym", async () => {
    const rows = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'case.read' and resource_id = ${caseId}
          and minor_pseudonym = ${pseudonym} and details->>'view' = 'timeline' and organisation_code = 'SST-A'`,
    );
    expect(rows[0].count).toBe(1);
  });

  it("another service's or no case answers 404 alike; a structure may not read case timelines (403)", async () => {
    for (const id of [caseId, randomUUID()]) {
      const response = await serviceB.get(`/api/v1/cases/${id}/timeline`);
      expect(response.statusCode).toBe(404);
      expect(json(response)).toMatchObject({ code: "not-found" });
    }
    const structure = await structureUser.get(`/api/v1/cases/${caseId}/timeline`);
    expect(structure.statusCode).toBe(403);
    expect(json(structure)).toMatchObject({ code: "forbidden" });
    const invalid = await serviceA.get("/api/v1/cases/non-un-uuid/timeline");
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Identificativo della cartella non valido");
  });
});
