import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { isAppError } from "../../../domain/errors/app-error.ts";
import { applyDisclosureControl } from "../../../domain/reports/disclosure.ts";
import {
  buildReportWorld,
  nonZeroCells,
  type ReportWorld,
  structureA,
  structureB,
  tableOf,
} from "./report-world.fixtures.ts";

let t: TestApp;
let world: ReportWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildReportWorld(t);
}, 120_000);
afterAll(() => t?.close());

const rowOf = (rows: Record<string, unknown>[], key: string, value: string) =>
  rows.find((row) => row[key] === value);

describe("admissions and discharges of 2025", () => {
  it("counts the stays started in the year, the stay being the unit", async () => {
    const result = await world.run("admissions", { year: 2025 });
    // m2, m3, m4, m6, m8 in A and in B, m11; m9 voided, m10 moved to 2026.
    for (const table of result.tables.filter((table) => table.population === "admitted-minors@2025"))
      expect(table.total, table.id).toBe(7);
    expect(nonZeroCells(result, "by-kind")).toEqual({ planned: 6, emergency: 1 });
    expect(nonZeroCells(result, "by-legal-basis")).toEqual({ judicial: 6, "emergency-403": 1 });
    expect(nonZeroCells(result, "by-citizenship-group")).toEqual({ italian: 6, msna: 1 });
    expect(nonZeroCells(result, "by-origin")).toEqual({ "family-of-origin": 7 });
    // Age at admission: m2 14 (06/2010 → 03/2025), m3 10, m4 14, m6 15, m8 13 twice, m11 13.
    expect(nonZeroCells(result, "by-age-class-sex")).toEqual({
      "6-10|F": 1,
      "11-14|F": 2,
      "11-14|M": 3,
      "15-17|M": 1,
    });
    const before = await world.run("admissions", { year: 2025 }, { asOf: world.asOfBefore });
    expect(tableOf(before, "by-kind").total).toBe(8);
  });

  it("counts the stays ended in the year by destination, reason and length", async () => {
    const result = await world.run("discharges", { year: 2025 });
    expect(nonZeroCells(result, "by-destination")).toEqual({ "family-of-origin": 2 });
    expect(nonZeroCells(result, "by-reason")).toEqual({ "project-completed": 2 });
    expect(nonZeroCells(result, "by-length-of-stay")).toEqual({ "<1y": 2 });
    // m2 15 on 31/12/2025 (June 2010), m11 14 on 15/11/2025 (November 2011).
    expect(nonZeroCells(result, "by-age-class-sex")).toEqual({ "15-17|F": 1, "11-14|F": 1 });
    expect(tableOf(result, "young-adults-by-reason").total).toBe(0);
  });
});

describe("istat-presidi 2025", () => {
  it("gives one row per structure, and its minors present add up to the stock", async () => {
    const result = await world.run("istat-presidi", { year: 2025 });
    const table = tableOf(result, "by-structure");
    expect(table.protectedMeasures).toContain("presentItalianM");
    expect(table.protectedMeasures).not.toContain("authorisedPlaces");
    expect(rowOf(table.rows, "structure", structureA)).toMatchObject({
      authorisedPlaces: 10,
      presentItalianM: 2,
      presentItalianF: 1,
      presentForeignM: 0,
      presentForeignF: 1,
      presentYoungAdults: 1,
      entries: 3,
      exits: 1,
    });
    expect(rowOf(table.rows, "structure", structureB)).toMatchObject({
      authorisedPlaces: 10,
      presentItalianM: 1,
      presentItalianF: 1,
      presentForeignM: 1,
      presentForeignF: 0,
      entries: 4,
      exits: 1,
    });
    const stock = await world.run("out-of-family-stock", { date: "2025-12-31" });
    const present = [
      "presentItalianM",
      "presentItalianF",
      "presentForeignM",
      "presentForeignF",
      "presentCitizenshipUnknown",
    ]
      .map((measure) => Number(table.totals?.[measure] ?? 0))
      .reduce((sum, value) => sum + value, 0);
    expect(present).toBe(tableOf(stock, "by-age-class-sex").total);
    const admissions = await world.run("admissions", { year: 2025 });
    expect(table.totals?.entries).toBe(tableOf(admissions, "by-kind").total);
  });
});

