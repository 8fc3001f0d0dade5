import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, type SQL, sql } from "drizzle-orm";
import { defaultRegionalStructureTypes } from "../../domain/code-lists/structure-codes.ts";
import type { Database } from "../database.ts";
import {
  comune,
  referenceSeed,
  regionalStructureType,
  suppressedComune,
  zone,
  zoneComune,
} from "../schema/index.ts";
import type { DemoZone } from "./demo-zones.ts";

const seedFolder = path.dirname(fileURLToPath(import.meta.url));
const comuniFile = path.join(seedFolder, "comuni.generated.json");
const suppressedComuniFile = path.join(seedFolder, "suppressed-comuni.generated.json");

type ComuneRow = typeof comune.$inferInsert;
type SuppressedComuneRow = typeof suppressedComune.$inferInsert;

const batchSize = 1000;

/**
 * Loads the ISTAT comuni, the suppressed comuni and the default regional structure types. When the
 * seeds differ from those last loaded (their digest in reference_seed), their rows are upserted: a
 * database loaded by an older seed gets the new values (Belfiore codes, validity, names) on the next
 * start, and rows that already match are not written again. Comuni are never deleted (zones refer to
 * them).
 */
export async function loadReferenceData(db: Database): Promise<{ comuni: number }> {
  const seedTexts = [comuniFile, suppressedComuniFile].map((file) => fs.readFileSync(file, "utf8"));
  const digest = createHash("sha256").update(seedTexts.join("\0")).digest("hex");
  const [loaded] = await db.select().from(referenceSeed).where(eq(referenceSeed.name, "territory"));
  if (loaded?.digest !== digest) await loadTerritory(db, seedTexts, digest);
  await db
    .insert(regionalStructureType)
    .values(defaultRegionalStructureTypes.map((type) => ({ ...type })))
    .onConflictDoNothing();
  const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(comune)) as {
    total: number;
  }[];
  return { comuni: total };
}

async function loadTerritory(db: Database, [comuniText, suppressedText]: string[], digest: string) {
  const comuni = JSON.parse(comuniText) as ComuneRow[];
  const suppressed = JSON.parse(suppressedText) as SuppressedComuneRow[];
  await db.transaction(async (tx) => {
    for (let start = 0; start < comuni.length; start += batchSize) {
      await tx
        .insert(comune)
        .values(comuni.slice(start, start + batchSize))
        .onConflictDoUpdate({
          target: comune.istatCode,
          set: excludedColumns(comuneColumns),
          setWhere: differsFromExcluded("comune", comuneColumns),
        });
    }
    for (let start = 0; start < suppressed.length; start += batchSize) {
      await tx
        .insert(suppressedComune)
        .values(suppressed.slice(start, start + batchSize))
        .onConflictDoUpdate({
          target: [suppressedComune.belfiore, suppressedComune.validFrom],
          set: excludedColumns(suppressedColumns),
          setWhere: differsFromExcluded("suppressed_comune", suppressedColumns),
        });
    }
    await tx
      .insert(referenceSeed)
      .values({ name: "territory", digest })
      .onConflictDoUpdate({ target: referenceSeed.name, set: { digest } });
  });
}

/** Columns an upsert refreshes from the seed, by property name and SQL name. */
const comuneColumns = {
  name: "name",
  belfiore: "belfiore",
  provinceCode: "province_code",
  provinceAbbreviation: "province_abbreviation",
  provinceName: "province_name",
  regionCode: "region_code",
  regionName: "region_name",
  validFrom: "valid_from",
  validTo: "valid_to",
} as const;

const suppressedColumns = {
  name: "name",
  provinceAbbreviation: "province_abbreviation",
  validTo: "valid_to",
  mergedInto: "merged_into",
} as const;

function excludedColumns(columns: Readonly<Record<string, string>>): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(columns).map(([property, column]) => [property, sql.raw(`excluded.${column}`)]),
  );
}

function differsFromExcluded(table: string, columns: Readonly<Record<string, string>>): SQL {
  const names = Object.values(columns);
  return sql.raw(
    `(${names.map((name) => `${table}.${name}`).join(", ")}) is distinct from (${names.map((name) => `excluded.${name}`).join(", ")})`,
  );
}

export async function loadZones(db: Database, regionCode: string, zones: readonly DemoZone[]) {
  await db.transaction(async (tx) => {
    for (const item of zones) {
      await tx.insert(zone).values({ code: item.code, name: item.name, regionCode }).onConflictDoNothing();
      await tx
        .insert(zoneComune)
        .values(item.comuni.map((comuneCode) => ({ zoneCode: item.code, comuneCode })))
        .onConflictDoNothing();
    }
  });
}
