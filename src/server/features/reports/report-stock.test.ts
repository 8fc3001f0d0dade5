import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { isAppError } from "../../../domain/errors/app-error.ts";
import { buildReportWorld, nonZeroCells, type ReportWorld, tableOf } from "./report-world.fixtures.ts";

let t: TestApp;
let world: ReportWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildReportWorld(t);
}, 120_000);
afterAll(() => t?.close());

const day = "2025-12-31";

describe("out-of-family-stock on 31/12/2025", () => {
  it("counts the minors present by hand: discharge on D out, admission on D in, voided and later stays out", async () => {
    const result = await world.run("out-of-family-stock", { date: day });
    // m1 11-14 M, m3 6-10 F (admitted on D), m4 15-17 M (birthday month December), m5 15-17 F,
    // m6 15-17 M (MSNA), m7 11-14 F, m8 11-14 M (two open stays, once). m2 discharged on D,
    // m9 voided, m10 corrected to 2026, m11 discharged in November: not present.
    expect(nonZeroCells(result, "by-age-class-sex")).toEqual({
      "6-10|F": 1,
      "11-14|M": 2,
      "11-14|F": 1,
      "15-17|M": 2,
      "15-17|F": 1,
    });
    expect(nonZeroCells(result, "by-citizenship-group")).toEqual({ italian: 5, foreign: 1, msna: 1 });
    // B is a pronta accoglienza on D (comunità familiare until June): m3, m6, m8.
    expect(nonZeroCells(result, "by-national-type")).toEqual({
      "comunita-socio-educativa": 4,
      "pronta-accoglienza": 3,
    });
    expect(nonZeroCells(result, "by-legal-basis")).toEqual({
      consensual: 1,
      judicial: 5,
      "emergency-403": 1,
    });
    // m1 admitted 10/05/2024 and m5 10/01/2024: one year; m7 01/09/2021: four years.
    expect(nonZeroCells(result, "by-length-of-stay")).toEqual({ "<1y": 4, "1-2y": 2, ">4y": 1 });
    expect(nonZeroCells(result, "by-provenance")).toEqual({ "in-region": 6, "out-of-region": 1 });
    expect(nonZeroCells(result, "by-province")).toEqual({ FI: 4, PI: 3 });
    expect(nonZeroCells(result, "by-zone")).toEqual({ firenze: 4, pisana: 3 });
    expect(nonZeroCells(result, "young-adults-by-sex-citizenship-group")).toEqual({ "M|italian": 1 });
    expect(nonZeroCells(result, "data-quality")).toEqual({ "several-present-stays": 1 });
  });

  it("states the instant, the definitions, the source and no suppression", async () => {
    const before = Date.now();
    const result = await world.run("out-of-family-stock", { date: day });
    expect(new Date(result.asOf).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(result.suppression).toEqual({ applied: false, threshold: 3 });
    expect(result.parameters).toEqual({ date: day });
    expect(result.definitions.join(" ")).toContain("anni compiuti dalla data di nascita");
    expect(result.source).toContain("ASMI");
  });

  it("lists every combination in code-list order, zeros included, and the totals of one population agree", async () => {
    const result = await world.run("out-of-family-stock", { date: day });
    const byAgeSex = tableOf(result, "by-age-class-sex");
    expect(byAgeSex.rows).toHaveLength(6 * 2);
    expect(byAgeSex.rows.slice(0, 2)).toEqual([
      { ageClass: "0-2", sex: "M", count: 0 },
      { ageClass: "0-2", sex: "F", count: 0 },
    ]);
    expect(tableOf(result, "by-national-type").rows.map((row) => row.nationalType)).toEqual([
      "comunita-familiare",
      "comunita-socio-educativa",
      "alloggio-alta-autonomia",
      "bambino-genitore",
      "pronta-accoglienza",
      "multiutenza",
      "educativo-psicologica",
      "unknown",
    ]);
    // No foster care in this world: the tables of all minors out of family and of the residential
    // slice count the seven, those of the foster-care slice none.
    const minors = result.tables.filter((table) => table.population === `out-of-family-minors@${day}`);
    expect(minors.length).toBe(16);
    for (const table of minors) {
      expect(table.total, table.id).toBe(table.slice?.setting === "foster-care" ? 0 : 7);
      expect(table.msnaIncluded).toBe(true);
      expect(table.measures).toEqual(["count"]);
    }
    expect(tableOf(result, "young-adults-by-sex-citizenship-group").total).toBe(1);
  });

  it("the boy born on 28 December 2010 is 14 in November, 15 on 31 December", async () => {
    const november = await world.run("out-of-family-stock", { date: "2025-11-30" });
    // On 30/11: m1, m2, m4, m5, m6, m7, m8; m4 still 14.
    expect(nonZeroCells(november, "by-age-class-sex")).toMatchObject({ "11-14|M": 3 });
    expect(tableOf(november, "by-age-class-sex").total).toBe(7);
  });

  it("takes age in completed years from the birth date: the girl born on 10 February 2008 is 18 on the 10th", async () => {
    const before = await world.run("out-of-family-stock", { date: "2026-02-09" });
    const on = await world.run("out-of-family-stock", { date: "2026-02-10" });
    expect(nonZeroCells(before, "by-age-class-sex")["15-17|F"]).toBe(1);
    expect(nonZeroCells(before, "young-adults-by-sex-citizenship-group")).toEqual({ "M|italian": 1 });
    expect(nonZeroCells(on, "by-age-class-sex")["15-17|F"]).toBeUndefined();
    expect(nonZeroCells(on, "young-adults-by-sex-citizenship-group")).toEqual({
      "M|italian": 1,
      "F|italian": 1,
    });
  });

  it("moves a minor who turns 18 during the stay to the young adults' table", async () => {
    const march = await world.run("out-of-family-stock", { date: "2026-03-31" });
    // m5 (born February 2008) is 18 from 1/2/2026; m12 is 19. m10 was admitted on 15/01/2026.
    expect(nonZeroCells(march, "young-adults-by-sex-citizenship-group")).toEqual({
      "M|italian": 1,
      "F|italian": 1,
    });
    expect(nonZeroCells(march, "by-age-class-sex")["15-17|F"]).toBeUndefined();
    expect(tableOf(march, "by-age-class-sex").total).toBe(7);
  });

  it("takes the structure's type on D: B was a comunità familiare in June", async () => {
    const june = await world.run("out-of-family-stock", { date: "2025-06-15" });
    // On 15/06: m1, m2, m5, m7, m8 (in B, the more recent of its two open stays).
    expect(nonZeroCells(june, "by-national-type")).toEqual({
      "comunita-socio-educativa": 4,
      "comunita-familiare": 1,
    });
  });

  it("as known at an earlier instant: the later correction and the late discharge are not seen", async () => {
    const before = await world.run("out-of-family-stock", { date: day }, { asOf: world.asOfBefore });
    expect(before.asOf).toBe(world.asOfBefore);
    // m10 (11-14 M, still admitted on 01/10/2025) and m11 (11-14 F, not yet discharged) are present.
    expect(nonZeroCells(before, "by-age-class-sex")).toEqual({
      "6-10|F": 1,
      "11-14|M": 3,
      "11-14|F": 2,
      "15-17|M": 2,
      "15-17|F": 1,
    });
    const latest = await world.run("out-of-family-stock", { date: day });
    expect(tableOf(latest, "by-age-class-sex").total).toBe(7);
  });

  it("gives identical JSON for the same request and the same instant", async () => {
    const first = await world.run("out-of-family-stock", { date: day }, { asOf: world.asOfBefore });
    const second = await world.run("out-of-family-stock", { date: day }, { asOf: world.asOfBefore });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("counts only the structures of the scope, and the structures add up to the region", async () => {
    const onlyA = await world.run(
      "out-of-family-stock",
      { date: day },
      {
        scope: { kind: "structures", structureIds: [world.structureIds.A] },
      },
    );
    const onlyB = await world.run(
      "out-of-family-stock",
      { date: day },
      {
        scope: { kind: "structures", structureIds: [world.structureIds.B] },
      },
    );
    expect(tableOf(onlyA, "by-citizenship-group").total).toBe(4);
    // m8 counts in B, its most recent stay, not in A.
    expect(tableOf(onlyB, "by-citizenship-group").total).toBe(3);
    const none = await world.run(
      "out-of-family-stock",
      { date: day },
      { scope: { kind: "structures", structureIds: [] } },
    );
    expect(tableOf(none, "by-citizenship-group").total).toBe(0);
  });

  it("refuses bad or missing parameters with field problems", async () => {
    const problemsOf = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        if (isAppError(error))
          return { code: error.code, problems: error.problems.map((p) => `${p.path} ${p.code}`) };
      }
      return undefined;
    };
    expect(await problemsOf(world.run("out-of-family-stock", {}))).toEqual({
      code: "validation-failed",
      problems: ["/parameters/date required"],
    });
    expect(await problemsOf(world.run("out-of-family-stock", { date: "2025-02-30" }))).toMatchObject({
      problems: ["/parameters/date invalid-date"],
    });
    expect(await problemsOf(world.run("out-of-family-stock", { date: "2999-01-01" }))).toMatchObject({
      problems: ["/parameters/date date-in-future"],
    });
    expect(await problemsOf(world.run("ministry-survey", { year: 1999 }))).toMatchObject({
      problems: ["/parameters/year invalid-year"],
    });
    expect(await problemsOf(world.run("procura-list", { structure: "X", semester: "2025-3" }))).toMatchObject(
      {
        problems: ["/parameters/semester invalid-semester"],
      },
    );
    expect(await problemsOf(world.run("trend", { from: "2025-12", to: "2025-01" }))).toMatchObject({
      problems: ["/parameters/to invalid-range"],
    });
    expect(await problemsOf(world.run("out-of-family-stock", { date: day }, { asOf: "ieri" }))).toMatchObject(
      {
        problems: ["/asOf invalid-instant"],
      },
    );
  });
});

describe("ministry-survey 2025", () => {
  it("excludes MSNA from the totals and reports them apart; discharges of the year by destination", async () => {
    const result = await world.run("ministry-survey", { year: 2025 });
    const withoutMsna = result.tables.filter(
      (table) =>
        table.population === `out-of-family-minors-excluding-msna@${day}` &&
        table.slice?.setting !== "foster-care",
    );
    expect(withoutMsna.map((table) => table.total)).toEqual([6, 6, 6, 6, 6, 6]);
    for (const table of withoutMsna) expect(table.msnaIncluded).toBe(false);
    expect(nonZeroCells(result, "stock-by-age-class-sex")).toEqual({
      "6-10|F": 1,
      "11-14|M": 2,
      "11-14|F": 1,
      "15-17|M": 1,
      "15-17|F": 1,
    });
    expect(nonZeroCells(result, "stock-msna-by-age-class-sex")).toEqual({ "15-17|M": 1 });
    expect(nonZeroCells(result, "stock-msna-share")).toEqual({ italian: 5, foreign: 1, msna: 1 });
    expect(nonZeroCells(result, "stock-by-citizenship")).toEqual({ italian: 5, foreign: 1 });
    expect(nonZeroCells(result, "stock-by-national-type")).toEqual({
      "comunita-socio-educativa": 4,
      "pronta-accoglienza": 2,
    });
    expect(nonZeroCells(result, "stock-by-provenance")).toEqual({ "in-region": 6 });
    expect(nonZeroCells(result, "stock-young-adults-by-sex-citizenship-group")).toEqual({ "M|italian": 1 });
    // m2 (31/12) and m11 (15/11, recorded late); m8's discharge was voided.
    expect(nonZeroCells(result, "discharges-by-destination")).toEqual({ "family-of-origin": 2 });
    expect(tableOf(result, "discharges-msna-by-destination").total).toBe(0);
  });

  it("as known at the earlier instant, the late discharge is not yet there", async () => {
    const result = await world.run("ministry-survey", { year: 2025 }, { asOf: world.asOfBefore });
    expect(nonZeroCells(result, "discharges-by-destination")).toEqual({ "family-of-origin": 1 });
    expect(tableOf(result, "stock-by-age-class-sex").total).toBe(8);
  });
});
