/**
 * The structures of the reports base, written as an approved import would leave them: operators
 * (organisations), `structure` rows and their dated `structure_version` rows with the full record.
 * Most structures exist before the ten years; some open during them; about one in eight changes
 * national type once, and one in four changes its authorised places.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../src/db/database.ts";
import { queryRows } from "../../src/db/database.ts";
import { defaultRegionalStructureTypes } from "../../src/domain/code-lists/structure-codes.ts";
import type { StructureRecord } from "../../src/domain/structures/structure.schema.ts";
import { dayOf, insertRows, instantOf, isoOf, sampler, seededRandom } from "./bulk.ts";

export type SyntheticStructure = {
  id: string;
  /** Day number from which the structure exists. */
  opensOn: number;
  /** National type of its first version. */
  nationalType: string;
  places: number;
  comune: string;
};

type RegionalType = (typeof defaultRegionalStructureTypes)[number];

/** Regional types with their weight among structures for minors. */
const typeWeights: [RegionalType["code"], number][] = [
  ["comunita-familiare", 22],
  ["comunita-a-dimensione-familiare", 10],
  ["comunita-educativa", 35],
  ["gruppo-appartamento-autonomia", 10],
  ["comunita-gestanti-madri", 8],
  ["pronta-accoglienza", 8],
  ["casa-famiglia-multiutenza", 4],
  ["comunita-educativa-psicologica", 3],
];
const legalNatures = [
  ["cooperativa-sociale", 55],
  ["associazione", 12],
  ["ente-religioso", 15],
  ["fondazione", 8],
  ["ente-pubblico", 5],
  ["aps", 5],
] as const;

/** An 11-digit partita IVA with a correct check digit, from a number. */
function vatNumber(body: number): string {
  const digits = String(body).padStart(10, "0").slice(-10).split("").map(Number);
  let sum = 0;
  digits.forEach((digit, index) => {
    if (index % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  });
  return `${digits.join("")}${(10 - (sum % 10)) % 10}`;
}

const versionColumns = [
  "id",
  "structure_id",
  "version",
  "valid_from",
  "recorded_at",
  "name",
  "status",
  "regional_type",
  "national_type",
  "comune",
  "authorised_places",
  "emergency_extra_places",
  "authorisation_expires_on",
  "record",
] as const;

export async function loadSyntheticStructures(
  db: Database,
  options: { count: number; today: string; regionCode: string; seed?: number },
): Promise<SyntheticStructure[]> {
  const random = seededRandom(options.seed ?? 7);
  const { pick, weighted, between } = sampler(random);
  const comuni = (
    await queryRows<{ code: string }>(
      db,
      sql`select istat_code as code from comune where region_code = ${options.regionCode} and valid_to is null order by istat_code`,
    )
  ).map((row) => row.code);
  if (comuni.length === 0)
    throw new Error(`no comuni of region ${options.regionCode}: load reference data first`);
  const today = dayOf(options.today);
  const windowStart = today - 3653;
  const operatorCount = Math.max(1, Math.round(options.count / 3));
  const operators = Array.from({ length: operatorCount }, (_, index) => {
    const fiscalCode = vatNumber(8_000_000_000 + index * 7 + 3);
    return {
      id: randomUUID(),
      code: `OP-${fiscalCode}`,
      name: `Ente gestore ${index + 1}`,
      kind: "operator",
      fiscal_code: fiscalCode,
      legal_nature: weighted(legalNatures),
    };
  });
  const structures: SyntheticStructure[] = [];
  const structureRows: Record<string, unknown>[] = [];
  const versionRows: Record<string, unknown>[] = [];
  for (let index = 0; index < options.count; index++) {
    const id = randomUUID();
    const code = `ST${String(500_001 + index)}`;
    const operator = pick(operators);
    // Cities weigh more: a quarter of the structures are in ten comuni.
    const comune = random() < 0.25 ? comuni[between(0, Math.min(9, comuni.length - 1))] : pick(comuni);
    const opensOn =
      random() < 0.8
        ? between(windowStart - 20 * 365, windowStart - 6 * 365)
        : between(windowStart, today - 365);
    const typeCode = weighted(typeWeights);
    let type = defaultRegionalStructureTypes.find((t) => t.code === typeCode) as RegionalType;
    let places = type.code === "gruppo-appartamento-autonomia" ? between(4, 6) : between(6, 12);
    const name = `Comunità ${code.slice(2)}`;
    const changes: { day: number; type?: RegionalType; places?: number }[] = [];
    if (random() < 0.125) {
      const other = defaultRegionalStructureTypes.filter((t) => t.nationalType !== type.nationalType);
      changes.push({ day: between(Math.max(opensOn, windowStart) + 30, today - 30), type: pick(other) });
    }
    if (random() < 0.25) {
      changes.push({ day: between(Math.max(opensOn, windowStart) + 30, today - 30), places: between(6, 14) });
    }
    changes.sort((a, b) => a.day - b.day);
    const firstType = type;
    const firstPlaces = places;
    const days = [opensOn, ...changes.map((change) => change.day)];
    days.forEach((day, position) => {
      const change = position === 0 ? undefined : changes[position - 1];
      type = change?.type ?? type;
      places = change?.places ?? places;
      const validFrom = isoOf(day);
      const record: StructureRecord = {
        code,
        name,
        regionalType: type.code,
        nationalType: type.nationalType,
        istatCharacter: type.nationalType === "comunita-familiare" ? "familiare" : "comunitario",
        istatFunction: type.nationalType === "pronta-accoglienza" ? "emergenza" : "socio-educativa",
        operator: {
          name: operator.name,
          fiscalCode: operator.fiscal_code,
          legalNature: operator.legal_nature,
        },
        address: { street: `Via della Comunità ${index + 1}`, comune },
        authorisedPlaces: places,
        emergencyExtraPlaces: 2,
        target: {
          minAge: type.nationalType === "alloggio-alta-autonomia" ? 16 : 0,
          maxAge: type.nationalType === "alloggio-alta-autonomia" ? 21 : 17,
          sex: "any",
          motherWithChild: type.nationalType === "bambino-genitore",
          msna: false,
        },
        authorisation: {
          status: "definitiva",
          act: `Det. ${index + 1}/${validFrom.slice(0, 4)}`,
          date: validFrom,
          expiresOn: null,
        },
        status: "active",
        validFrom,
      };
      versionRows.push({
        id: randomUUID(),
        structure_id: id,
        version: position + 1,
        valid_from: validFrom,
        recorded_at: instantOf(Math.min(day + between(0, 20), today), between(480, 1080)),
        name,
        status: "active",
        regional_type: type.code,
        national_type: type.nationalType,
        comune,
        authorised_places: places,
        emergency_extra_places: 2,
        authorisation_expires_on: null,
        record,
      });
    });
    structureRows.push({
      id,
      code,
      status: "active",
      current_version: days.length,
      operator_organisation_id: operator.id,
      created_at: instantOf(opensOn, 600),
    });
    structures.push({ id, opensOn, nationalType: firstType.nationalType, places: firstPlaces, comune });
  }
  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      "organisation",
      ["id", "code", "name", "kind", "fiscal_code", "legal_nature"],
      operators,
    );
    await insertRows(
      tx,
      "structure",
      ["id", "code", "status", "current_version", "operator_organisation_id", "created_at"],
      structureRows,
    );
    await insertRows(tx, "structure_version", versionColumns, versionRows, { batch: 2000 });
  });
  return structures;
}
