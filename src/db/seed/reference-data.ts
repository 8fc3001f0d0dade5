import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { defaultRegionalStructureTypes } from "../../domain/code-lists/structure-codes.ts";
import type { Database } from "../database.ts";
import { comune, regionalStructureType, zone, zoneComune } from "../schema/index.ts";
import type { DemoZone } from "./demo-zones.ts";

const comuniFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "comuni.generated.json");

type ComuneRow = typeof comune.$inferInsert;

/** Loads the ISTAT comuni and the default regional structure types; running it again adds nothing. */
export async function loadReferenceData(db: Database): Promise<{ comuni: number }> {
  const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(comune)) as {
    count: number;
  }[];
  if (count === 0) {
    const rows = JSON.parse(fs.readFileSync(comuniFile, "utf8")) as ComuneRow[];
    await db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += 1000) {
        await tx
          .insert(comune)
          .values(rows.slice(start, start + 1000))
          .onConflictDoNothing();
      }
    });
  }
  await db
    .insert(regionalStructureType)
    .values(defaultRegionalStructureTypes.map((type) => ({ ...type })))
    .onConflictDoNothing();
  const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(comune)) as {
    total: number;
  }[];
  return { comuni: total };
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
