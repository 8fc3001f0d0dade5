import { describe, expect, it } from "vitest";
import { IstatComuneCode, regionCodeOfProvince, regionNameOf } from "../../domain/territory/comune.ts";
import comuni from "./comuni.generated.json" with { type: "json" };

describe("comuni seed", () => {
  it("has about 7,900 comuni with unique ISTAT codes", () => {
    expect(comuni.length).toBeGreaterThan(7800);
    expect(comuni.length).toBeLessThan(8100);
    const codes = comuni.map((comune) => comune.istatCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("has Firenze 048017 in province FI and region 09", () => {
    const firenze = comuni.find((comune) => comune.istatCode === "048017");
    expect(firenze).toMatchObject({
      name: "Firenze",
      provinceCode: "048",
      provinceAbbreviation: "FI",
      provinceName: "Firenze",
      regionCode: "09",
      regionName: "Toscana",
      validTo: null,
    });
  });

  it("keeps every row consistent with the ISTAT code helpers", () => {
    const inconsistent = comuni.filter(
      (comune) =>
        !IstatComuneCode.safeParse(comune.istatCode).success ||
        comune.provinceCode !== comune.istatCode.slice(0, 3) ||
        comune.regionCode !== regionCodeOfProvince(comune.provinceCode) ||
        comune.regionName !== regionNameOf(comune.regionCode) ||
        !/^[A-Z]{2}$/.test(comune.provinceAbbreviation) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(comune.validFrom),
    );
    expect(inconsistent).toEqual([]);
  });

  it("has the 273 comuni of Toscana", () => {
    expect(comuni.filter((comune) => comune.regionCode === "09")).toHaveLength(273);
  });
});
