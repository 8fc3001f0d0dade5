import type { ReportParameters, ReportTable } from "../../../../domain/reports/report.ts";
import { type DefinitionContext, findTerritory } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import {
  dataQualitySpecs,
  dataQualityTable,
  minorsOnly,
  stockDimensions,
  stockUnits,
  youngAdultsOnly,
} from "./stock-units.ts";
import { type CountTableSpec, countTables } from "./tabulate.ts";

/** Minors living out of their family on a day, in residential structures (foster care joins with SINBA). */
export const outOfFamilyStock: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const day = parameters.date as string;
    const dimensions = stockDimensions(await findTerritory(context));
    const minors = `present-minors@${day}`;
    const youngAdults = `present-young-adults@${day}`;
    const minorTable = (
      id: string,
      title: string,
      dimension: CountTableSpec["dimensions"],
    ): CountTableSpec => ({
      id,
      title,
      dimensions: dimension,
      where: minorsOnly,
      population: minors,
      msnaIncluded: true,
    });
    const specs: CountTableSpec[] = [
      minorTable("by-age-class-sex", "Minori presenti per classe di età e sesso", [
        dimensions.ageClass,
        dimensions.sex,
      ]),
      minorTable("by-citizenship-group", "Minori presenti per cittadinanza", [dimensions.citizenshipGroup]),
      minorTable("by-national-type", "Minori presenti per tipologia nazionale della struttura", [
        dimensions.nationalType,
      ]),
      minorTable("by-legal-basis", "Minori presenti per tipo di inserimento", [dimensions.legalBasis]),
      minorTable("by-length-of-stay", "Minori presenti per durata dell'accoglienza", [
        dimensions.lengthOfStay,
      ]),
      minorTable("by-provenance", "Minori presenti per provenienza", [dimensions.provenance]),
      minorTable("by-province", "Minori presenti per provincia della struttura", [dimensions.province]),
      minorTable("by-zone", "Minori presenti per zona distretto della struttura", [dimensions.zone]),
      {
        id: "young-adults-by-sex-citizenship-group",
        title: "Giovani di 18-21 anni in prosieguo per sesso e cittadinanza",
        dimensions: [dimensions.sex, dimensions.citizenshipGroup],
        where: youngAdultsOnly,
        population: youngAdults,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
      ...dataQualitySpecs(`present@${day}`),
    ];
    const tables = await countTables(context.db, stockUnits(context, day), specs);
    const visible = tables.filter((table) => !table.id.startsWith("dq-"));
    const ageUnknown = Number(
      visible
        .find((table) => table.id === "by-age-class-sex")
        ?.rows.filter((row) => row.ageClass === "unknown")
        .reduce((sum, row) => sum + Number(row.count), 0) ?? 0,
    );
    const result: ReportTable[] = [...visible, dataQualityTable(tables, ageUnknown, `present@${day}`)];
    return {
      tables: result,
      definitions: [
        definitionTexts.day(day),
        definitionTexts.presence,
        definitionTexts.countingUnit,
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.ageClasses,
        definitionTexts.citizenship,
        definitionTexts.lengthOfStay,
        definitionTexts.provenance,
        definitionTexts.structureOnDay,
        definitionTexts.zeros,
      ],
      source: sourceTexts.stays,
    };
  },
};
