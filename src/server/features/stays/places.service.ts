import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { presentOnSql } from "../../../db/stay-presence.sql.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { FreePlaces, OccupancyPoint, PlacesTotals } from "../../../domain/stays/stay-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import { findPlacesOnDay } from "../reports/index.ts";

type PlacesTotal = PlacesTotals;

/**
 * Places on a day by the one rule of free places (`domain/stays/free-places.ts`), through the
 * same query as the occupancy report, for the structures the caller may see: per structure as
 * it was on that day (ASSO history), and totals by zone and by national type.
 */
export async function listFreePlaces(
  db: Database,
  actor: Actor,
  knowledge: { regionCode: string; now: Date },
  filter: { date: string; zone?: string; nationalType?: string },
): Promise<FreePlaces> {
  const scope = authorize(actor, "places.read");
  const places = await findPlacesOnDay(
    {
      db,
      asOf: knowledge.now.toISOString(),
      isLatest: true,
      regionCode: knowledge.regionCode,
      scope: { kind: "region" },
    },
    filter.date,
    structureScopeCondition(actor, scope),
  );
  const rows = places
    .filter((row) => !filter.zone || row.zoneCode === filter.zone)
    .filter((row) => !filter.nationalType || row.nationalType === filter.nationalType)
    .map((row) => ({ ...row, name: row.name ?? "", nationalType: row.nationalType ?? "" }))
    .sort(
      (left, right) =>
        compareZones(left.zoneName, right.zoneName) || left.name.localeCompare(right.name, "it"),
    );
  const totalsBy = (key: (row: (typeof rows)[number]) => string) => {
    const totals = new Map<string, PlacesTotal>();
    for (const row of rows) {
      const entry = totals.get(key(row)) ?? {
        key: key(row),
        authorisedPlaces: 0,
        present: 0,
        free: 0,
        structures: 0,
      };
      entry.authorisedPlaces += row.authorisedPlaces;
      entry.present += row.present;
      entry.free += row.free;
      entry.structures += 1;
      totals.set(key(row), entry);
    }
    return [...totals.values()];
  };
  const none: PlacesTotal = { key: "Regione", authorisedPlaces: 0, present: 0, free: 0, structures: 0 };
  return {
    date: filter.date,
    structures: rows,
    byZone: totalsBy((row) => row.zoneName ?? "Senza zona"),
    byNationalType: totalsBy((row) => row.nationalType),
    total: totalsBy(() => "Regione")[0] ?? none,
  };
}

/** Zones by name, structures without a zone last. */
function compareZones(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left.localeCompare(right, "it");
}

/** A structure's occupancy at each month end, with the places authorised then. */
export async function getOccupancyHistory(
  db: Database,
  actor: Actor,
  structureId: string,
  from: string,
  to: string,
) {
  const scope = authorize(actor, "places.read");
  const visible = await queryRows(
    db,
    sql`select 1 from structure where id = ${structureId} and ${structureScopeCondition(actor, scope)}`,
  );
  if (visible.length === 0) throw new AppError("not-found", "La struttura richiesta non esiste.");
  return queryRows<OccupancyPoint>(
    db,
    sql`select d.day::text as day,
          (select count(distinct s.minor_id)::int from stay s where s.structure_id = ${structureId}
             and ${presentOnSql(sql`s`, sql`d.day`)}) as present,
          (select v.authorised_places from structure_version v where v.structure_id = ${structureId} and v.valid_from <= d.day
             order by v.valid_from desc, v.version desc limit 1) as "authorisedPlaces"
        from (select least((date_trunc('month', g) + interval '1 month' - interval '1 day')::date, ${to}::date) as day
              from generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') g) d
        order by d.day`,
  );
}
