import { codesOf, sexes } from "../../../../domain/code-lists/index.ts";
import type { ReportParameters } from "../../../../domain/reports/report.ts";
import {
  codesOfList,
  lengthOfStayClasses,
  minorAgeClasses,
} from "../../../../domain/reports/report-classes.ts";
import type { DefinitionContext } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import { flowDimensions, flowUnits, fosterCareFlowUnits } from "./flow-units.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { type CountTableSpec, countTables } from "./tabulate.ts";

/** Stays and out-of-family foster cares ended in the year: where the minors went, why, after how long. */
export const discharges: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const year = Number(parameters.year);
    const population = `discharged-minors@${year}`;
    const minorTable = (
      id: string,
      title: string,
      dimensions: CountTableSpec["dimensions"],
    ): CountTableSpec => ({
      id,
      title,
      dimensions,
      where: { ageGroup: ["minor"] },
      population,
      msnaIncluded: true,
    });
    const sex = { name: "sex", values: codesOf(sexes) };
    const specs: CountTableSpec[] = [
      minorTable("by-destination", `Dimissioni di minori nel ${year} per destinazione`, [
        flowDimensions.destination,
      ]),
      minorTable("by-reason", `Dimissioni di minori nel ${year} per motivo`, [flowDimensions.reason]),
      minorTable("by-length-of-stay", `Dimissioni di minori nel ${year} per durata dell'accoglienza`, [
        { name: "lengthOfStay", values: codesOfList(lengthOfStayClasses) },
      ]),
      minorTable(
        "by-age-class-sex",
        `Dimissioni di minori nel ${year} per classe di età alla dimissione e sesso`,
        [{ name: "ageClass", values: codesOfList(minorAgeClasses) }, sex],
      ),
      {
        id: "young-adults-by-reason",
        title: `Dimissioni di giovani di 18-21 anni nel ${year} per motivo`,
        dimensions: [flowDimensions.reason],
        where: { ageGroup: ["young-adult"] },
        population: `discharged-young-adults@${year}`,
        msnaIncluded: true,
        note: "Età nel giorno della dimissione; non comprese nei totali dei minori.",
      },
    ];
    const ended = `foster-care-ended-minors@${year}`;
    const fosterSpecs: CountTableSpec[] = [
      {
        id: "foster-care-ends-by-outcome",
        title: `Affidamenti familiari conclusi nel ${year} per esito`,
        dimensions: [flowDimensions.fosterOutcome],
        where: { ageGroup: ["minor"] },
        population: ended,
        msnaIncluded: true,
        note: "Un affido concluso con la chiusura della presa in carico senza esito ha esito non indicato.",
      },
      {
        id: "foster-care-ends-by-length",
        title: `Affidamenti familiari conclusi nel ${year} per durata dell'affido`,
        dimensions: [{ name: "lengthOfStay", values: codesOfList(lengthOfStayClasses) }],
        where: { ageGroup: ["minor"] },
        population: ended,
        msnaIncluded: true,
      },
      {
        id: "foster-care-ends-by-age-class-sex",
        title: `Affidamenti familiari conclusi nel ${year} per classe di età alla fine e sesso`,
        dimensions: [{ name: "ageClass", values: codesOfList(minorAgeClasses) }, sex],
        where: { ageGroup: ["minor"] },
        population: ended,
        msnaIncluded: true,
      },
    ];
    const tables = [
      ...(await countTables(
        context.db,
        flowUnits(context, "discharge", `${year}-01-01`, `${year}-12-31`),
        specs,
      )),
      ...(await countTables(
        context.db,
        fosterCareFlowUnits(context, "end", `${year}-01-01`, `${year}-12-31`),
        fosterSpecs,
      )),
    ];
    return {
      tables,
      definitions: [
        `Anno di riferimento: ${year}: accoglienze con data di dimissione nell'anno e affidamenti familiari conclusi nell'anno.`,
        definitionTexts.flows,
        definitionTexts.fosterCare,
        "Durata dell'accoglienza alla dimissione: anni compiuti tra ammissione e dimissione, nelle classi meno di 1 anno, da 1 a meno di 2, da 2 a meno di 4, 4 anni e oltre.",
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.ageClasses,
        definitionTexts.zeros,
      ],
      source: sourceTexts.outOfFamily,
    };
  },
};
