import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, openCaseFor, recordCaseFacts } from "../../../../test/support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../../../../test/support/stay-fixtures.ts";
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
import type { CaseFile } from "../../../domain/cases/case-api.schema.ts";
import type { CaseTimeline } from "../../../domain/cases/case-timeline-api.schema.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import {
  type KeyedClient,
  postCaseEvents,
  publicUrl,
  registerServiceClient,
} from "../events/machine-request.fixtures.ts";

type Result = { status: string; errors: { code: string; message: string }[] };

/**
 * An instant between two recordings: after what is recorded so far, before what follows (the
 * instants of recording are the clock's, on the tests' fixed day).
 */
async function instantBetween() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const between = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return between;
}

let t: TestApp;
let managerA: Client;
let opener: Client;
let managerB: Client;
let serviceSoftware: KeyedClient;
const ids = { opener: "", colleague: "", otherService: "", structureOperator: "", inactive: "" };
const child = italianChild({ familyName: "Riva", givenName: "Lia", sex: "F", birthDate: "2013-04-02" });
const closingChild = italianChild({
  familyName: "Conti",
  givenName: "Elio",
  sex: "M",
  birthDate: "2012-08-09",
});

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000801"]);
  await createOrganisationFor(t, "SST-RA", "social-service");
  await createOrganisationFor(t, "SST-RB", "social-service");
  await createUserFor(t, "resp-a", "service-manager", "SST-RA");
  ids.opener = (await createUserFor(t, "oper-a1", "service-operator", "SST-RA")).id;
  ids.colleague = (await createUserFor(t, "oper-a2", "service-operator", "SST-RA")).id;
  ids.inactive = (await createUserFor(t, "oper-a3", "service-operator", "SST-RA")).id;
  await t.db.execute(sql`update app_user set is_active = false where id = ${ids.inactive}`);
  await createUserFor(t, "resp-b", "service-manager", "SST-RB");
  ids.otherService = (await createUserFor(t, "oper-b", "service-operator", "SST-RB")).id;
  const [operator] = await queryRows<{ code: string }>(
    t.db,
    sql`select code from organisation where kind = 'operator' limit 1`,
  );
  ids.structureOperator = (await createUserFor(t, "strutt", "structure-operator", operator.code)).id;
  managerA = await logInAs(t.app, "resp-a");
  opener = await logInAs(t.app, "oper-a1");
  managerB = await logInAs(t.app, "resp-b");
  serviceSoftware = await registerServiceClient(t.db, "SST-RA");
  await admit(t, "ST000801", "r-1", "2026-09-01", child);
  await admit(t, "ST000801", "r-2", "2026-09-01", closingChild);
});
afterAll(() => t.close());

const assignment = (operatorId: string, occurredOn = "2026-10-10") => ({
  id: randomUUID(),
  occurredOn,
  operatorId,
});

async function caseFile(by: Client, caseId: string, asOf?: string) {
  const response = await by.get(`/api/v1/cases/${caseId}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`);
  expect(response.statusCode, response.body).toBe(200);
  return json<CaseFile>(response);
}

