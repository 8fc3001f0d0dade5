import { sql } from "drizzle-orm";
import { queryRows } from "../../../../db/database.ts";
import type { ReportParameters, ReportRow } from "../../../../domain/reports/report.ts";
import {
  ageGroupSql,
  ageMonthsSql,
  type DefinitionContext,
  knownStays,
  presentOn,
  scopeCondition,
  structureOn,
} from "./common-sql.ts";
import { definitionTexts, sourceTexts } from "./definition-texts.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { totalsOf } from "./tabulate.ts";

const personMeasures = [
  "presentItalianM",
  "presentItalianF",
  "presentForeignM",
  "presentForeignF",
  "presentCitizenshipUnknown",
  "presentYoungAdults",
  "entries",
  "exits",
];
const measures = ["authorisedPlaces", ...personMeasures];

type StructureRow = { structure: string; structureName: string | null } & Record<
  string,
  number | string | null
>;

/**
 * ISTAT survey of residential care (presidi residenziali): one row per structure with its places,
 * the minors present at 31 December by sex and citizenship, and the entries and exits of the year.
 */
export const istatPresidi: ReportDefinition = {
  async compute(context: DefinitionContext, parameters: ReportParameters) {
    const year = Number(parameters.year);
    const day = sql`${`${year}-12-31`}::date`;
    const from = sql`${`${year}-01-01`}::date`;
    const age = ageMonthsSql(sql`m.birth_date`, sql`m.birth_year_month`, day);
    const minor = sql`${ageGroupSql(age)} = 'minor'`;
    const italian = sql`(m.citizenship = '100' and not p.msna)`;
    const foreign = sql`(p.msna or (coalesce(m.citizenship, '') not in ('', '100')))`;
    const rows = await queryRows<StructureRow>(
      context.db,
      sql`select coalesce(structure.code, structure.id::text) as "structure", sv.name as "structureName",
          coalesce(sv.authorised_places, 0)::int as "authorisedPlaces",
          coalesce(pr.italian_m, 0)::int as "presentItalianM", coalesce(pr.italian_f, 0)::int as "presentItalianF",
          coalesce(pr.foreign_m, 0)::int as "presentForeignM", coalesce(pr.foreign_f, 0)::int as "presentForeignF",
          coalesce(pr.unknown_citizenship, 0)::int as "presentCitizenshipUnknown",
          coalesce(pr.young_adults, 0)::int as "presentYoungAdults",
          coalesce(flows.entries, 0)::int as "entries", coalesce(flows.exits, 0)::int as "exits"
        from structure
        left join ${structureOn(context, day)} sv on sv.structure_id = structure.id
        left join (
          select p.structure_id,
            count(*) filter (where ${minor} and ${italian} and m.sex = 'M') as italian_m,
            count(*) filter (where ${minor} and ${italian} and m.sex = 'F') as italian_f,
            count(*) filter (where ${minor} and ${foreign} and m.sex = 'M') as foreign_m,
            count(*) filter (where ${minor} and ${foreign} and m.sex = 'F') as foreign_f,
            count(*) filter (where ${minor} and not ${italian} and not ${foreign}) as unknown_citizenship,
            count(*) filter (where not ${minor}) as young_adults
          from ${presentOn(context, day)} p join minor m on m.id = p.minor_id
          group by p.structure_id
        ) pr on pr.structure_id = structure.id
        left join (
          select s.structure_id,
            count(*) filter (where s.admission_date between ${from} and ${day}) as entries,
            count(*) filter (where s.discharge_date between ${from} and ${day}) as exits
          from ${knownStays(context)} s
          where s.admission_date <= ${day} and (s.discharge_date is null or s.discharge_date >= ${from})
          group by s.structure_id
        ) flows on flows.structure_id = structure.id
        where ${scopeCondition(context, sql`structure.id`)}
          and (sv.status in ('active', 'suspended') or pr.structure_id is not null
               or coalesce(flows.entries, 0) + coalesce(flows.exits, 0) > 0)
        order by structure.code nulls last, structure.id`,
    );
    const tableRows: ReportRow[] = rows.map((row) => ({ ...row }));
    return {
      tables: [
        {
          id: "by-structure",
          title: `Strutture per minori: posti, presenti al 31/12/${year}, ingressi e uscite del ${year}`,
          dimensions: ["structure"],
          labels: ["structureName"],
          measures,
          protectedMeasures: personMeasures,
          rows: tableRows,
          total: null,
          totals: totalsOf(tableRows, measures),
          msnaIncluded: true,
          population: `structures@${year}-12-31`,
          note: "Presenti: minori (0-17 anni) al 31/12 per sesso e cittadinanza; i MSNA sono tra gli stranieri; i giovani di 18-21 anni sono contati a parte. Ingressi e uscite: accoglienze iniziate o concluse nell'anno, a ogni età.",
        },
      ],
      definitions: [
        definitionTexts.day(`${year}-12-31`),
        definitionTexts.presence,
        definitionTexts.countingUnit,
        definitionTexts.age,
        definitionTexts.minors,
        definitionTexts.flows,
        "Sono elencate le strutture attive o sospese al 31/12 e quelle con presenze, ingressi o uscite nell'anno.",
        definitionTexts.structureOnDay,
      ],
      source: sourceTexts.structures,
    };
  },
};
