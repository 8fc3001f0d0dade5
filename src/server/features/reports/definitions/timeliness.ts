import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../../../db/database.ts";
import type { ReportParameters, ReportRow } from "../../../../domain/reports/report.ts";
import { formatItalianDate } from "../../../../domain/time/calendar.ts";
import { type DefinitionContext, scopeCondition } from "./common-sql.ts";
import { sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";

const measures = ["events", "medianDays", "p90Days", "shareOver7Days"];

type DelayStatistics = Record<string, number | string | null>;

/** The statistics of one group of events: the delay is recording day (in Italy) minus fact day. */
function delayStatistics(): SQL {
  const delay = sql`((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on)`;
  return sql`count(*)::int as "events",
    percentile_disc(0.5) within group (order by ${delay})::int as "medianDays",
    percentile_disc(0.9) within group (order by ${delay})::int as "p90Days",
    round(100.0 * count(*) filter (where ${delay} > 7) / nullif(count(*), 0), 1)::float8 as "shareOver7Days"`;
}

/** How promptly structures record the facts: days between a fact and its recording. */
export const timeliness: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const from = parameters.from as string;
    const to = parameters.to as string;
    const recorded = context.isLatest ? sql`true` : sql`e.recorded_at <= ${context.asOf}::timestamptz`;
    const events = sql`stay_event e
      where e.status = 'accepted'
        and e.type in ('admission', 'discharge', 'absence-start', 'absence-end', 'activity')
        and e.occurred_on between ${from}::date and ${to}::date and ${recorded}
        and ${scopeCondition(context, sql`e.structure_id`)}`;
    const byStructure = await queryRows<DelayStatistics>(
      context.db,
      sql`select coalesce(structure.code, structure.id::text) as "structure", per.*
        from (select e.structure_id, ${delayStatistics()} from ${events} group by e.structure_id) per
        join structure on structure.id = per.structure_id
        order by structure.code nulls last, structure.id`,
    );
    const [region] = await queryRows<DelayStatistics>(
      context.db,
      sql`select ${delayStatistics()} from ${events}`,
    );
    const structureRows: ReportRow[] = byStructure.map((row) => ({
      structure: row.structure as string,
      events: Number(row.events),
      medianDays: row.medianDays === null ? null : Number(row.medianDays),
      p90Days: row.p90Days === null ? null : Number(row.p90Days),
      shareOver7Days: row.shareOver7Days === null ? null : Number(row.shareOver7Days),
    }));
    const regionRow: ReportRow = Object.fromEntries(
      measures.map((measure) => [
        measure,
        region?.[measure] === null || region?.[measure] === undefined ? null : Number(region[measure]),
      ]),
    );
    regionRow.events = Number(region?.events ?? 0);
    const note =
      "Ritardo: giorni tra la data del fatto e il giorno (in Italia) della sua registrazione. Mediana e 90° percentile in giorni; quota oltre 7 giorni in percentuale. Non sono conteggi di persone.";
    const common = {
      measures,
      // The facts counted are the protected figure: published, a structure's delays are given only
      // where enough facts stand behind them.
      protectedMeasures: ["events"],
      describedCount: "events",
      total: null,
      population: `recorded-events@${from}/${to}`,
      note,
    };
    return {
      tables: [
        {
          id: "region",
          title: "Tempestività delle registrazioni nell'insieme",
          dimensions: [],
          rows: [regionRow],
          totals: { events: Number(regionRow.events) },
          ...common,
        },
        {
          id: "by-structure",
          title: "Tempestività delle registrazioni per struttura",
          dimensions: ["structure"],
          rows: structureRows,
          totals: { events: structureRows.reduce((sum, row) => sum + Number(row.events), 0) },
          ...common,
        },
      ],
      definitions: [
        `Fatti avvenuti dal ${formatItalianDate(from)} al ${formatItalianDate(to)}: ammissioni, dimissioni, allontanamenti, rientri e attività accettati; rettifiche e annullamenti esclusi.`,
        "Ritardo di registrazione: giorni tra la data del fatto e il giorno, nel calendario italiano, in cui è stato registrato; oltre 7 giorni la comunicazione è tardiva.",
      ],
      source: sourceTexts.events,
    };
  },
};