describe("the service manager reassigns a case", () => {
  let caseId = "";
  let assignmentId = "";
  let beforeAssignment = "";

  beforeAll(async () => {
    ({ caseId } = await openCaseFor(opener, child.fiscalCode as string, "2026-10-02"));
    beforeAssignment = await instantBetween();
  });

  it("opens as its opener's; the manager gives it to a colleague, the timeline says so", async () => {
    expect((await caseFile(opener, caseId)).assignedOperatorId).toBe(ids.opener);
    const request = assignment(ids.colleague);
    assignmentId = request.id;
    const response = await managerA.put(`/api/v1/cases/${caseId}/assignment`, request);
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Result>(response).status).toBe("accepted");

    const file = await caseFile(opener, caseId);
    expect(file).toMatchObject({ assignedOperatorId: ids.colleague, assignedOperatorName: "Utente oper-a2" });
    expect(file.projection.assignments).toEqual([
      { eventId: assignmentId, operatorId: ids.colleague, from: "2026-10-10" },
    ]);
    const list = json<{ items: { caseId: string; assignedOperatorName: string | null }[] }>(
      await managerA.get("/api/v1/cases"),
    ).items;
    expect(list.find((item) => item.caseId === caseId)?.assignedOperatorName).toBe("Utente oper-a2");

    const timeline = json<CaseTimeline>(await opener.get(`/api/v1/cases/${caseId}/timeline`));
    expect(timeline.entries.find((entry) => entry.kind === "assignment")).toMatchObject({
      date: "2026-10-10",
      eventId: assignmentId,
      title: "Assegnazione a un operatore",
      detail: "Assegnata a Utente oper-a2",
    });

    const [audit] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where action = 'case.assign' and resource_id = ${caseId}`,
    );
    expect(audit.count).toBe(1);

    // The same request again is the same fact.
    const again = await managerA.put(`/api/v1/cases/${caseId}/assignment`, request);
    expect(json<Result>(again).status).toBe("duplicate");
  });

  it("as known before the reassignment, the case is still its opener's", async () => {
    const file = await caseFile(managerA, caseId, beforeAssignment);
    expect(file).toMatchObject({ assignedOperatorId: ids.opener, assignedOperatorName: "Utente oper-a1" });
    expect(file.projection.assignments).toEqual([]);
  });

  it("refuses an operator, another service's manager, and people outside the service", async () => {
    const byOperator = await opener.put(`/api/v1/cases/${caseId}/assignment`, assignment(ids.opener));
    expect(byOperator.statusCode).toBe(403);
    expect(json(byOperator).code).toBe("forbidden");
    // Nor through the case's events: the rule is the pipeline's.
    const asEvent = json<{ results: Result[] }>(
      await opener.post(`/api/v1/cases/${caseId}/events`, {
        events: [
          {
            id: randomUUID(),
            type: "assignment",
            occurredOn: "2026-10-11",
            assignment: { operatorId: ids.opener },
          },
        ],
      }),
    ).results[0];
    expect(asEvent.errors[0].code).toBe("assignment-manager-only");

    const otherManager = await managerB.put(
      `/api/v1/cases/${caseId}/assignment`,
      assignment(ids.otherService),
    );
    expect(otherManager.statusCode).toBe(404);

    for (const outsider of [ids.otherService, ids.structureOperator, ids.inactive, randomUUID()]) {
      const response = await managerA.put(`/api/v1/cases/${caseId}/assignment`, assignment(outsider));
      expect(response.statusCode, response.body).toBe(422);
      expect(json<{ code: string; detail: string }>(response)).toMatchObject({
        code: "unknown-operator",
        detail: "La persona indicata non è un operatore attivo di questo servizio.",
      });
    }
    const same = await managerA.put(`/api/v1/cases/${caseId}/assignment`, assignment(ids.colleague));
    expect(same.statusCode).toBe(409);
    expect(json(same).code).toBe("already-assigned");
    expect((await caseFile(managerA, caseId)).assignedOperatorId).toBe(ids.colleague);
  });

  it("the service's software may not assign, nor void an assignment", async () => {
    const response = await postCaseEvents(t.app, serviceSoftware, {
      events: [
        {
          id: randomUUID(),
          type: "assignment",
          caseId,
          occurredOn: "2026-10-12",
          assignment: { operatorId: ids.opener },
        },
        { id: randomUUID(), type: "void", caseId, occurredOn: "2026-10-12", voids: assignmentId },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const results = json<{ results: Result[] }>(response).results;
    expect(results.map((result) => result.errors[0]?.code)).toEqual([
      "assignment-not-for-clients",
      "assignment-not-for-clients",
    ]);
    expect((await caseFile(managerA, caseId)).assignedOperatorId).toBe(ids.colleague);
  });

  it("a void of the assignment gives the case back to the previous operator", async () => {
    await recordCaseFacts(managerA, caseId, [
      {
        id: randomUUID(),
        type: "void",
        occurredOn: "2026-10-13",
        voids: assignmentId,
        reason: "Assegnata per errore",
      },
    ]);
    const file = await caseFile(opener, caseId);
    expect(file).toMatchObject({ assignedOperatorId: ids.opener, assignedOperatorName: "Utente oper-a1" });
    const timeline = json<CaseTimeline>(await opener.get(`/api/v1/cases/${caseId}/timeline`));
    expect(timeline.entries.some((entry) => entry.kind === "assignment")).toBe(false);
    const [row] = await queryRows<{ operator: string }>(
      t.db,
      sql`select assigned_operator_id as operator from social_case where id = ${caseId}`,
    );
    expect(row.operator).toBe(ids.opener);
  });
});

describe("a closed case", () => {
  it("is not reassigned", async () => {
    const { caseId } = await openCaseFor(opener, closingChild.fiscalCode as string, "2026-10-02");
    await recordCaseFacts(opener, caseId, [
      {
        id: randomUUID(),
        type: "closure",
        occurredOn: addDays(testToday, -32),
        closure: { reason: "4", situation: "1" },
      },
    ]);
    const response = await managerA.put(
      `/api/v1/cases/${caseId}/assignment`,
      assignment(ids.colleague, "2026-10-15"),
    );
    expect(response.statusCode, response.body).toBe(409);
    expect(json<{ code: string; detail: string }>(response)).toMatchObject({
      code: "closed-case-not-assignable",
      detail: "La cartella è chiusa: non si assegna a un altro operatore.",
    });
    expect((await caseFile(managerA, caseId)).assignedOperatorId).toBe(ids.opener);
  });
});
