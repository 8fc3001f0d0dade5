import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp, testToday } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { addDays } from "../../../domain/time/calendar.ts";
import { type EventSource, ingestEvent } from "./ingest-event.ts";

let t: TestApp;
const today = testToday;
const writer: EventSource = {
  kind: "user",
  id: randomUUID(),
  subject: { system: true, label: "test" },
  mayWrite: (structure) => structure.id !== blockedStructureId,
};
let blockedStructureId = "";

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000001", "ST000002", "ST000003"]);
  await createActiveStructures(t.db, ["ST000009"], 1);
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from structure where code = 'ST000003'`);
  blockedStructureId = row.id;
});
afterAll(() => t.close());

const ingest = (raw: unknown, source = writer) =>
  ingestEvent(t.db, { keyring: t.keyring, today }, source, raw);
const codes = (result: { errors: { code: string }[] }) => result.errors.map((error) => error.code);
const warningCodes = (result: { warnings: { code: string }[] }) =>
  result.warnings.map((warning) => warning.code);

async function counts() {
  const [row] = await queryRows<{ minors: number; stays: number; accepted: number }>(
    t.db,
    sql`select (select count(*)::int from minor) as minors, (select count(*)::int from stay) as stays,
               (select count(*)::int from stay_event where status = 'accepted') as accepted`,
  );
  return row;
}

describe("idempotency", () => {
  it("accepts once, answers duplicate to the same event and id-reused to other content", async () => {
    const event = admissionEvent(
      "ST000001",
      "dup-1",
      "2025-01-10",
      italianChild({ familyName: "Marchi", givenName: "Elia" }),
    );
    expect((await ingest(event)).status).toBe("accepted");
    const again = await ingest(event);
    expect(again.status).toBe("duplicate");
    const reused = await ingest({ ...event, occurredOn: "2025-01-11" });
    expect(reused).toMatchObject({ status: "rejected" });
    expect(codes(reused)).toEqual(["id-reused"]);
  });
});

describe("the event history is append-only", () => {
  it("refuses to delete or rewrite an event, even to the table's owner", async () => {
    const event = admissionEvent(
      "ST000001",
      "ao-1",
      "2025-01-10",
      italianChild({ familyName: "Storia", givenName: "Ada", sex: "F" }),
    );
    expect((await ingest(event)).status).toBe("accepted");
    await expect(t.db.execute(sql`delete from stay_event where id = ${event.id}`)).rejects.toThrow();
    await expect(
      t.db.execute(sql`update stay_event set occurred_on = '2025-01-01' where id = ${event.id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`update stay_event set minor_id = minor_id where id = ${event.id}`),
    ).resolves.toBeDefined();
  });
});

