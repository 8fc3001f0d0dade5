import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTerritory } from "../../../scripts/generate-comuni.ts";
import {
  BelfioreCode,
  IstatComuneCode,
  regionCodeOfProvince,
  regionNameOf,
} from "../../domain/territory/comune.ts";
import comuni from "./comuni.generated.json" with { type: "json" };
import suppressed from "./suppressed-comuni.generated.json" with { type: "json" };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe("comuni seed", () => {
  it("has about 7,900 comuni with unique ISTAT codes", () => {
    expect(comuni.length).toBeGreaterThan(7800);
    expect(comuni.length).toBeLessThan(8100);
    const codes = comuni.map((comune) => comune.istatCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("has Firenze 048017 in province FI and region 09, Belfiore D612", () => {
    const firenze = comuni.find((comune) => comune.istatCode === "048017");
    expect(firenze).toMatchObject({
      name: "Firenze",
      belfiore: "D612",
      provinceCode: "048",
      provinceAbbreviation: "FI",
      provinceName: "Firenze",
      regionCode: "09",
      regionName: "Toscana",
      validTo: null,
    });
  });

  it.each([
    ["058091", "Roma", "H501", "1884-09-11"],
    ["015146", "Milano", "F205", "1873-06-23"],
    ["100005", "Prato", "G999", "1863-04-13"],
    // Established by mergers: Barberino Val d'Elsa + Tavarnelle Val di Pesa (2019), Sovizzo +
    // Gambugliano (2024, a new code under the old name), Alano di Piave + Quero Vas (2024).
    ["048054", "Barberino Tavarnelle", "M408", "2019-01-01"],
    ["024128", "Sovizzo", "M436", "2024-01-22"],
    ["025075", "Setteville", "M437", "2024-01-22"],
    // Renamed since its code was given (the archive knows it as Masino), and moved to another province.
    ["001056", "Caravino", "B733", "1861-03-17"],
    ["099030", "Montecopiolo", "F478", "1861-03-17"],
  ])("%s %s has Belfiore %s since %s", (istatCode, name, belfiore, validFrom) => {
    expect(comuni.find((comune) => comune.istatCode === istatCode)).toMatchObject({
      name,
      belfiore,
      validFrom,
      validTo: null,
    });
  });

  it("gives every comune its own well-formed Belfiore code and a start date", () => {
    const codes = comuni.map((comune) => comune.belfiore);
    expect(codes.filter((code) => !BelfioreCode.safeParse(code).success || code.startsWith("Z"))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(comuni.filter((comune) => !isoDay.test(comune.validFrom) || comune.validTo !== null)).toEqual([]);
  });

  it("keeps every row consistent with the ISTAT code helpers", () => {
    const inconsistent = comuni.filter(
      (comune) =>
        !IstatComuneCode.safeParse(comune.istatCode).success ||
        comune.provinceCode !== comune.istatCode.slice(0, 3) ||
        comune.regionCode !== regionCodeOfProvince(comune.provinceCode) ||
        comune.regionName !== regionNameOf(comune.regionCode) ||
        !/^[A-Z]{2}$/.test(comune.provinceAbbreviation),
    );
    expect(inconsistent).toEqual([]);
  });

  it("has names without encoding damage", () => {
    const damaged = [...comuni, ...suppressed].filter((comune) =>
      /[\u0080-\u009f\ufffd?ÃÂ]/.test(comune.name),
    );
    expect(damaged).toEqual([]);
    expect(comuni.find((comune) => comune.istatCode === "032001")?.name).toBe(
      "Duino Aurisina-Devin Nabrežina",
    );
  });

  it("has the 273 comuni of Toscana", () => {
    expect(comuni.filter((comune) => comune.regionCode === "09")).toHaveLength(273);
  });
});

describe("suppressed comuni seed", () => {
  const current = new Map(comuni.map((comune) => [comune.belfiore, comune]));
  const all = new Map<string, { validFrom: string }>([
    ...comuni.map((comune) => [comune.belfiore, comune] as const),
    ...suppressed.map((comune) => [comune.belfiore, comune] as const),
  ]);

  it.each([
    ["A633", "Barberino Val d'Elsa", "2018-12-31", "M408"],
    ["L067", "Tavarnelle Val di Pesa", "2018-12-31", "M408"],
    ["I879", "Sovizzo", "2024-01-21", "M436"],
    ["D902", "Gambugliano", "2024-01-21", "M436"],
    ["M332", "Quero Vas", "2024-01-21", "M437"],
    // Incorporated into an existing comune (Pesaro, Bellano): the sources do not say which.
    ["F474", "Monteciccardo", "2020-06-30", null],
    ["L731", "Vendrogno", "2019-12-31", null],
  ])("%s %s ceased after %s, merged into %s", (belfiore, name, validTo, mergedInto) => {
    expect(suppressed.find((comune) => comune.belfiore === belfiore)).toMatchObject({
      name,
      validTo,
      mergedInto,
    });
  });

  it("never shares a code with a current comune and never ends before it starts", () => {
    expect(suppressed.filter((comune) => current.has(comune.belfiore))).toEqual([]);
    expect(
      suppressed.filter((comune) => !(isoDay.test(comune.validTo) && comune.validFrom <= comune.validTo)),
    ).toEqual([]);
    expect(suppressed.length).toBeGreaterThan(1900);
  });

  it("points every merger to a comune established the day after the suppression", () => {
    const broken = suppressed.filter(
      (comune) =>
        comune.mergedInto !== null && all.get(comune.mergedInto)?.validFrom !== dayAfter(comune.validTo),
    );
    expect(broken).toEqual([]);
  });
});

describe("territorial seeds", () => {
  it("are what scripts/generate-comuni.ts writes from its sources", async () => {
    const { files } = await generateTerritory();
    for (const file of files) {
      expect(file.text === fs.readFileSync(file.path, "utf8"), `${file.path} is stale: run the script`).toBe(
        true,
      );
    }
  });
});
