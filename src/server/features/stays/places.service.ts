import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import { presentOnSql } from "../../../db/stay-presence.sql.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";

export type FreePlacesRow = {
  structureId: string;
  code: string | null;
  name: string;
  nationalType: string;
  zoneCode: string | null;
  zoneName: string | null;
  authorisedPlaces: number;
  emergencyExtraPlaces: number;
  present: number;
  free: number;
};

/**
 * Places on a day, per structure as it was on that day (ASSO history): authorised, present (an
 * absent minor still holds a place), free. Totals by zone and by national type.
 */
export async function listFreePlaces(
  db: Database,
  actor: Actor,
  filter: { date: string; zone?: string; nationalType?: string },
) {
  const scope = authorize(actor, "places.read");
  const rows = await queryRows<FreePlacesRow>(
    db,
    sql`with version_on_day as (
          select distinct on (v.structure_id) v.* from structure_version v
          where v.valid_from <= ${filter.date} order by v.structure_id, v.valid_from desc, v.version desc),
        present as (
          select structure_id, count(distinct minor_id)::int as present from stay
          where ${presentOnSql(sql`stay`, filter.date)}
          group by structure_id)
        select structure.id as "structureId", structure.code, v.name, v.national_type as "nationalType",
          z.code as "zoneCode", z.name as "zoneName", v.authorised_places as "authorisedPlaces",
          v.emergency_extra_places as "emergencyExtraPlaces", coalesce(p.present, 0) as present,
          greatest(v.authorised_places - coalesce(p.present, 0), 0) as free
        from structure join version_on_day v on v.structure_id = structure.id
        left join present p on p.structure_id = structure.id
        left join zone_comune zc on zc.comune_code = v.comune left join zone z on z.code = zc.zone_code
        where v.status = 'active' and ${structureScopeCondition(actor, scope)}
          ${filter.zone ? sql`and z.code = ${filter.zone}` : sql``}
          ${filter.nationalType ? sql`and v.national_type = ${filter.nationalType}` : sql``}
        order by z.name nulls last, v.name`,
  );
  const totalsBy = (key: (row: FreePlacesRow) => string) => {
    const totals = new Map<
      string,
      { key: string; authorisedPlaces: number; present: number; free: number; structures: number }
    >();
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
  return {
    date: filter.date,
    structures: rows,
    byZone: totalsBy((row) => row.zoneName ?? "Senza zona"),
    byNationalType: totalsBy((row) => row.nationalType),
    total: totalsBy(() => "Regione")[0] ?? {
      key: "Regione",
      authorisedPlaces: 0,
      present: 0,
      free: 0,
      structures: 0,
    },
  };
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
  return queryRows<{ day: string; present: number; authorisedPlaces: number | null }>(
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