describe("occupancy on 31/12/2025", () => {
  it("gives places, persons present and free places per structure, per zone and for the region", async () => {
    const result = await world.run("occupancy", { date: "2025-12-31" });
    const byStructure = tableOf(result, "by-structure");
    // A: m1, m4, m5, m7 and the young adult m12; B: m3, m6, m8.
    expect(rowOf(byStructure.rows, "structure", structureA)).toMatchObject({
      authorisedPlaces: 10,
      present: 5,
      freePlaces: 5,
    });
    expect(rowOf(byStructure.rows, "structure", structureB)).toMatchObject({
      authorisedPlaces: 10,
      present: 3,
      freePlaces: 7,
    });
    expect(tableOf(result, "region").rows).toEqual([
      { structures: 2, authorisedPlaces: 20, present: 8, freePlaces: 12 },
    ]);
    const byZone = tableOf(result, "by-zone");
    expect(rowOf(byZone.rows, "zone", "firenze")).toMatchObject({ present: 5, authorisedPlaces: 10 });
    expect(rowOf(byZone.rows, "zone", "pisana")).toMatchObject({ present: 3 });
    expect(byZone.rows.at(-1)).toMatchObject({ zone: "unknown", structures: 0, present: 0 });
    expect(byZone.totals?.present).toBe(8);
    expect(byStructure.totals?.present).toBe(8);
  });
});

describe("trend October–December 2025", () => {
  it("counts the minors present at each month's end by citizenship group", async () => {
    const result = await world.run("trend", { from: "2025-10", to: "2025-12" });
    // End of October: m1, m2, m5, m6, m7, m8, m11. November: m11 gone, m4 in. December: m2 gone, m3 in.
    expect(nonZeroCells(result, "by-month-citizenship-group")).toEqual({
      "2025-10|italian": 5,
      "2025-10|foreign": 1,
      "2025-10|msna": 1,
      "2025-11|italian": 5,
      "2025-11|foreign": 1,
      "2025-11|msna": 1,
      "2025-12|italian": 5,
      "2025-12|foreign": 1,
      "2025-12|msna": 1,
    });
    expect(nonZeroCells(result, "young-adults-by-month")).toEqual({
      "2025-10": 1,
      "2025-11": 1,
      "2025-12": 1,
    });
    const stock = await world.run("out-of-family-stock", { date: "2025-12-31" });
    const december = tableOf(result, "by-month-citizenship-group").rows.filter(
      (row) => row.month === "2025-12",
    );
    expect(december.reduce((sum, row) => sum + Number(row.count), 0)).toBe(
      tableOf(stock, "by-age-class-sex").total,
    );
    const before = await world.run("trend", { from: "2025-10", to: "2025-12" }, { asOf: world.asOfBefore });
    // m10 (from October) and m11 (not yet discharged) are present in every month as then known.
    expect(nonZeroCells(before, "by-month-citizenship-group")["2025-11|italian"]).toBe(7);
  });
});

describe("timeliness of December 2025", () => {
  it("measures the days between the fact and its recording", async () => {
    const result = await world.run("timeliness", { from: "2025-12-01", to: "2025-12-31" });
    // Recording instants are the database's: the day of recording is its day in Europe/Rome.
    const [{ delay }] = await queryRows<{ delay: number }>(
      t.db,
      sql`select ((max(recorded_at) at time zone 'Europe/Rome')::date - date '2025-12-31')::int as delay from stay_event`,
    );
    // m2's discharge (A) and m3's admission (B), both facts of 31/12/2025 recorded today.
    const byStructure = tableOf(result, "by-structure");
    expect(byStructure.rows).toEqual([
      { structure: structureA, events: 1, medianDays: delay, p90Days: delay, shareOver7Days: 100 },
      { structure: structureB, events: 1, medianDays: delay, p90Days: delay, shareOver7Days: 100 },
    ]);
    expect(tableOf(result, "region").rows).toEqual([
      { events: 2, medianDays: delay, p90Days: delay, shareOver7Days: 100 },
    ]);
  });

  it("published, gives no delay of fewer facts than the threshold, nor their count or total", async () => {
    const result = await world.run("timeliness", { from: "2025-12-01", to: "2025-12-31" });
    const published = applyDisclosureControl(result.tables);
    const hidden = { events: null, medianDays: null, p90Days: null, shareOver7Days: null };
    const flags = { events: "c", medianDays: "c", p90Days: "c", shareOver7Days: "c" };
    const byStructure = published.find((table) => table.id === "by-structure");
    expect(byStructure?.rows).toEqual([
      { structure: structureA, ...hidden, flags },
      { structure: structureB, ...hidden, flags },
    ]);
    expect(byStructure?.totals).toEqual({ events: null });
    expect(published.find((table) => table.id === "region")?.rows).toEqual([{ ...hidden, flags }]);
  });
});

