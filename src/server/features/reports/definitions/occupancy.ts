import type { ReportParameters, ReportRow, ReportTable } from "../../../../domain/reports/report.ts";
import { freePlacesDefinition } from "../../../../domain/stays/free-places.ts";
import { type DefinitionContext, findTerritory } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import { findPlacesOnDay } from "./places-on-day.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { totalsOf, withUnknown } from "./tabulate.ts";

const measures = ["authorisedPlaces", "present", "freePlaces"];
/** Free places are authorised places minus those present: they reveal the count of persons too. */
const protectedMeasures = ["present", "freePlaces"];

/** Places and occupants of each structure on a day, for the region and per zone (the free places rule). */
export const occupancy: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const date = parameters.date as string;
    const territory = await findTerritory(context);
    const rows = await findPlacesOnDay(context, date);
    const structureRows: ReportRow[] = rows.map((row) => ({
      structure: row.code ?? row.structureId,
      structureName: row.name,
      zone: row.zoneCode ?? "unknown",
      structureStatus: row.status ?? "unknown",
      authorisedPlaces: row.authorisedPlaces,
      present: row.present,
      freePlaces: row.free,
    }));
    const zoneRows: ReportRow[] = withUnknown(territory.zones).map((zone) => {
      const inZone = structureRows.filter((row) => row.zone === zone);
      return { zone, structures: inZone.length, ...totalsOf(inZone, measures) };
    });
    const regionRow: ReportRow = { structures: structureRows.length, ...totalsOf(structureRows, measures) };
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
          labels: ["structureName", "zone", "structureStatus"],
        }),
      ],
      definitions: [
        definitionTexts.day(date),
        definitionTexts.presence,
        definitionTexts.countingUnit,
        "Presenti: tutte le persone accolte, minori e giovani di 18-21 anni in prosieguo, perché occupano un posto.",
        freePlacesDefinition,
        definitionTexts.structureOnDay,
      ],
      source: sourceTexts.structures,
    };
  },
};