describe("every validation code, and nothing stored but the rejection", () => {
  const cases: [string, () => unknown, string][] = [
    [
      "invalid-json-shape",
      () => ({ ...dischargeEvent("ST000001", "x", "2025-01-01"), extra: 1 }),
      "invalid-json-shape",
    ],
    ["unknown-type", () => simpleEvent("transfer", "ST000001", "x", "2025-01-01"), "unknown-type"],
    ["unknown-structure", () => dischargeEvent("ST999999", "x", "2025-01-01"), "unknown-structure"],
    ["structure-not-allowed", () => dischargeEvent("ST000003", "x", "2025-01-01"), "structure-not-allowed"],
    ["date-invalid", () => dischargeEvent("ST000001", "x", "2025-02-30"), "date-invalid"],
    ["date-in-future", () => dischargeEvent("ST000001", "x", addDays(today, 2)), "date-in-future"],
    [
      "unknown-code",
      () => ({
        ...dischargeEvent("ST000001", "x", "2025-01-01"),
        discharge: { reason: "escaped", destination: "unknown" },
      }),
      "unknown-code",
    ],
    [
      "fiscal-code-invalid",
      () =>
        admissionEvent("ST000001", "fc-1", "2025-01-01", {
          ...italianChild(),
          fiscalCode: "RSSMRA12C14D612X",
        }),
      "fiscal-code-invalid",
    ],
    [
      "fiscal-code-mismatch",
      () =>
        admissionEvent("ST000001", "fc-2", "2025-01-01", {
          ...italianChild({ familyName: "Neri" }),
          sex: "F",
        }),
      "fiscal-code-mismatch",
    ],
    [
      "identity-incomplete",
      () => admissionEvent("ST000001", "fc-3", "2025-01-01", { familyName: "Solo", sex: "M" }),
      "identity-incomplete",
    ],
    [
      "unknown-stay",
      () => simpleEvent("void", "ST000001", "dup-1", "2025-01-12", { voids: randomUUID() }),
      "unknown-stay",
    ],
  ];
  it.each(cases)("%s", async (_name, make, code) => {
    const before = await counts();
    const raw = make();
    const result = await ingest(raw);
    expect(result.status).toBe("rejected");
    expect(codes(result)).toContain(code);
    expect(result.errors[0].message).toMatch(/[a-zàèéìòù]/);
    expect(await counts()).toEqual(before);
    const [stored] = await queryRows<{ status: string; payload: unknown }>(
      t.db,
      sql`select status, payload from stay_event where id = ${(raw as { id: string }).id}`,
    );
    expect(stored).toEqual({ status: "rejected", payload: null });
  });

  it("stay-exists and discharge-before-admission", async () => {
    const admission = admissionEvent(
      "ST000002",
      "se-1",
      "2025-02-01",
      italianChild({ familyName: "Fabbri", givenName: "Ada", sex: "F" }),
    );
    expect((await ingest(admission)).status).toBe("accepted");
    const second = await ingest(
      admissionEvent(
        "ST000002",
        "se-1",
        "2025-02-02",
        italianChild({ familyName: "Fabbri", givenName: "Ada", sex: "F" }),
      ),
    );
    expect(codes(second)).toEqual(["stay-exists"]);
    const early = await ingest(dischargeEvent("ST000002", "se-1", "2025-01-31"));
    expect(codes(early)).toEqual(["discharge-before-admission"]);
  });
});

describe("warnings", () => {
  it("waiting-for-admission, then the stay closes when the admission arrives", async () => {
    const child = italianChild({ familyName: "Greco", givenName: "Ugo" });
    const discharge = await ingest(dischargeEvent("ST000001", "w-1", "2025-03-01"));
    expect(warningCodes(discharge)).toContain("waiting-for-admission");
    expect((await ingest(admissionEvent("ST000001", "w-1", "2025-02-01", child))).status).toBe("accepted");
    const [row] = await queryRows<{ status: string; discharge_date: string }>(
      t.db,
      sql`select status, discharge_date::text from stay where stay_ref = 'w-1'`,
    );
    expect(row).toEqual({ status: "closed", discharge_date: "2025-03-01" });
  });

  it("late-report, age-over-21, possible-duplicate-minor and capacity-exceeded", async () => {
    const late = await ingest(
      admissionEvent(
        "ST000001",
        "l-1",
        addDays(today, -30),
        italianChild({ familyName: "Lupo", givenName: "Ivo" }),
      ),
    );
    expect(warningCodes(late)).toContain("late-report");
    const old = await ingest(
      admissionEvent(
        "ST000001",
        "o-1",
        "2025-01-05",
        italianChild({ familyName: "Vecchi", givenName: "Aldo", birthDate: "2003-01-01" }),
      ),
    );
    expect(warningCodes(old)).toContain("age-over-21");
    const onlyCode = italianChild({ familyName: "Anziani", givenName: "Rino", birthDate: "2002-05-05" });
    const byCode = await ingest(
      admissionEvent("ST000002", "o-2", "2025-01-05", {
        fiscalCode: onlyCode.fiscalCode,
        familyName: "Anziani",
        givenName: "Rino",
      }),
    );
    expect(warningCodes(byCode)).toContain("age-over-21");
    await ingest(
      admissionEvent(
        "ST000001",
        "p-1",
        "2025-01-05",
        arrivedChild({ familyName: "Keita", givenName: "Seydou", birthDate: "2010-04-03" }),
      ),
    );
    const possible = await ingest(
      admissionEvent(
        "ST000002",
        "p-2",
        "2025-06-05",
        arrivedChild({ familyName: "Keita", givenName: "Seydou", birthDate: "2010-03-04" }),
      ),
    );
    expect(warningCodes(possible)).toContain("possible-duplicate-minor");
    await ingest(
      admissionEvent(
        "ST000009",
        "c-1",
        "2025-01-05",
        italianChild({ familyName: "Conte", givenName: "Rita", sex: "F" }),
      ),
    );
    await ingest(
      admissionEvent(
        "ST000009",
        "c-2",
        "2025-01-06",
        italianChild({ familyName: "Conte", givenName: "Rino" }),
      ),
    );
    const third = await ingest(
      admissionEvent(
        "ST000009",
        "c-3",
        "2025-01-07",
        italianChild({ familyName: "Conte", givenName: "Rosa", sex: "F" }),
      ),
    );
    expect(warningCodes(third)).toContain("capacity-exceeded");
  });
});

