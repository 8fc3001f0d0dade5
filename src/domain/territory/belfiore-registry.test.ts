import { describe, expect, it } from "vitest";
import comuni from "../../db/seed/comuni.generated.json" with { type: "json" };
import suppressed from "../../db/seed/suppressed-comuni.generated.json" with { type: "json" };
import { decodeFiscalCode } from "../identity/fiscal-code.ts";
import { encodeFiscalCode } from "../identity/fiscal-code-encoding.ts";
import { createBelfioreRegistry, findFiscalCodeBirthPlace, isForeignBelfiore } from "./belfiore-registry.ts";

const registry = createBelfioreRegistry([
  ...comuni,
  ...suppressed.map((comune) => ({ ...comune, istatCode: null })),
]);

describe("Belfiore registry", () => {
  it.each([
    ["D612", "048017", "Firenze", "FI"],
    ["H501", "058091", "Roma", "RM"],
    ["F205", "015146", "Milano", "MI"],
    ["G999", "100005", "Prato", "PO"],
  ])("knows %s as the comune %s %s (%s)", (belfiore, istatCode, name, province) => {
    expect(registry.findPlace(belfiore, "2015-06-01")).toMatchObject({
      kind: "comune",
      istatCode,
      name,
      provinceAbbreviation: province,
      isSuppressed: false,
    });
    expect(registry.findComuneBelfiore(istatCode, "2015-06-01")).toBe(belfiore);
    expect(isForeignBelfiore(belfiore)).toBe(false);
  });

  it("gives a merged comune's code only from the day it was established", () => {
    expect(registry.findComuneBelfiore("048054", "2019-01-01")).toBe("M408");
    expect(registry.findComuneBelfiore("048054", "2018-12-31")).toBeUndefined();
    expect(registry.findComuneBelfiore("024128", "2024-01-22")).toBe("M436");
    expect(registry.findComuneBelfiore("024128", "2023-06-30")).toBeUndefined();
    expect(registry.findComuneBelfiore("999999", "2023-06-30")).toBeUndefined();
  });

  it("knows suppressed comuni on the days they existed, and where they went", () => {
    expect(registry.findPlace("A633", "2010-05-04")).toMatchObject({
      kind: "comune",
      name: "Barberino Val d'Elsa",
      istatCode: null,
      isSuppressed: true,
      validTo: "2018-12-31",
      mergedInto: "M408",
    });
    expect(registry.findPlace("A633", "2019-01-01")).toBeUndefined();
    expect(registry.findPlace("A633")?.name).toBe("Barberino Val d'Elsa");
    expect(registry.findCurrentComune("A633")).toMatchObject({
      istatCode: "048054",
      name: "Barberino Tavarnelle",
    });
    // Two mergers: Quero (→ Quero Vas, 2013) → Setteville (2024).
    expect(registry.findCurrentComune("H124")).toMatchObject({ istatCode: "025075", name: "Setteville" });
    expect(registry.findCurrentComune("D612")?.istatCode).toBe("048017");
    // Incorporated into Pesaro: not recorded by the sources.
    expect(registry.findCurrentComune("F474")).toBeUndefined();
  });

  it("tells foreign states and territories from comuni", () => {
    expect(registry.findPlace("Z110", "2015-06-01")).toMatchObject({
      kind: "foreign-state",
      name: "Francia",
      istatCountryCode: "215",
    });
    expect(registry.findPlace("Z157", "2005-03-01")).toMatchObject({
      kind: "foreign-state",
      name: "Serbia e Montenegro",
      istatCountryCode: null,
    });
    expect(registry.findPlace("Z157", "2010-03-01")).toBeUndefined();
    expect(isForeignBelfiore("Z110")).toBe(true);
    expect(registry.findPlace("Z999")).toBeUndefined();
    expect(registry.findPlace("A000")).toBeUndefined();
  });

  it("decodes the birthplace of fiscal codes", () => {
    const bornIn = (birthPlaceCode: string, birthDate: string) =>
      findFiscalCodeBirthPlace(
        registry,
        decodeFiscalCode(
          encodeFiscalCode({ familyName: "Rossi", givenName: "Maria", sex: "F", birthDate, birthPlaceCode }),
          "2026-11-21",
        ),
      );
    expect(bornIn("D612", "2012-03-04")).toMatchObject({
      place: { kind: "comune", name: "Firenze" },
      isValidOnBirthDate: true,
      birthPlace: { comune: "048017" },
    });
    expect(bornIn("L067", "2010-07-01")).toMatchObject({
      place: { kind: "comune", name: "Tavarnelle Val di Pesa", isSuppressed: true },
      isValidOnBirthDate: true,
      birthPlace: undefined,
    });
    expect(bornIn("Z330", "2009-01-15")).toMatchObject({
      place: { kind: "foreign-state", name: "Marocco" },
      birthPlace: { country: "436" },
    });
    // A code used before the comune existed: found, but flagged.
    expect(bornIn("M408", "2012-03-04")).toMatchObject({
      place: { name: "Barberino Tavarnelle" },
      isValidOnBirthDate: false,
    });
    expect(bornIn("A000", "2012-03-04")).toBeUndefined();
  });
});
