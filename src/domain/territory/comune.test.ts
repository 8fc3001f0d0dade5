import { describe, expect, it } from "vitest";
import {
  BelfioreCode,
  IstatComuneCode,
  IstatRegionCode,
  provinceCodeOf,
  regionCodeOfComune,
  regionCodeOfProvince,
  regionNameOf,
  regions,
  tuscanyRegionCode,
} from "./comune.ts";

describe("ISTAT territorial codes", () => {
  it("validates a comune code of 6 digits", () => {
    expect(IstatComuneCode.safeParse("048017").success).toBe(true);
    expect(IstatComuneCode.safeParse("48017").success).toBe(false);
    expect(IstatComuneCode.safeParse("D612").success).toBe(false);
    expect(IstatComuneCode.safeParse(48017).success).toBe(false);
  });

  it("takes the province from the first 3 digits", () => {
    expect(provinceCodeOf("048017")).toBe("048");
    expect(provinceCodeOf("100005")).toBe("100");
    expect(() => provinceCodeOf("48017")).toThrow();
  });

  it("finds the region of a province and of a comune", () => {
    expect(regionCodeOfComune("048017")).toBe("09");
    expect(regionCodeOfComune("100005")).toBe(tuscanyRegionCode);
    expect(regionCodeOfComune("058091")).toBe("12");
    expect(regionCodeOfProvince("111")).toBe("20");
    expect(regionCodeOfProvince("999")).toBeUndefined();
    expect(regionNameOf("09")).toBe("Toscana");
    expect(regionNameOf("21")).toBeUndefined();
  });

  it("has the 20 regions", () => {
    expect(regions).toHaveLength(20);
    expect(IstatRegionCode.safeParse("09").success).toBe(true);
    expect(IstatRegionCode.safeParse("9").success).toBe(false);
  });

  it("validates a Belfiore code", () => {
    expect(BelfioreCode.safeParse("D612").success).toBe(true);
    expect(BelfioreCode.safeParse("Z110").success).toBe(true);
    expect(BelfioreCode.safeParse("d612").success).toBe(false);
  });
});
