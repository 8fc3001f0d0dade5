import type { ReportParameters, ReportTable } from "../../../../domain/reports/report.ts";
import { type DefinitionContext, findTerritory } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import {
  dataQualitySpecs,
  dataQualityTable,
  fosterCareSlice,
  minorsOnly,
  residentialSlice,
  stockDimensions,
  stockUnits,
  youngAdultsOnly,
} from "./stock-units.ts";
import { type CountTableSpec, countTables } from "./tabulate.ts";

/**
 * Minors living out of their family on a day: in residential services and in foster care, side
 * by side (each a slice of the one population) and together.
 */
export const outOfFamilyStock: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const day = parameters.date as string;
    const dimensions = stockDimensions(await findTerritory(context));
    const minors = `out-of-family-minors@${day}`;
    const youngAdults = `out-of-family-young-adults@${day}`;
    const minorTable = (
      id: string,
      title: string,
      dimension: CountTableSpec["dimensions"],
      slice?: CountTableSpec["slice"],
    ): CountTableSpec => ({
      id,
      title,
      dimensions: dimension,
      where: minorsOnly,
      population: minors,
      msnaIncluded: true,
      ...(slice ? { slice } : {}),
    });
    const residential = (id: string, title: string, dimension: CountTableSpec["dimensions"]) =>
      minorTable(id, title, dimension, residentialSlice);
    const fosterCare = (id: string, title: string, dimension: CountTableSpec["dimensions"]) =>
      minorTable(id, title, dimension, fosterCareSlice);
    const specs: CountTableSpec[] = [
      minorTable("by-setting", "Minori fuori famiglia per collocamento", [dimensions.setting]),
      minorTable("by-setting-age-class", "Minori fuori famiglia per collocamento e classe di età", [
        dimensions.setting,
        dimensions.ageClass,
      ]),
      minorTable("by-setting-citizenship-group", "Minori fuori famiglia per collocamento e cittadinanza", [
        dimensions.setting,
        dimensions.citizenshipGroup,
      ]),
      residential("by-age-class-sex", "Minori presenti nei servizi residenziali per classe di età e sesso", [
        dimensions.ageClass,
        dimensions.sex,
      ]),
      residential("by-citizenship-group", "Minori presenti nei servizi residenziali per cittadinanza", [
        dimensions.citizenshipGroup,
      ]),
      residential("by-national-type", "Minori presenti per tipologia nazionale della struttura", [
        dimensions.nationalType,
      ]),
      residential("by-legal-basis", "Minori presenti nei servizi residenziali per tipo di inserimento", [
        dimensions.legalBasis,
      ]),
      residential(
        "by-length-of-stay",
        "Minori presenti nei servizi residenziali per durata dell'accoglienza",
        [dimensions.lengthOfStay],
      ),
      residential("by-provenance", "Minori presenti nei servizi residenziali per provenienza", [
        dimensions.provenance,
      ]),
      residential("by-province", "Minori presenti per provincia della struttura", [dimensions.province]),
      residential("by-zone", "Minori presenti per zona distretto della struttura", [dimensions.zone]),
      fosterCare(
        "foster-care-by-age-class-sex",
        "Minori in affidamento familiare per classe di età e sesso",
        [dimensions.ageClass, dimensions.sex],
      ),
      fosterCare("foster-care-by-citizenship-group", "Minori in affidamento familiare per cittadinanza", [
        dimensions.citizenshipGroup,
      ]),
      fosterCare("foster-care-by-kind-form", "Minori in affidamento familiare per tipo e forma dell'affido", [
        dimensions.fosterKind,
        dimensions.fosterForm,
      ]),
      fosterCare("foster-care-by-length", "Minori in affidamento familiare per durata dell'affido", [
        dimensions.lengthOfStay,
      ]),
      fosterCare(
        "foster-care-by-provenance",
        "Minori in affidamento familiare per provenienza (comune del servizio)",
        [dimensions.provenance],
      ),
      {
        id: "young-adults-by-setting-sex",
        title: "Giovani di 18-21 anni fuori famiglia per collocamento e sesso",
        dimensions: [dimensions.setting, dimensions.sex],
        where: youngAdultsOnly,
        population: youngAdults,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
      {
        id: "young-adults-by-sex-citizenship-group",
        title: "Giovani di 18-21 anni in prosieguo nei servizi residenziali per sesso e cittadinanza",
        dimensions: [dimensions.sex, dimensions.citizenshipGroup],
        where: youngAdultsOnly,
        slice: residentialSlice,
        population: youngAdults,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
      ...dataQualitySpecs(`out-of-family@${day}`),
    ];
    const tables = await countTables(context.db, stockUnits(context, day), specs);
    const visible = tables.filter((table) => !table.id.startsWith("dq-"));
    const ageUnknown = Number(
      visible
        .find((table) => table.id === "by-setting-age-class")
        ?.rows.filter((row) => row.ageClass === "unknown")
        .reduce((sum, row) => sum + Number(row.count), 0) ?? 0,
    );
    const result: ReportTable[] = [...visible, dataQualityTable(tables, ageUnknown, `out-of-family@${day}`)];
    return {
      tables: result,
      definitions: [
        definitionTexts.day(day),
        definitionTexts.outOfFamily,
        definitionTexts.presence,
        definitionTexts.fosterCare,
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
      source: sourceTexts.outOfFamily,
    };
  },
};
