import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { comune, regionalStructureType, zone, zoneComune } from "../../../db/schema/index.ts";

export async function searchComuni(db: Executor, filter: { q?: string; regionCode?: string; limit: number }) {
  const conditions = [isNull(comune.validTo)];
  if (filter.regionCode) conditions.push(eq(comune.regionCode, filter.regionCode));
  if (filter.q) {
    const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(or(ilike(comune.name, `${escaped}%`), eq(comune.istatCode, filter.q)) as never);
  }
  return db
    .select({
      istatCode: comune.istatCode,
      name: comune.name,
      provinceAbbreviation: comune.provinceAbbreviation,
      regionCode: comune.regionCode,
    })
    .from(comune)
    .where(and(...conditions))
    .orderBy(asc(comune.name))
    .limit(filter.limit);
}

export async function findComuni(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      istatCode: comune.istatCode,
      name: comune.name,
      provinceAbbreviation: comune.provinceAbbreviation,
      regionCode: comune.regionCode,
    })
    .from(comune)
    .where(inArray(comune.istatCode, codes));
}

export async function listZones(db: Executor) {
  return db
    .select({
      code: zone.code,
      name: zone.name,
      regionCode: zone.regionCode,
      comuniCount: sql<number>`count(${zoneComune.comuneCode})::int`,
    })
    .from(zone)
    .leftJoin(zoneComune, eq(zoneComune.zoneCode, zone.code))
    .groupBy(zone.code, zone.name, zone.regionCode)
    .orderBy(asc(zone.name));
}

export async function listRegionalStructureTypes(db: Executor) {
  return db.select().from(regionalStructureType).orderBy(asc(regionalStructureType.label));
}

/** Replaces a zone's definition: its name and the full set of its comuni. */
export async function replaceZone(
  db: Executor,
  input: { code: string; name: string; regionCode: string; comuni: string[] },
) {
  await db
    .insert(zone)
    .values({ code: input.code, name: input.name, regionCode: input.regionCode })
    .onConflictDoUpdate({ target: zone.code, set: { name: input.name } });
  await db.delete(zoneComune).where(eq(zoneComune.zoneCode, input.code));
  if (input.comuni.length > 0) {
    await db
      .insert(zoneComune)
      .values(input.comuni.map((comuneCode) => ({ zoneCode: input.code, comuneCode })));
  }
}

export async function listZoneComuni(db: Executor, code: string) {
  const rows = await db
    .select({ comuneCode: zoneComune.comuneCode })
    .from(zoneComune)
    .where(eq(zoneComune.zoneCode, code))
    .orderBy(asc(zoneComune.comuneCode));
  return rows.map((row) => row.comuneCode);
}

/** Comuni of the list already in another zone: a comune belongs to one zone at a time. */
export async function findComuniInOtherZones(db: Executor, code: string, comuni: string[]) {
  if (comuni.length === 0) return [];
  return db
    .select({ comuneCode: zoneComune.comuneCode, zoneCode: zoneComune.zoneCode })
    .from(zoneComune)
    .where(and(inArray(zoneComune.comuneCode, comuni), sql`${zoneComune.zoneCode} <> ${code}`));
}
