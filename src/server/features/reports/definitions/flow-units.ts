import { type SQL, sql } from "drizzle-orm";
import {
  admissionKinds,
  admissionOrigins,
  codesOf,
  dischargeDestinations,
  dischargeReasons,
} from "../../../../domain/code-lists/index.ts";
import {
  ageClassSql,
  ageGroupSql,
  citizenshipGroupSql,
  codeOrUnknown,
  type DefinitionContext,
  knownStays,
  lengthOfStaySql,
  minorWithAge,
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

export const flowDimensions = {
  origin: { name: "origin", values: withUnknown(codesOf(admissionOrigins)) },
  admissionKind: { name: "admissionKind", values: withUnknown(codesOf(admissionKinds)) },
  destination: { name: "destination", values: withUnknown(codesOf(dischargeDestinations)) },
  reason: { name: "reason", values: withUnknown(codesOf(dischargeReasons)) },
} satisfies Record<string, Dimension>;
