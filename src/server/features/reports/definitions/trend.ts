import { sql } from "drizzle-orm";
import { presentDuringSql } from "../../../../db/stay-presence.sql.ts";
import type { ReportParameters } from "../../../../domain/reports/report.ts";
import {
  citizenshipGroups,
  codesOfList,
  lastDayOfMonth,
  monthsBetween,
} from "../../../../domain/reports/report-classes.ts";
import {
  ageGroupSql,
  ageMonthsSql,
  citizenshipGroupSql,
  type DefinitionContext,
  knownStays,
  scopeCondition,
} from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { countTables } from "./tabulate.ts";

/**
 * Minors present at the end of each month. Each stay is expanded only over the months whose last
 * day it covers (admission ≤ end of month < discharge), so the work grows with presences, not
 * with stays × months.
 */
export const trend: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const from = parameters.from as string;
    const to = parameters.to as string;
    const months = monthsBetween(from, to);
    const firstMonth = sql`${`${from}-01`}::timestamp`;
    const lastMonth = sql`${`${to}-01`}::timestamp`;
    const monthEnd = sql`(chosen.month_start + interval '1 month' - interval '1 day')::date`;
    const age = ageMonthsSql(sql`chosen.birth_year_month`, monthEnd);
    // Stays are read and joined to their minor once; only minors with several stays in the
    // period go through the choice of the most recent stay of each month.
    const units = sql`(
      with candidates as (
        select s.stay_id, s.minor_id, s.structure_id, s.msna, s.admission_date, m.birth_year_month, m.citizenship,
          greatest(date_trunc('month', s.admission_date::timestamp), ${firstMonth}) as first_month,
          least(coalesce(date_trunc('month', s.discharge_date::timestamp) - interval '1 month', ${lastMonth}), ${lastMonth}) as last_month,
          count(*) over (partition by s.minor_id) as stays_of_minor
        from ${knownStays(context)} s
        join minor m on m.id = s.minor_id
        where ${presentDuringSql(sql`s`, lastDayOfMonth(from), lastDayOfMonth(to))}
      ),
      expanded as (
        select c.*, month.start as month_start
        from candidates c
        cross join lateral generate_series(c.first_month, c.last_month, interval '1 month') as month(start)
      ),
      chosen as (
        select * from expanded where stays_of_minor = 1
        union all
        (select distinct on (month_start, minor_id) * from expanded where stays_of_minor > 1
         order by month_start, minor_id, admission_date desc, stay_id desc)
      )
      select to_char(chosen.month_start, 'YYYY-MM') as "month",
        ${citizenshipGroupSql(sql`chosen.msna`, sql`chosen.citizenship`)} as "citizenshipGroup",
        ${ageGroupSql(age)} as "ageGroup"
      from chosen
      where ${scopeCondition(context, sql`chosen.structure_id`)}
    )`;
    const month = { name: "month", values: months };
    const tables = await countTables(context.db, units, [
      {
        id: "by-month-citizenship-group",
        title: "Minori presenti a fine mese per cittadinanza",
        dimensions: [month, { name: "citizenshipGroup", values: codesOfList(citizenshipGroups) }],
        where: { ageGroup: ["minor"] },
        population: `present-minors-month-ends@${from}/${to}`,
        msnaIncluded: true,
        note: "Ogni mese conta i minori presenti nel suo ultimo giorno: un minore presente in più mesi è contato in ciascuno.",
      },
      {
        id: "young-adults-by-month",
        title: "Giovani di 18-21 anni in prosieguo presenti a fine mese",
        dimensions: [month],
        where: { ageGroup: ["young-adult"] },
        population: `present-young-adults-month-ends@${from}/${to}`,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
    ]);
    return {
      tables,
      definitions: [
        `Mesi da ${from} a ${to}: presenze nell'ultimo giorno di ogni mese (da ${lastDayOfMonth(from)} a ${lastDayOfMonth(to)}).`,
        definitionTexts.presence,
        definitionTexts.countingUnit,
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.citizenship,
        definitionTexts.zeros,
      ],
      source: sourceTexts.stays,
    };
  },
};
