import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  createActiveStructures,
  dischargeEvent,
  italianChild,
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
  testToday,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import type { FlaggedStay } from "../../../domain/stays/stay-api.schema.ts";
import { isBackdatedAdmission } from "../../../domain/stays/stay-projection.ts";
import { type EventSource, ingestEvent } from "./ingest-event.ts";

let t: TestApp;
let analyst: Client;
let operator: Client;
let steward: Client;
let structureId = "";
const writer: EventSource = {
  kind: "user",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: () => true,
};

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), "Cooperativa Sociale Esempio");
  await createOrganisationFor(t, "REGIONE", "region");
  await createActiveStructures(t.db, ["ST000071", "ST000072"]);
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from structure where code = 'ST000072'`);
  structureId = row.id;
  await createUserFor(t, "op-72", "structure-operator", "COOP", structureId);
  await createUserFor(t, "analista-c", "region-analyst", "REGIONE");
  await createUserFor(t, "custode", "registry-steward", "REGIONE");
  operator = await logInAs(t.app, "op-72");
  analyst = await logInAs(t.app, "analista-c");
  steward = await logInAs(t.app, "custode");
});
afterAll(() => t.close());

const ingest = (raw: unknown) => ingestEvent(t.db, { keyring: t.keyring, today: testToday }, writer, raw);
const flagsOf = async (client: Client, stayRef: string) =>
  json<{ items: FlaggedStay[] }>(await client.get("/api/v1/data-quality/stays")).items.find(
    (row) => row.stayRef === stayRef,
  )?.flags ?? [];
const stayIdOf = async (stayRef: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from stay where stay_ref = ${stayRef}`))[0].id;

describe("an admission to be confirmed", () => {
  it("is backdated when recorded more than 30 days after its day (Europe/Rome)", () => {
    expect(isBackdatedAdmission({ occurredOn: "2026-01-01", recordedAt: "2026-01-31T22:59:00Z" })).toBe(
      false,
    );
    expect(isBackdatedAdmission({ occurredOn: "2026-01-01", recordedAt: "2026-02-01T10:00:00Z" })).toBe(true);
    // 23:30 UTC on 31 January is already 1 February in Rome.
    expect(isBackdatedAdmission({ occurredOn: "2026-01-01", recordedAt: "2026-01-31T23:30:00Z" })).toBe(true);
  });

  it("a backdated admission is flagged for the structure and the Region until the steward confirms it, audited", async () => {
    const child = italianChild({ familyName: "Tardivi", givenName: "Ugo", birthDate: "2012-04-04" });
    await ingest(admissionEvent("ST000072", "bd-1", "2025-01-10", child));
    expect(await flagsOf(analyst, "bd-1")).toEqual(["to-be-confirmed"]);
    expect(await flagsOf(operator, "bd-1")).toEqual(["to-be-confirmed"]);
    const guests = json<{ items: { stayRef: string; isToBeConfirmed: boolean }[] }>(
      await operator.get(`/api/v1/structures/${structureId}/guests?date=2025-02-01`),
    ).items;
    expect(guests.find((guest) => guest.stayRef === "bd-1")?.isToBeConfirmed).toBe(true);

    const stayId = await stayIdOf("bd-1");
    const url = `/api/v1/stays/${stayId}/confirmation`;
    expect((await operator.post(url, { reason: "Verificato" })).statusCode).toBe(403);
    expect((await steward.post(url, {})).statusCode).toBe(422);
    const confirmed = await steward.post(url, { reason: "Verificato con il servizio inviante" });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await flagsOf(analyst, "bd-1")).toEqual([]);
    expect((await steward.post(url, { reason: "Di nuovo" })).statusCode).toBe(409);
    expect(
      (await steward.post(`/api/v1/stays/${randomUUID()}/confirmation`, { reason: "Nessuna" })).statusCode,
    ).toBe(404);
    const audit = await queryRows<{ action: string; resource_id: string; outcome: string }>(
      t.db,
      sql`select action, resource_id, outcome from audit_entry where action = 'stay.confirm'`,
    );
    expect(audit).toEqual([{ action: "stay.confirm", resource_id: stayId, outcome: "success" }]);
    // A later correction of the stay does not undo the steward's confirmation.
    await ingest(dischargeEvent("ST000072", "bd-1", "2025-03-01"));
    expect(await flagsOf(analyst, "bd-1")).toEqual([]);
  });

  it("the later of two overlapping admissions is to be confirmed, and the other stay's discharge confirms it", async () => {
    const child = italianChild({ familyName: "Doppi", givenName: "Ivo", birthDate: "2011-05-05" });
    await ingest(admissionEvent("ST000071", "ov-old", "2026-01-10", child));
    await ingest(admissionEvent("ST000072", "ov-new", "2026-06-01", child));
    // Every admission of a test is backdated against the recording instant: set that cause aside.
    await t.db.execute(sql`update stay set is_backdated = false where stay_ref in ('ov-old', 'ov-new')`);
    expect(await flagsOf(analyst, "ov-old")).toEqual(["overlap"]);
    expect(await flagsOf(analyst, "ov-new")).toEqual(["overlap", "to-be-confirmed"]);
    await ingest(dischargeEvent("ST000071", "ov-old", "2026-06-01"));
    await t.db.execute(sql`update stay set is_backdated = false where stay_ref in ('ov-old', 'ov-new')`);
    expect(await flagsOf(analyst, "ov-old")).toEqual([]);
    expect(await flagsOf(analyst, "ov-new")).toEqual([]);
  });
});
