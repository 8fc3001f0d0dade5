import type { ReportParameters } from "../../../../domain/reports/report.ts";
import { type DefinitionContext, findTerritory } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import { flowDimensions, flowUnits, fosterCareFlowUnits } from "./flow-units.ts";
import type { ReportDefinition } from "./report-definition.ts";
import {
  dataQualitySpecs,
  dataQualityTable,
  fosterCareSlice,
  residentialSlice,
  stockDimensions,
  stockUnits,
} from "./stock-units.ts";
import { type CountTableSpec, countTables } from "./tabulate.ts";

/**
 * The Ministry / Regions survey "Bambini e ragazzi in affidamento familiare e nei servizi
 * residenziali per minorenni", both parts: the stock at 31 December and the ends of the year.
 * Totals exclude unaccompanied foreign minors, reported apart.
 */
export const ministrySurvey: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const year = Number(parameters.year);
    const day = `${year}-12-31`;
    const dimensions = stockDimensions(await findTerritory(context));
    const withoutMsna = `out-of-family-minors-excluding-msna@${day}`;
    const msnaOnly = `out-of-family-msna@${day}`;
    const stockWithoutMsna = (
      id: string,
      title: string,
      dims: CountTableSpec["dimensions"],
      slice: CountTableSpec["slice"] = residentialSlice,
    ): CountTableSpec => ({
      id,
      title,
      dimensions: dims,
      where: { ageGroup: ["minor"], msna: ["no"] },
      slice,
      population: withoutMsna,
      msnaIncluded: false,
    });
    const fosterStock = (id: string, title: string, dims: CountTableSpec["dimensions"]) =>
      stockWithoutMsna(id, title, dims, fosterCareSlice);
    const stockSpecs: CountTableSpec[] = [
      {
        id: "stock-by-setting",
        title: "Minori fuori famiglia al 31/12 per collocamento (esclusi MSNA)",
        dimensions: [dimensions.setting],
        where: { ageGroup: ["minor"], msna: ["no"] },
        population: withoutMsna,
        msnaIncluded: false,
      },
      fosterStock(
        "foster-stock-by-age-class-sex",
        "Minori in affidamento familiare al 31/12 per classe di età e sesso (esclusi MSNA)",
        [dimensions.ageClass, dimensions.sex],
      ),
      fosterStock(
        "foster-stock-by-citizenship",
        "Minori in affidamento familiare al 31/12 per cittadinanza (esclusi MSNA)",
        [dimensions.citizenshipWithoutMsna],
      ),
      fosterStock(
        "foster-stock-by-kind-form",
        "Minori in affidamento familiare al 31/12 per tipo e forma dell'affido (esclusi MSNA)",
        [dimensions.fosterKind, dimensions.fosterForm],
      ),
      fosterStock(
        "foster-stock-by-length",
        "Minori in affidamento familiare al 31/12 per durata dell'affido (esclusi MSNA)",
        [dimensions.lengthOfStay],
      ),
      stockWithoutMsna(
        "stock-by-age-class-sex",
        "Minori presenti al 31/12 per classe di età e sesso (esclusi MSNA)",
        [dimensions.ageClass, dimensions.sex],
      ),
      stockWithoutMsna("stock-by-citizenship", "Minori presenti al 31/12 per cittadinanza (esclusi MSNA)", [
        dimensions.citizenshipWithoutMsna,
      ]),
      stockWithoutMsna(
        "stock-by-national-type",
        "Minori presenti al 31/12 per tipologia nazionale (esclusi MSNA)",
        [dimensions.nationalType],
      ),
      stockWithoutMsna(
        "stock-by-length-of-stay",
        "Minori presenti al 31/12 per durata dell'accoglienza (esclusi MSNA)",
        [dimensions.lengthOfStay],
      ),
      stockWithoutMsna("stock-by-provenance", "Minori presenti al 31/12 per provenienza (esclusi MSNA)", [
        dimensions.provenance,
      ]),
      {
        id: "stock-msna-by-age-class-sex",
        title: "MSNA presenti al 31/12 per classe di età e sesso",
        dimensions: [dimensions.ageClass, dimensions.sex],
        where: { ageGroup: ["minor"], msna: ["yes"] },
        slice: residentialSlice,
        population: msnaOnly,
        msnaIncluded: true,
        note: "Solo minori stranieri non accompagnati.",
      },
      {
        id: "stock-msna-share",
        title: "Minori presenti al 31/12 per cittadinanza, MSNA compresi (quota MSNA)",
        dimensions: [dimensions.citizenshipGroup],
        where: { ageGroup: ["minor"] },
        slice: residentialSlice,
        population: `out-of-family-minors@${day}`,
        msnaIncluded: true,
      },
      {
        id: "stock-young-adults-by-sex-citizenship-group",
        title: "Giovani di 18-21 anni in prosieguo al 31/12 per sesso e cittadinanza",
        dimensions: [dimensions.sex, dimensions.citizenshipGroup],
        where: { ageGroup: ["young-adult"] },
        slice: residentialSlice,
        population: `out-of-family-young-adults@${day}`,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
      ...dataQualitySpecs(`out-of-family@${day}`),
    ];
    const flowSpecs: CountTableSpec[] = [
      {
        id: "discharges-by-destination",
        title: `Minori dimessi nel ${year} per destinazione (esclusi MSNA)`,
        dimensions: [flowDimensions.destination],
        where: { ageGroup: ["minor"], msna: ["no"] },
        population: `discharged-minors-excluding-msna@${year}`,
        msnaIncluded: false,
      },
      {
        id: "discharges-msna-by-destination",
        title: `MSNA dimessi nel ${year} per destinazione`,
        dimensions: [flowDimensions.destination],
        where: { ageGroup: ["minor"], msna: ["yes"] },
        population: `discharged-msna@${year}`,
        msnaIncluded: true,
      },
      {
        id: "discharges-young-adults-by-destination",
        title: `Giovani di 18-21 anni dimessi nel ${year} per destinazione`,
        dimensions: [flowDimensions.destination],
        where: { ageGroup: ["young-adult"] },
        population: `discharged-young-adults@${year}`,
        msnaIncluded: true,
        note: "Età nel giorno della dimissione; non compresi nei totali dei minori.",
      },
    ];
    const fosterEndSpecs: CountTableSpec[] = [
      {
        id: "foster-ends-by-outcome",
        title: `Affidamenti familiari conclusi nel ${year} per esito (esclusi MSNA)`,
        dimensions: [flowDimensions.fosterOutcome],
        where: { ageGroup: ["minor"], msna: ["no"] },
        population: `foster-care-ended-minors@${year}`,
        msnaIncluded: false,
        note: "L'unità è l'affido; un affido concluso con la chiusura della presa in carico senza esito ha esito non indicato.",
      },
      {
        id: "foster-ends-young-adults-by-outcome",
        title: `Affidamenti familiari di giovani di 18-21 anni conclusi nel ${year} per esito`,
        dimensions: [flowDimensions.fosterOutcome],
        where: { ageGroup: ["young-adult"] },
        population: `foster-care-ended-young-adults@${year}`,
        msnaIncluded: true,
        note: "Età nel giorno della fine dell'affido; non compresi nei totali dei minori.",
      },
    ];
    const [stock, flows, fosterEnds] = [
      await countTables(context.db, stockUnits(context, day), stockSpecs),
      await countTables(context.db, flowUnits(context, "discharge", `${year}-01-01`, day), flowSpecs),
      await countTables(
        context.db,
        fosterCareFlowUnits(context, "end", `${year}-01-01`, day),
        fosterEndSpecs,
      ),
    ];
    const visible = stock.filter((table) => !table.id.startsWith("dq-"));
    const ageUnknown = Number(
      [
        ...visible.filter(
          (table) =>
            table.id === "stock-by-age-class-sex" ||
            table.id === "foster-stock-by-age-class-sex" ||
            table.id === "stock-msna-by-age-class-sex",
        ),
      ]
        .flatMap((table) => table.rows)
        .filter((row) => row.ageClass === "unknown")
        .reduce((sum, row) => sum + Number(row.count), 0),
    );
    return {
      tables: [
        ...visible,
        ...flows,
        ...fosterEnds,
        dataQualityTable(stock, ageUnknown, `out-of-family@${day}`),
      ],
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
        definitionTexts.ministryMsna,
        definitionTexts.lengthOfStay,
        definitionTexts.provenance,
        definitionTexts.structureOnDay,
        definitionTexts.flows,
        definitionTexts.zeros,
      ],
      source: sourceTexts.outOfFamily,
    };
  },
};
