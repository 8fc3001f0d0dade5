import { describe, expect, it } from "vitest";
import {
  countries,
  findCountryByBelfiore,
  findCountryByIstatCode,
  type IsoNumericCountryCode,
  IstatCountryCode,
  isKnownIstatCountryCode,
  isoNumericToIstat,
  istatToIsoNumeric,
  italyIsoNumeric,
  italyIstatCode,
} from "./countries.ts";
import { foreignPlaces } from "./foreign-places.generated.ts";

describe("countries", () => {
  it("converts Italy 100 ↔ 380", () => {
    expect(italyIstatCode).toBe("100");
    expect(italyIsoNumeric).toBe("380");
    expect(istatToIsoNumeric("100")).toBe("380");
    expect(isoNumericToIstat("380")).toBe("100");
    expect(findCountryByIstatCode("100")?.name).toBe("Italia");
  });

  it.each([
    ["215", "250", "Francia"],
    ["216", "276", "Germania"],
    ["235", "642", "Romania"],
    ["201", "008", "Albania"],
    ["436", "504", "Marocco"],
    ["419", "818", "Egitto"],
    ["460", "788", "Tunisia"],
    ["443", "566", "Nigeria"],
    ["243", "804", "Ucraina"],
    ["314", "156", "Cina"],
    ["330", "356", "India"],
    ["344", "586", "Pakistan"],
    ["305", "050", "Bangladesh"],
    ["219", "826", "Regno Unito"],
    ["536", "840", "Stati Uniti d'America"],
    ["404", "384", "Costa d'Avorio"],
    ["301", "004", "Afghanistan"],
    ["450", "686", "Senegal"],
  ])("ISTAT %s ↔ ISO %s (%s)", (istat, iso, name) => {
    expect(findCountryByIstatCode(istat)?.name).toBe(name);
    expect(istatToIsoNumeric(istat)).toBe(iso);
    expect(isoNumericToIstat(iso)).toBe(istat);
  });

  it("covers the current states with unique, well-formed codes", () => {
    expect(countries.length).toBeGreaterThanOrEqual(190);
    expect(countries.length).toBeLessThanOrEqual(200);
    const istatCodes = countries.map((country) => country.istatCode);
    expect(new Set(istatCodes).size).toBe(istatCodes.length);
    const isoCodes = countries.flatMap((country) => (country.isoNumeric ? [country.isoNumeric] : []));
    expect(new Set(isoCodes).size).toBe(isoCodes.length);
    for (const country of countries) {
      expect(country.istatCode).toMatch(/^[1-7]\d{2}$/);
      expect(country.isoAlpha3).toMatch(/^[A-Z]{3}$/);
      if (country.isoNumeric !== null) expect(country.isoNumeric).toMatch(/^\d{3}$/);
    }
  });

  it("has no ISO numeric code for Kosovo and none for unknown codes", () => {
    expect(findCountryByIstatCode("272")?.name).toBe("Kosovo");
    expect(istatToIsoNumeric("272")).toBeUndefined();
    expect(istatToIsoNumeric("999")).toBeUndefined();
    expect(isoNumericToIstat("999")).toBeUndefined();
    expect(isKnownIstatCountryCode("215")).toBe(true);
    expect(isKnownIstatCountryCode("218")).toBe(false);
  });

  it("accepts ISO numeric codes without leading zeros", () => {
    expect(isoNumericToIstat("8")).toBe("201");
    expect(isoNumericToIstat("50")).toBe("305");
  });

  it("validates the shape of an ISTAT country code", () => {
    expect(IstatCountryCode.safeParse("100").success).toBe(true);
    expect(IstatCountryCode.safeParse("1000").success).toBe(false);
    expect(IstatCountryCode.safeParse("IT").success).toBe(false);
  });

  it.each([
    ["201", "Z100", "008", "Albania"],
    ["215", "Z110", "250", "Francia"],
    ["216", "Z112", "276", "Germania"],
    ["235", "Z129", "642", "Romania"],
    ["243", "Z138", "804", "Ucraina"],
    ["272", "Z160", null, "Kosovo"],
    ["314", "Z210", "156", "Cina"],
    ["330", "Z222", "356", "India"],
    ["436", "Z330", "504", "Marocco"],
    ["419", "Z336", "818", "Egitto"],
    ["536", "Z404", "840", "Stati Uniti d'America"],
  ])("ISTAT %s is Belfiore %s and ISO %s (%s)", (istat, belfiore, iso, name) => {
    expect(findCountryByIstatCode(istat)).toMatchObject({ name, belfiore, isoNumeric: iso });
    expect(findCountryByBelfiore(belfiore)?.istatCode).toBe(istat);
  });

  it("gives every foreign state a Z code of its own, and Italy none", () => {
    expect(findCountryByIstatCode("100")?.belfiore).toBeNull();
    const foreign = countries.filter((country) => country.istatCode !== "100");
    expect(foreign.filter((country) => !/^Z\d{3}$/.test(country.belfiore ?? ""))).toEqual([]);
    const codes = foreign.map((country) => country.belfiore);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("keeps ceased states for birthplaces, without making them countries", () => {
    const serbiaMontenegro = foreignPlaces.find((place) => place.belfiore === "Z157");
    expect(serbiaMontenegro).toMatchObject({
      name: "Serbia e Montenegro",
      istatCountryCode: null,
      validTo: "2006-12-31",
    });
    expect(findCountryByBelfiore("Z157")).toBeUndefined();
  });

  it("never reads an ISTAT code as an ISO code: 100 is Italy for ISTAT, Bulgaria for ISO", () => {
    expect(findCountryByIstatCode("100")?.name).toBe("Italia");
    expect(istatToIsoNumeric("100")).toBe("380");
    expect(isoNumericToIstat("100")).toBe("209");
    expect(findCountryByIstatCode("209")?.name).toBe("Bulgaria");
    const exported: IsoNumericCountryCode | undefined = istatToIsoNumeric("209");
    expect(exported).toBe("100");
    // @ts-expect-error an ISTAT code (a plain string) is not an ISO numeric code
    const mixed: IsoNumericCountryCode = "100";
    expect(mixed).toBe("100");
  });
});
