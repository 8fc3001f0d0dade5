import { type SQL, sql } from "drizzle-orm";
import { periodDuringSql, presentDuringSql } from "../../../../db/stay-presence.sql.ts";
import type { ReportParameters } from "../../../../domain/reports/report.ts";
import {
  citizenshipGroups,
  codesOfList,
  lastDayOfMonth,
  monthsBetween,
  outOfFamilySettings,
} from "../../../../domain/reports/report-classes.ts";
import {
  ageGroupSql,
  ageMonthsSql,
  citizenshipGroupSql,
  type DefinitionContext,
  knownFosterCare,
  knownStays,
  outOfFamilyFosterCareSql,
  scopeCondition,
} from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { residentialSlice } from "./stock-units.ts";
import { countTables } from "./tabulate.ts";

/**
 * Minors out of family at the end of each month, in residential services and in foster care.
 * Each stay or foster care is expanded only over the months whose last day it covers (start ≤
 * end of month < end), so the work grows with presences, not with episodes × months.
 */
export const trend: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const from = parameters.from as string;
    const to = parameters.to as string;
    const months = monthsBetween(from, to);
    const firstMonth = sql`${`${from}-01`}::timestamp`;
    const lastMonth = sql`${`${to}-01`}::timestamp`;
    const monthEnd = sql`(chosen.month_start + interval '1 month' - interval '1 day')::date`;
    const age = ageMonthsSql(sql`chosen.birth_date`, sql`chosen.birth_year_month`, monthEnd);
    const firstDay = lastDayOfMonth(from);
    const lastDay = lastDayOfMonth(to);
    // The months whose last day an episode covers, within the period.
    const monthsCovered = (start: SQL, end: SQL) =>
      sql`greatest(date_trunc('month', ${start}::timestamp), ${firstMonth}) as first_month,
        least(coalesce(date_trunc('month', ${end}::timestamp) - interval '1 month', ${lastMonth}), ${lastMonth}) as last_month`;
    // Episodes are read and joined to their minor once; only minors with several episodes in the
    // period go through the choice of the most recent episode of each month (a stay before a
    // foster care started the same day, as in the stock).
    const units = sql`(
      with episodes as (
        select 'residential' as setting, 1 as setting_order, s.stay_id as episode_id, s.minor_id,
          s.structure_id, s.msna, s.admission_date as start_date, ${monthsCovered(sql`s.admission_date`, sql`s.discharge_date`)}
        from ${knownStays(context)} s
        where ${presentDuringSql(sql`s`, firstDay, lastDay)}
        union all
        select 'foster-care', 0, f.episode_id, f.minor_id, null::uuid, false, f.start_date,
          ${monthsCovered(sql`f.start_date`, sql`f.end_date`)}
        from ${knownFosterCare(context)} f
        where ${outOfFamilyFosterCareSql(sql`f`)}
          and ${periodDuringSql(sql`f.start_date`, sql`f.end_date`, firstDay, lastDay)}
      ),
      candidates as (
        select e.*, m.birth_date, m.birth_year_month, m.citizenship, count(*) over (partition by e.minor_id) as stays_of_minor
        from episodes e join minor m on m.id = e.minor_id
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
         order by month_start, minor_id, start_date desc, setting_order desc, episode_id desc)
      )
      select to_char(chosen.month_start, 'YYYY-MM') as "month",
        ${citizenshipGroupSql(sql`chosen.msna`, sql`chosen.citizenship`)} as "citizenshipGroup",
        ${ageGroupSql(age)} as "ageGroup", chosen.setting as "setting"
      from chosen
      where ${scopeCondition(context, sql`chosen.structure_id`)}
    )`;
    const month = { name: "month", values: months };
    const minors = `out-of-family-minors-month-ends@${from}/${to}`;
    const tables = await countTables(context.db, units, [
      {
        id: "by-month-setting",
        title: "Minori fuori famiglia a fine mese, nei servizi residenziali e in affidamento familiare",
        dimensions: [month, { name: "setting", values: codesOfList(outOfFamilySettings) }],
        where: { ageGroup: ["minor"] },
        population: minors,
        msnaIncluded: true,
        note: "Ogni mese conta i minori fuori famiglia nel suo ultimo giorno: un minore presente in più mesi è contato in ciascuno.",
      },
      {
        id: "by-month-citizenship-group",
        title: "Minori presenti nei servizi residenziali a fine mese per cittadinanza",
        dimensions: [month, { name: "citizenshipGroup", values: codesOfList(citizenshipGroups) }],
        where: { ageGroup: ["minor"] },
        slice: residentialSlice,
        population: minors,
        msnaIncluded: true,
        note: "Ogni mese conta i minori presenti nel suo ultimo giorno: un minore presente in più mesi è contato in ciascuno.",
      },
      {
        id: "young-adults-by-month",
        title: "Giovani di 18-21 anni in prosieguo presenti nei servizi residenziali a fine mese",
        dimensions: [month],
        where: { ageGroup: ["young-adult"] },
        slice: residentialSlice,
        population: `out-of-family-young-adults-month-ends@${from}/${to}`,
        msnaIncluded: true,
        note: "Non compresi nei totali dei minori.",
      },
    ]);
    return {
      tables,
      definitions: [
        `Mesi da ${from} a ${to}: presenze nell'ultimo giorno di ogni mese (da ${lastDayOfMonth(from)} a ${lastDayOfMonth(to)}).`,
        definitionTexts.outOfFamily,
        definitionTexts.presence,
        definitionTexts.fosterCare,
        definitionTexts.countingUnit,
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.citizenship,
        definitionTexts.zeros,
      ],
      source: sourceTexts.outOfFamily,
    };
  },
};
