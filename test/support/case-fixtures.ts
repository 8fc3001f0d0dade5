import { randomUUID } from "node:crypto";
import { ingestEvent } from "../../src/server/features/stays/index.ts";
import { admissionEvent, simpleEvent } from "./stay-fixtures.ts";
import { type Client, json, type TestApp } from "./test-app.ts";

const structureSource = {
  kind: "user" as const,
  id: randomUUID(),
  subject: { system: true as const, label: "test" },
  mayWrite: () => true,
};

/** A stay event through the one ASMI pipeline, as a structure's software would send it. */
export async function recordStayEvent(t: TestApp, event: object) {
  const result = await ingestEvent(t.db, { keyring: t.keyring, today: t.today }, structureSource, event);
  if (result.status === "rejected") throw new Error(`stay event rejected: ${JSON.stringify(result.errors)}`);
  return result;
}

export async function admit(t: TestApp, structureCode: string, stayRef: string, day: string, child: object) {
  const event = admissionEvent(structureCode, stayRef, day, child);
  const result = await recordStayEvent(t, event);
  return { stayId: result.stayId as string, eventId: event.id };
}

export async function stayFact(
  t: TestApp,
  type: string,
  structureCode: string,
  stayRef: string,
  day: string,
  extra: object = {},
) {
  const event = simpleEvent(type, structureCode, stayRef, day, extra);
  await recordStayEvent(t, event);
  return event.id;
}

/** The service finds the child by the exact search and opens its case; the case's id. */
export async function openCaseFor(service: Client, fiscalCode: string, day = "2026-10-02") {
  const lookup = await service.post("/api/v1/registry/lookups", { purpose: "admission", fiscalCode });
  const pseudonym = json<{ minor: { pseudonym: string } }>(lookup).minor.pseudonym;
  const id = randomUUID();
  const opened = await service.post("/api/v1/cases", {
    id,
    occurredOn: day,
    opening: { minorRef: pseudonym, firstReportOn: "2026-09", reportSource: "13" },
  });
  if (opened.statusCode !== 201) throw new Error(`case not opened: ${opened.body}`);
  return { caseId: id, pseudonym };
}

/** Facts of a case through the case pipeline; every outcome must be accepted. */
export async function recordCaseFacts(service: Client, caseId: string, events: object[]) {
  const response = await service.post(`/api/v1/cases/${caseId}/events`, { events });
  const results = json<{ results: { status: string; errors: unknown[] }[] }>(response).results;
  const refused = results.filter((result) => result.status !== "accepted");
  if (refused.length > 0) throw new Error(`case facts refused: ${JSON.stringify(refused)}`);
}