describe("age-over-21 from the 21st birthday on", () => {
  it("warns for an admission on the 21st birthday, not on the day before", async () => {
    const dayBefore = await ingest(
      admissionEvent(
        "ST000002",
        "a21-1",
        "2025-06-09",
        italianChild({ familyName: "Compiuti", givenName: "Ivo", birthDate: "2004-06-10" }),
      ),
    );
    expect(dayBefore.status).toBe("accepted");
    expect(warningCodes(dayBefore)).not.toContain("age-over-21");
    const birthday = await ingest(
      admissionEvent(
        "ST000003",
        "a21-2",
        "2025-06-10",
        italianChild({ familyName: "Compiuti", givenName: "Ada", sex: "F", birthDate: "2004-06-10" }),
      ),
      { ...writer, mayWrite: () => true },
    );
    expect(birthday.status).toBe("accepted");
    expect(warningCodes(birthday)).toContain("age-over-21");
  });
});

describe("one open stay per minor across structures", () => {
  it("accepts an admission while the minor is hosted elsewhere on that day, with overlapping-stay (1.1)", async () => {
    const child = italianChild({ familyName: "Bruno", givenName: "Leo", birthDate: "2011-11-11" });
    expect((await ingest(admissionEvent("ST000001", "ov-1", "2025-04-01", child))).status).toBe("accepted");
    const elsewhere = await ingest(admissionEvent("ST000002", "ov-2", "2025-05-01", child));
    expect(elsewhere.status).toBe("accepted");
    expect(warningCodes(elsewhere)).toContain("overlapping-stay");
    await ingest(dischargeEvent("ST000001", "ov-1", "2025-05-01"));
    const flags = await queryRows<{ has_overlap: boolean }>(
      t.db,
      sql`select has_overlap from stay where stay_ref in ('ov-1', 'ov-2')`,
    );
    expect(flags).toEqual([{ has_overlap: false }, { has_overlap: false }]);
  });

  it("accepts out-of-order arrivals, flags the overlap, and clears it once the discharge arrives", async () => {
    const child = italianChild({ familyName: "Serra", givenName: "Nico", birthDate: "2012-12-12" });
    await ingest(admissionEvent("ST000002", "oo-2", "2025-03-01", child));
    const earlier = await ingest(admissionEvent("ST000001", "oo-1", "2025-02-01", child));
    expect(earlier.status).toBe("accepted");
    expect(warningCodes(earlier)).toContain("overlapping-stay");
    const flagged = await queryRows<{ has_overlap: boolean }>(
      t.db,
      sql`select has_overlap from stay where stay_ref in ('oo-1', 'oo-2')`,
    );
    expect(flagged.every((row) => row.has_overlap)).toBe(true);
    await ingest(dischargeEvent("ST000001", "oo-1", "2025-02-20"));
    const cleared = await queryRows<{ has_overlap: boolean }>(
      t.db,
      sql`select has_overlap from stay where stay_ref in ('oo-1', 'oo-2')`,
    );
    expect(cleared.every((row) => !row.has_overlap)).toBe(true);
  });
});
