import { type SQL, sql } from "drizzle-orm";
import { codesOf, nationalStructureTypes } from "../../../../domain/code-lists/index.ts";
import { legalBases, sexes } from "../../../../domain/code-lists/interchange-codes.ts";
import type { ReportTable } from "../../../../domain/reports/report.ts";
import {
  citizenshipGroups,
  codesOfList,
  fosterForms,
  fosterKinds,
  lengthOfStayClasses,
  minorAgeClasses,
  outOfFamilySettings,
  provenances,
} from "../../../../domain/reports/report-classes.ts";
import {
  ageClassSql,
  ageGroupSql,
  citizenshipGroupSql,
  codeOrUnknown,
  type DefinitionContext,
  fosterFormSql,
  fosterKindSql,
  lengthOfStaySql,
  minorWithAge,
  outOfFamilyOn,
  provenanceSql,
  structureOn,
  zoneOfComune,
} from "./common-sql.ts";
import { type Dimension, withUnknown } from "./tabulate.ts";

/**
 * The persons out of family on a day, one row each (the minor as unit, in its most recent
 * episode: a stay or a foster care), with every attribute the stock tables group by. Columns
 * are the dimension names; `setting` says residential or foster care.
 */
export function stockUnits(context: DefinitionContext, day: string): SQL {
  const onDay = sql`${day}::date`;
  // Age in months is computed once per person (lateral), then classified.
  const age = sql`m.months`;
  return sql`(
    select ${ageClassSql(age)} as "ageClass", ${ageGroupSql(age)} as "ageGroup", m.sex as "sex",
      ${citizenshipGroupSql(sql`p.msna`, sql`m.citizenship`)} as "citizenshipGroup",
      (case when p.msna then 'yes' else 'no' end) as "msna",
      p.setting as "setting",
      ${codeOrUnknown(sql`sv.national_type`)} as "nationalType",
      ${codeOrUnknown(sql`p.legal_basis`)} as "legalBasis",
      ${fosterKindSql(sql`p.foster_kind`)} as "fosterKind",
      ${fosterFormSql(sql`p.foster_form`)} as "fosterForm",
      ${lengthOfStaySql(sql`p.start_date`, onDay)} as "lengthOfStay",
      ${provenanceSql(context, sql`p.referring_comune`)} as "provenance",
      ${codeOrUnknown(sql`sv.province_abbreviation`)} as "province",
      ${codeOrUnknown(sql`sv.zone_code`)} as "zone",
      (case when p.present_stays > 1 then 'yes' else 'no' end) as "severalStays",
      (case when p.in_both_settings then 'yes' else 'no' end) as "bothSettings",
      (case when p.setting = 'residential' and sv.structure_id is null then 'yes' else 'no' end)
        as "structureVersionMissing",
      p.structure_id::text as "structureId"
    from ${outOfFamilyOn(context, onDay)} p
    ${minorWithAge(sql`p.minor_id`, onDay)}
    left join comune referring on referring.istat_code = p.referring_comune
    left join (
      -- Each structure with its province and zone, a few thousand rows hashed once (the fence
      -- keeps the planner from looking up the comune once per person).
      select sv.structure_id, sv.national_type, structure_comune.province_abbreviation, zone_of.zone_code
      from ${structureOn(context, onDay)} sv
      left join comune structure_comune on structure_comune.istat_code = sv.comune
      left join ${zoneOfComune(context)} zone_of on zone_of.comune_code = sv.comune
      offset 0
    ) sv on sv.structure_id = p.structure_id
  )`;
}

/** The dimensions of the stock tables, values in code-list order. */
export function stockDimensions(territory: { provinces: string[]; zones: string[] }) {
  return {
    ageClass: { name: "ageClass", values: codesOfList(minorAgeClasses) },
    sex: { name: "sex", values: codesOf(sexes) },
    citizenshipGroup: { name: "citizenshipGroup", values: codesOfList(citizenshipGroups) },
    citizenshipWithoutMsna: {
      name: "citizenshipGroup",
      values: codesOfList(citizenshipGroups).filter((code) => code !== "msna"),
    },
    nationalType: { name: "nationalType", values: withUnknown(codesOf(nationalStructureTypes)) },
    legalBasis: { name: "legalBasis", values: withUnknown(codesOf(legalBases)) },
    lengthOfStay: { name: "lengthOfStay", values: codesOfList(lengthOfStayClasses) },
    provenance: { name: "provenance", values: codesOfList(provenances) },
    setting: { name: "setting", values: codesOfList(outOfFamilySettings) },
    fosterKind: { name: "fosterKind", values: codesOfList(fosterKinds) },
    fosterForm: { name: "fosterForm", values: codesOfList(fosterForms) },
    province: { name: "province", values: withUnknown(territory.provinces) },
    zone: { name: "zone", values: withUnknown(territory.zones) },
  } satisfies Record<string, Dimension>;
}

export const minorsOnly = { ageGroup: ["minor"] } as const;
export const youngAdultsOnly = { ageGroup: ["young-adult"] } as const;

/** The two halves of out of family: tables of one are slices of the population of both. */
export const residentialSlice = { setting: "residential" } as const;
export const fosterCareSlice = { setting: "foster-care" } as const;

/** Data-quality issues counted among the units: the spec names the minor with several stays. */
export const dataQualityIssues = [
  { column: "severalStays", code: "several-present-stays", title: "Minori con più accoglienze presenti" },
  { column: "bothSettings", code: "in-both-settings", title: "Minori in struttura e in affidamento" },
  {
    column: "structureVersionMissing",
    code: "structure-version-missing",
    title: "Struttura senza versione ASSO alla data",
  },
] as const;

/** Hidden count specs, one per issue, turned into one data-quality table by `dataQualityTable`. */
export function dataQualitySpecs(population: string) {
  return dataQualityIssues.map((issue) => ({
    id: `dq-${issue.code}`,
    title: issue.title,
    dimensions: [{ name: issue.column, values: ["yes", "no"] }],
    population,
  }));
}

export function dataQualityTable(hidden: ReportTable[], ageUnknown: number, population: string): ReportTable {
  const rows: { issue: string; count: number }[] = dataQualityIssues.map((issue) => ({
    issue: issue.code,
    count: Number(hidden.find((table) => table.id === `dq-${issue.code}`)?.rows[0]?.count ?? 0),
  }));
  rows.push({ issue: "age-unknown", count: ageUnknown });
  return {
    id: "data-quality",
    title: "Qualità dei dati",
    dimensions: ["issue"],
    measures: ["count"],
    rows,
    total: null,
    msnaIncluded: true,
    population: `data-quality:${population}`,
    note: "Persone fuori famiglia con un problema dei dati, per problema (una persona può averne più d'uno): più accoglienze presenti nello stesso giorno, in struttura e in affidamento nello stesso giorno (contate una volta, nell'episodio più recente), struttura senza versione ASSO alla data, età non nota.",
  };
}
