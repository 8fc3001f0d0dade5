import { codesOf, legalBases, sexes } from "../../../../domain/code-lists/index.ts";
import type { ReportParameters } from "../../../../domain/reports/report.ts";
import {
  citizenshipGroups,
  codesOfList,
  fosterForms,
  fosterKinds,
  minorAgeClasses,
} from "../../../../domain/reports/report-classes.ts";
import type { DefinitionContext } from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import { flowDimensions, flowUnits, fosterCareFlowUnits } from "./flow-units.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { type CountTableSpec, countTables, withUnknown } from "./tabulate.ts";

const fosterDimensions = {
  kind: { name: "fosterKind", values: codesOfList(fosterKinds) },
  form: { name: "fosterForm", values: codesOfList(fosterForms) },
};

/** Stays and out-of-family foster cares started in the year, by the attributes known at the start. */
export const admissions: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const year = Number(parameters.year);
    const population = `admitted-minors@${year}`;
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
      minorTable("by-origin", `Ammissioni di minori nel ${year} per provenienza (situazione precedente)`, [
        flowDimensions.origin,
      ]),
      minorTable(
        "by-age-class-sex",
        `Ammissioni di minori nel ${year} per classe di età all'ammissione e sesso`,
        [{ name: "ageClass", values: codesOfList(minorAgeClasses) }, sex],
      ),
      minorTable("by-citizenship-group", `Ammissioni di minori nel ${year} per cittadinanza`, [
        { name: "citizenshipGroup", values: codesOfList(citizenshipGroups) },
      ]),
      minorTable("by-legal-basis", `Ammissioni di minori nel ${year} per tipo di inserimento`, [
        { name: "legalBasis", values: withUnknown(codesOf(legalBases)) },
      ]),
      minorTable("by-kind", `Ammissioni di minori nel ${year} per modalità (programmata o in emergenza)`, [
        flowDimensions.admissionKind,
      ]),
      {
        id: "young-adults-by-sex",
        title: `Ammissioni di giovani di 18-21 anni nel ${year} per sesso`,
        dimensions: [sex],
        where: { ageGroup: ["young-adult"] },
        population: `admitted-young-adults@${year}`,
        msnaIncluded: true,
        note: "Età nel giorno dell'ammissione; non comprese nei totali dei minori.",
      },
    ];
    const fosterSpecs: CountTableSpec[] = [
      {
        id: "foster-care-starts-by-age-class-sex",
        title: `Affidamenti familiari iniziati nel ${year} per classe di età all'inizio e sesso`,
        dimensions: [{ name: "ageClass", values: codesOfList(minorAgeClasses) }, sex],
        where: { ageGroup: ["minor"] },
        population: `foster-care-started-minors@${year}`,
        msnaIncluded: true,
      },
      {
        id: "foster-care-starts-by-kind-form",
        title: `Affidamenti familiari iniziati nel ${year} per tipo e forma dell'affido`,
        dimensions: [fosterDimensions.kind, fosterDimensions.form],
        where: { ageGroup: ["minor"] },
        population: `foster-care-started-minors@${year}`,
        msnaIncluded: true,
      },
    ];
    const tables = [
      ...(await countTables(
        context.db,
        flowUnits(context, "admission", `${year}-01-01`, `${year}-12-31`),
        specs,
      )),
      ...(await countTables(
        context.db,
        fosterCareFlowUnits(context, "start", `${year}-01-01`, `${year}-12-31`),
        fosterSpecs,
      )),
    ];
    return {
      tables,
      definitions: [
        `Anno di riferimento: ${year}: accoglienze con data di ammissione nell'anno e affidamenti familiari iniziati nell'anno.`,
        definitionTexts.flows,
        definitionTexts.fosterCare,
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.ageClasses,
        definitionTexts.citizenship,
        definitionTexts.zeros,
      ],
      source: sourceTexts.outOfFamily,
    };
  },
};
