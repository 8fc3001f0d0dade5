import { type SQL, sql } from "drizzle-orm";
import {
  admissionKinds,
  admissionOrigins,
  codesOf,
  dischargeDestinations,
  dischargeReasons,
  sinbaEsitoAffido,
} from "../../../../domain/code-lists/index.ts";
import {
  ageClassSql,
  ageGroupSql,
  citizenshipGroupSql,
  codeOrUnknown,
  type DefinitionContext,
  fosterFormSql,
  fosterKindSql,
  knownFosterCare,
  knownStays,
  lengthOfStaySql,
  minorWithAge,
  outOfFamilyFosterCareSql,
  provenanceSql,
  scopeCondition,
} from "./common-sql.ts";
import { type Dimension, withUnknown } from "./tabulate.ts";

/**
 * Stays that started (admission) or ended (discharge) between two days, one row each: the stay is
 * the unit of flows. Age is taken on the day of the event; length of stay at the discharge.
 */
export function flowUnits(
  context: DefinitionContext,
  event: "admission" | "discharge",
  from: string,
  to: string,
): SQL {
  const eventDay = event === "admission" ? sql`s.admission_date` : sql`s.discharge_date`;
  // Age in months is computed once per stay (lateral), then classified.
  const age = sql`m.months`;
  return sql`(
    select ${ageClassSql(age)} as "ageClass", ${ageGroupSql(age)} as "ageGroup", m.sex as "sex",
      ${citizenshipGroupSql(sql`s.msna`, sql`m.citizenship`)} as "citizenshipGroup",
      (case when s.msna then 'yes' else 'no' end) as "msna",
      (case when coalesce(m.citizenship, '') = '100' and not s.msna then 'italian' else 'foreign' end) as "istatCitizenship",
      ${codeOrUnknown(sql`s.origin`)} as "origin",
      ${codeOrUnknown(sql`s.legal_basis`)} as "legalBasis",
      ${codeOrUnknown(sql`s.admission_kind`)} as "admissionKind",
      ${codeOrUnknown(sql`s.discharge_destination`)} as "destination",
      ${codeOrUnknown(sql`s.discharge_reason`)} as "reason",
      ${event === "discharge" ? lengthOfStaySql(sql`s.admission_date`, sql`s.discharge_date`) : sql`null::text`} as "lengthOfStay",
      ${provenanceSql(context, sql`s.referring_comune`)} as "provenance",
      s.structure_id::text as "structureId"
    from ${knownStays(context)} s
    ${minorWithAge(sql`s.minor_id`, eventDay)}
    left join comune referring on referring.istat_code = s.referring_comune
    where ${eventDay} between ${from}::date and ${to}::date and ${scopeCondition(context, sql`s.structure_id`)}
  )`;
}

/**
 * Foster-care episodes of the out-of-family kind (residential, five nights a week or more) that
 * started or ended between two days, one row each (the episode is the unit of flows); an episode
 * without an end ends at the closure of the case that records it. Age on the day of the start or
 * of the end; length at the end. Foster care has no structure: only a report for the whole region
 * counts them.
 */
export function fosterCareFlowUnits(
  context: DefinitionContext,
  event: "start" | "end",
  from: string,
  to: string,
): SQL {
  const eventDay = event === "start" ? sql`f.start_date` : sql`f.end_date`;
  const age = sql`m.months`;
  return sql`(
    select ${ageClassSql(age)} as "ageClass", ${ageGroupSql(age)} as "ageGroup", m.sex as "sex",
      ${citizenshipGroupSql(sql`false`, sql`m.citizenship`)} as "citizenshipGroup",
      'no' as "msna",
      ${fosterKindSql(sql`f.kind`)} as "fosterKind",
      ${fosterFormSql(sql`f.form`)} as "fosterForm",
      ${event === "end" ? codeOrUnknown(sql`f.outcome`) : sql`null::text`} as "fosterOutcome",
      ${event === "end" ? lengthOfStaySql(sql`f.start_date`, sql`f.end_date`) : sql`null::text`} as "lengthOfStay"
    from ${knownFosterCare(context)} f
    ${minorWithAge(sql`f.minor_id`, eventDay)}
    where ${outOfFamilyFosterCareSql(sql`f`)}
      and ${eventDay} between ${from}::date and ${to}::date
      and ${scopeCondition(context, sql`null::uuid`)}
  )`;
}

export const flowDimensions = {
  fosterOutcome: { name: "fosterOutcome", values: withUnknown(codesOf(sinbaEsitoAffido)) },
  origin: { name: "origin", values: withUnknown(codesOf(admissionOrigins)) },
  admissionKind: { name: "admissionKind", values: withUnknown(codesOf(admissionKinds)) },
  destination: { name: "destination", values: withUnknown(codesOf(dischargeDestinations)) },
  reason: { name: "reason", values: withUnknown(codesOf(dischargeReasons)) },
} satisfies Record<string, Dimension>;
