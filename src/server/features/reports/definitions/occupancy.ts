import { sql } from "drizzle-orm";
import { queryRows } from "../../../../db/database.ts";
import type { ReportParameters, ReportRow, ReportTable } from "../../../../domain/reports/report.ts";
import {
  type DefinitionContext,
  findTerritory,
  presentOn,
  scopeCondition,
  structureOn,
  zoneOfComune,
} from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { totalsOf, withUnknown } from "./tabulate.ts";

const measures = ["authorisedPlaces", "present", "freePlaces"];
/** Free places are authorised places minus those present: they reveal the count of persons too. */
const protectedMeasures = ["present", "freePlaces"];

type StructureRow = {
  structure: string;
  structureName: string | null;
  zone: string;
  authorisedPlaces: number;
  present: number;
};

/** Places and occupants of each structure on a day, for the region and per zone. */
export const occupancy: ReportDefinition = {
  title: "Posti e presenze nelle strutture per minori",
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const date = parameters.date as string;
    const day = sql`${date}::date`;
    const territory = await findTerritory(context);
    const rows = await queryRows<StructureRow>(
      context.db,
      sql`select coalesce(structure.code, structure.id::text) as "structure", sv.name as "structureName",
          coalesce(zone_of.zone_code, 'unknown') as "zone",
          coalesce(sv.authorised_places, 0)::int as "authorisedPlaces", coalesce(pr.present, 0)::int as "present"
        from structure
        left join ${structureOn(context, day)} sv on sv.structure_id = structure.id
        left join ${zoneOfComune(context)} zone_of on zone_of.comune_code = sv.comune
        left join (
          select p.structure_id, count(*) as present from ${presentOn(context, day)} p group by p.structure_id
        ) pr on pr.structure_id = structure.id
        where ${scopeCondition(context, sql`structure.id`)}
          and (sv.status in ('active', 'suspended') or pr.structure_id is not null)
        order by structure.code nulls last, structure.id`,
    );
    const structureRows: ReportRow[] = rows.map((row) => ({
      structure: row.structure,
      structureName: row.structureName,
      zone: row.zone,
      authorisedPlaces: row.authorisedPlaces,
      present: row.present,
      freePlaces: row.authorisedPlaces - row.present,
    }));
    const zoneRows: ReportRow[] = withUnknown(territory.zones).map((zone) => {
      const inZone = structureRows.filter((row) => row.zone === zone);
      const sums = totalsOf(inZone, ["authorisedPlaces", "present"]);
      return { zone, structures: inZone.length, ...sums, freePlaces: sums.authorisedPlaces - sums.present };
    });
    const regionSums = totalsOf(structureRows, ["authorisedPlaces", "present"]);
    const regionRow: ReportRow = {
      structures: structureRows.length,
      ...regionSums,
      freePlaces: regionSums.authorisedPlaces - regionSums.present,
    };
    const population = `present-persons@${date}`;
    const table = (
      id: string,
      title: string,
      dimensions: string[],
      tableRows: ReportRow[],
      extra = {},
    ): ReportTable => ({
      id,
      title,
      dimensions,
      measures: dimensions.includes("structure") ? measures : ["structures", ...measures],
      protectedMeasures,
      rows: tableRows,
      total: null,
      totals: totalsOf(tableRows, measures),
      msnaIncluded: true,
      population,
      ...extra,
    });
    return {
      tables: [
        table("region", "Posti e presenze nella Regione", [], [regionRow]),
        table("by-zone", "Posti e presenze per zona distretto", ["zone"], zoneRows),
        table("by-structure", "Posti e presenze per struttura", ["structure"], structureRows, {
          labels: ["structureName", "zone"],
        }),
      ],
      definitions: [
        definitionTexts.day(date),
        definitionTexts.presence,
        definitionTexts.countingUnit,
        "Presenti: tutte le persone accolte, minori e giovani di 18-21 anni in prosieguo, perché occupano un posto. Posti liberi: posti autorizzati meno presenti (negativo se la struttura è oltre la capienza autorizzata).",
        "Sono elencate le strutture attive o sospese nel giorno e quelle con presenze.",
        definitionTexts.structureOnDay,
      ],
      source: sourceTexts.structures,
    };
  },
};
