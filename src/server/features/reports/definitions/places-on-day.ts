import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../../../db/database.ts";
import { freePlacesOf, isCountedInPlaces } from "../../../../domain/stays/free-places.ts";
import type { FreePlacesRow } from "../../../../domain/stays/stay-api.schema.ts";
import { type KnowledgeContext, presentOn, scopeCondition, structureOn, zoneOfComune } from "./common-sql.ts";

/**
 * The row of *Posti liberi*; a structure with no version of the day (no status) but someone
 * present in it has no name or national type either.
 */
export type PlacesOnDayRow = Omit<FreePlacesRow, "name" | "nationalType"> & {
  name: string | null;
  nationalType: string | null;
};

/**
 * The places of every structure on a day, as known at the context's instant: the one query of
 * *Posti liberi* and of the occupancy report. Each structure as it was on the day (ASSO
 * history), its zone, the persons present (a minor once, in the most recent stay), and the free
 * places by the domain rule (`free-places.ts`), which also decides which structures count.
 * `visible` narrows the structures further (a caller's access scope on the `structure` table).
 */
export async function findPlacesOnDay(
  context: KnowledgeContext,
  day: string,
  visible: SQL = sql`true`,
): Promise<PlacesOnDayRow[]> {
  const date = sql`${day}::date`;
  const rows = await queryRows<Omit<PlacesOnDayRow, "free">>(
    context.db,
    sql`select structure.id as "structureId", structure.code, sv.name, sv.status,
          sv.national_type as "nationalType", zone_of.zone_code as "zoneCode", zone_of.zone_name as "zoneName",
          coalesce(sv.authorised_places, 0)::int as "authorisedPlaces",
          coalesce(sv.emergency_extra_places, 0)::int as "emergencyExtraPlaces",
          coalesce(pr.present, 0)::int as "present"
        from structure
        left join ${structureOn(context, date)} sv on sv.structure_id = structure.id
        left join ${zoneOfComune(context)} zone_of on zone_of.comune_code = sv.comune
        left join (
          select p.structure_id, count(*) as present from ${presentOn(context, date)} p
          group by p.structure_id
        ) pr on pr.structure_id = structure.id
        where ${scopeCondition(context, sql`structure.id`)} and ${visible}
          and (sv.status is not null or pr.structure_id is not null)
        order by structure.code nulls last, structure.id`,
  );
  return rows.filter(isCountedInPlaces).map((row) => ({ ...row, free: freePlacesOf(row) }));
}
