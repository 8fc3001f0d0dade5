import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, json, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import {
  getEvent,
  type KeyedClient,
  postEvents,
  publicUrl,
  registerClient,
} from "./machine-request.fixtures.ts";

/**
 * The examples of the interchange standard, version 1, as printed there: only the ids the
 * standard elides ("...") are filled in, with fixed UUIDs, so that software houses can copy them.
 */
const admission = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e01",
  type: "admission",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-03-14",
  minor: {
    fiscalCode: "RSSMRA12C14D612V",
    otherIds: [{ kind: "stp", value: "STP090201..." }],
    familyName: "Rossi",
    givenName: "Mario",
    sex: "M",
    birthDate: "2012-03-14",
    birthPlace: { comune: "048017" },
    citizenship: "100",
    unaccompaniedForeignMinor: false,
  },
  admission: {
    kind: "planned",
    legalBasis: "judicial",
    referringService: { code: "SVC-048017-01", comune: "048017" },
    withParent: false,
    origin: "family-of-origin",
    reasons: ["7", "2"],
  },
};
const activity = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e02",
  type: "activity",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-04-02",
  activity: { code: "school", until: "2026-06-10", hours: 120 },
};
const absenceStart = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e03",
  type: "absence-start",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-05-01",
  absence: { kind: "family-visit" },
};
const absenceEnd = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e04",
  type: "absence-end",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-05-03",
};
const discharge = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e05",
  type: "discharge",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-09-30",
  discharge: { reason: "project-completed", destination: "family-of-origin" },
};
const correction = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e06",
  type: "correction",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-09-30",
  corrects: discharge.id,
  discharge: { reason: "transferred", destination: "other-residential" },
};
const voiding = {
  id: "4f7c2a6e-9d1b-4c55-8f0e-2b9a7d3c1e07",
  type: "void",
  structureCode: "ST000123",
  stayRef: "2026-017",
  occurredOn: "2026-05-01",
  voids: activity.id,
};

type Results = {
  results: { id: string; status: string; warnings: { code: string }[]; errors: { code: string }[] }[];
};

let t: TestApp;
let client: KeyedClient;

beforeAll(async () => {
  t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  await createActiveStructures(t.db, ["ST000123"]);
  client = await registerClient(t.db, ["ST000123"]);
});
afterAll(() => t.close());

describe("the examples of the interchange standard v1, as written", () => {
  it("are accepted in one request, late ones with the late-report warning", async () => {
    const events = [admission, activity, absenceStart, absenceEnd, discharge, correction, voiding];
    const response = await postEvents(t.app, client, { events });
    expect(response.statusCode).toBe(200);
    const { results } = json<Results>(response);
    expect(results.map((r) => [r.id, r.status, r.errors])).toEqual(events.map((e) => [e.id, "accepted", []]));
    // Every example happened months before today's date in the standard: all are late reports.
    for (const result of results) expect(result.warnings.map((w) => w.code)).toContain("late-report");
  });

  it("answer duplicate when sent again, and id-reused when an id comes back with other content", async () => {
    const again = await postEvents(t.app, client, { events: [admission, discharge] });
    expect(json<Results>(again).results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    const changed = { ...discharge, occurredOn: "2026-09-29" };
    const reused = json<Results>(await postEvents(t.app, client, { events: [changed] })).results[0];
    expect([reused.status, reused.errors.map((e) => e.code)]).toEqual(["rejected", ["id-reused"]]);
  });

  it("give the stay the standard describes: admitted 14 March, discharged 30 September as corrected", async () => {
    const stored = await getEvent(t.app, client, correction.id);
    expect(json<{ status: string }>(stored).status).toBe("accepted");
    const [stay] = await queryRows<Record<string, string>>(
      t.db,
      sql`select admission_date::text, discharge_date::text, discharge_reason, discharge_destination
          from stay where stay_ref = '2026-017'`,
    );
    expect(stay).toEqual({
      admission_date: "2026-03-14",
      discharge_date: "2026-09-30",
      discharge_reason: "transferred",
      discharge_destination: "other-residential",
    });
  });
});
