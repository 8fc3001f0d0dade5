import { describe, expect, it } from "vitest";
import comuni from "./comuni.generated.json" with { type: "json" };
import { demoZones } from "./demo-zones.ts";

describe("demo zones of Toscana", () => {
  it("put every Tuscan comune in exactly one zone", () => {
    const zonesByComune = new Map<string, string[]>();
    for (const zone of demoZones) {
      for (const comune of zone.comuni) {
        zonesByComune.set(comune, [...(zonesByComune.get(comune) ?? []), zone.code]);
      }
    }
    const tuscanComuni = comuni.filter((comune) => comune.regionCode === "09");
    const unassigned = tuscanComuni.filter((comune) => !zonesByComune.has(comune.istatCode));
    const repeated = [...zonesByComune].filter(([, zones]) => zones.length > 1);
    expect(unassigned.map((comune) => comune.name)).toEqual([]);
    expect(repeated).toEqual([]);
  });

  it("contain only Tuscan comuni", () => {
    const tuscanCodes = new Set(
      comuni.filter((comune) => comune.regionCode === "09").map((c) => c.istatCode),
    );
    for (const zone of demoZones) {
      expect(zone.comuni.length).toBeGreaterThan(0);
      for (const comune of zone.comuni) {
        expect(tuscanCodes.has(comune)).toBe(true);
      }
    }
  });

  it("have unique kebab-case codes and names", () => {
    const codes = demoZones.map((zone) => zone.code);
    const names = demoZones.map((zone) => zone.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(demoZones.find((zone) => zone.code === "firenze")?.comuni).toEqual(["048017"]);
  });
});