describe("procura-list", () => {
  const scopeA = () => ({ kind: "structures" as const, structureIds: [world.structureIds.A] });

  it("lists every minor hosted in the semester with identity, and audits each read", async () => {
    const [{ count: auditBefore }] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from audit_entry where purpose = 'legal-obligation'`,
    );
    const result = await world.run(
      "procura-list",
      { structure: structureA, semester: "2025-2" },
      // In January 2026, July–December 2025 is the previous semester: open.
      { scope: scopeA(), today: "2026-01-15" },
    );
    const table = tableOf(result, "hosted-minors");
    // A in July–December 2025: m1, m2 (until 31/12), m4, m5, m7, m8 (stay with voided discharge), m12.
    expect(table.rows.map((row) => row.familyName)).toEqual([
      "Bianchi",
      "Conti",
      "Ferri",
      "Gialli",
      "Popescu",
      "Rosa",
      "Verdi",
    ]);
    expect(rowOf(table.rows, "familyName", "Bianchi")).toMatchObject({
      givenName: "Luca",
      birthDate: "2012-03-14",
      fiscalCode: world.fiscalCodes.m1,
      admissionDate: "2024-05-10",
      dischargeDate: null,
      legalBasis: "judicial",
      referringService: "SVC-048017-01",
    });
    expect(rowOf(table.rows, "familyName", "Verdi")).toMatchObject({ dischargeDate: "2025-12-31" });
    const audit = await queryRows<{ minor_pseudonym: string; action: string }>(
      t.db,
      sql`select minor_pseudonym, action from audit_entry where purpose = 'legal-obligation' order by sequence`,
    );
    expect(audit.length - auditBefore).toBe(7);
    expect(new Set(audit.slice(auditBefore).map((entry) => entry.minor_pseudonym))).toEqual(
      new Set(table.rows.map((row) => row.pseudonym)),
    );
  });

  it("is refused to the region and invisible outside the structures of the scope", async () => {
    const codeOf = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        if (isAppError(error)) return error.code;
      }
      return undefined;
    };
    expect(
      await codeOf(
        world.run("procura-list", { structure: structureA, semester: "2025-2" }, { today: "2026-01-15" }),
      ),
    ).toBe("forbidden");
    const scopeB = { kind: "structures" as const, structureIds: [world.structureIds.B] };
    expect(
      await codeOf(
        world.run(
          "procura-list",
          { structure: structureA, semester: "2025-2" },
          { scope: scopeB, today: "2026-01-15" },
        ),
      ),
    ).toBe("not-found");
    expect(
      await codeOf(
        world.run(
          "procura-list",
          { structure: "ST999999", semester: "2025-2" },
          { scope: scopeB, today: "2026-01-15" },
        ),
      ),
    ).toBe("not-found");
  });

  it("is refused for a semester before the previous one, whoever was hosted then", async () => {
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (isAppError(error) ? error.code : undefined),
      );
    for (const today of ["2026-07-01", "2026-11-21"])
      expect(
        await codeOf(
          world.run(
            "procura-list",
            { structure: structureA, semester: "2025-2" },
            { scope: scopeA(), today },
          ),
        ),
      ).toBe("procura-semester-closed");
    expect(
      await codeOf(
        world.run(
          "procura-list",
          { structure: structureA, semester: "2025-2" },
          { scope: scopeA(), today: "2026-06-30" },
        ),
      ),
    ).toBeUndefined();
  });
});
