import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/database.ts";
import { periodOnSql, presentOnSql } from "../../../../db/stay-presence.sql.ts";
import type { ReportScope } from "../../../../domain/reports/report.ts";
import { adulthoodMonths, ageClassMonthBounds } from "../../../../domain/reports/report-classes.ts";
import type { AuditSubject } from "../../../core/actor.ts";
import type { Keyring } from "../../../core/vault-keys.ts";

/** What every definition receives: where to read, as known at which instant, for whom. */
export type DefinitionContext = {
  db: Executor;
  /** The instant of knowledge (RFC 3339, UTC). */
  asOf: string;
  /** No instant was asked: the latest knowledge, read from the current versions only. */
  isLatest: boolean;
  /** The calendar day (Europe/Rome) of the request, from the app's clock. */
  today: string;
  scope: ReportScope;
  regionCode: string;
  keyring: Keyring;
  subject: AuditSubject;
};

/** What the queries of "as known at" need: where to read, the instant, the region and the scope. */
export type KnowledgeContext = Pick<DefinitionContext, "db" | "asOf" | "isLatest" | "regionCode" | "scope">;

/** Whether a structure id belongs to the scope: the whole region, or the listed structures. */
export function scopeCondition(context: KnowledgeContext, structureId: SQL): SQL {
  if (context.scope.kind === "region") return sql`true`;
  const ids = [...new Set(context.scope.structureIds)];
  if (ids.length === 0) return sql`false`;
  return sql`${structureId} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * Every stay with an admission, as known at the instant: the history version whose recording
 * interval contains it (voids and corrections recorded later are not seen). The latest knowledge
 * reads the current versions only.
 */
export function knownStays(context: KnowledgeContext): SQL {
  const known = context.isLatest
    ? sql`h.recorded_to is null`
    : sql`h.recorded_from <= ${context.asOf}::timestamptz
          and (h.recorded_to is null or h.recorded_to > ${context.asOf}::timestamptz)`;
  return sql`(
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where ${known} and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  )`;
}

/**
 * Who is present on a day, the minor being the unit: admission ≤ D and (no discharge or
 * discharge > D). A minor with several stays present on D (bad data) counts once, in the most
 * recent stay, and carries how many it had (`present_stays`; the window is ordered like the
 * choice, so that one sort serves both). The scope applies after the choice
 * of the stay, so that a structure's figures add up to the region's.
 */
export function presentOn(context: KnowledgeContext, day: SQL): SQL {
  return sql`(
    select chosen.* from (
      select distinct on (s.minor_id) s.*, count(*) over (partition by s.minor_id
          order by s.admission_date desc, s.stay_id desc
          rows between unbounded preceding and unbounded following)::int as present_stays
      from ${knownStays(context)} s
      where ${presentOnSql(sql`s`, day)}
      order by s.minor_id, s.admission_date desc, s.stay_id desc
    ) chosen
    where ${scopeCondition(context, sql`chosen.structure_id`)}
  )`;
}

/**
 * Every foster-care episode, as known at the instant (foster_care_history, as `knownStays`):
 * the version whose recording interval contains it; the latest knowledge reads current versions.
 * A merge moves the merged record's cases to the survivor, and the trigger on `social_case` records
 * the move as new versions: known before the merge, an episode is the merged record's, as its
 * stays are. A case left on its record by a merge made before merges moved cases counts for the
 * survivor from that merge to its undo (`minor_merge`), so that those reports stay what they were.
 */
export function knownFosterCare(context: KnowledgeContext): SQL {
  const known = context.isLatest
    ? sql`h.recorded_to is null`
    : sql`h.recorded_from <= ${context.asOf}::timestamptz
          and (h.recorded_to is null or h.recorded_to > ${context.asOf}::timestamptz)`;
  const standingMerge = context.isLatest
    ? sql`g.undone_at is null`
    : sql`g.merged_at <= ${context.asOf}::timestamptz
          and (g.undone_at is null or g.undone_at > ${context.asOf}::timestamptz)`;
  return sql`(
    select h.episode_id, h.case_id, coalesce(g.survivor_id, h.minor_id) as minor_id,
      h.service_organisation_id, h.start_date, least(h.end_date, h.case_closed_on) as end_date,
      h.form, h.kind, h.duration, h.character, h.nights_per_week, h.outcome
    from foster_care_history h
    left join minor_merge g on g.merged_id = h.minor_id and ${standingMerge}
    where ${known}
  )`;
}

/**
 * A foster care that is out of family (the Ministry's definition): residential (CarattereAffido
 * 1), at least five nights a week (a residential episode that does not say counts).
 */
export function outOfFamilyFosterCareSql(episode: SQL): SQL {
  return sql`(${episode}.character = '1' and coalesce(${episode}.nights_per_week, 7) >= 5)`;
}

/**
 * In out-of-family foster care on a day: from its start (included) to its end or the case's
 * closure (excluded), as a stay.
 */
export function fosterCareOutOfFamilySql(episode: SQL, day: SQL): SQL {
  return sql`(${outOfFamilyFosterCareSql(episode)}
    and ${periodOnSql(sql`${episode}.start_date`, sql`${episode}.end_date`, day)})`;
}

/**
 * Who is out of family on a day, the minor being the unit: present in a residential structure
 * (`presentOn`'s rule) or in foster care (`fosterCareOutOfFamilySql`). A minor in several
 * episodes on D (bad data) counts once, in the most recent (latest start; a stay before a foster
 * care started the same day), and carries how many stays it had (`present_stays`) and whether it
 * was in both settings (`in_both_settings`). Foster care has no structure: a report for some
 * structures only (a manager's, or filtered by zone or province) counts none.
 */
export function outOfFamilyOn(context: KnowledgeContext, day: SQL): SQL {
  return sql`(
    select chosen.* from (
      select distinct on (e.minor_id) e.*,
        (count(*) filter (where e.setting = 'residential') over all_of_minor)::int as present_stays,
        (bool_or(e.setting = 'residential') over all_of_minor
          and bool_or(e.setting = 'foster-care') over all_of_minor) as in_both_settings
      from (
        select 'residential' as setting, 1 as setting_order, s.minor_id, s.stay_id as episode_id,
          s.structure_id, s.admission_date as start_date, s.legal_basis, s.referring_comune, s.msna,
          null::text as foster_kind, null::text as foster_form
        from ${knownStays(context)} s
        where ${presentOnSql(sql`s`, day)}
        union all
        select 'foster-care', 0, f.minor_id, f.episode_id, null::uuid, f.start_date, null::text,
          service.comune, false, f.kind, f.form
        from ${knownFosterCare(context)} f
        join organisation service on service.id = f.service_organisation_id
        where ${fosterCareOutOfFamilySql(sql`f`, day)}
      ) e
      -- Ordered like the choice, so that one sort serves both.
      window all_of_minor as (partition by e.minor_id
        order by e.start_date desc, e.setting_order desc, e.episode_id desc
        rows between unbounded preceding and unbounded following)
      order by e.minor_id, e.start_date desc, e.setting_order desc, e.episode_id desc
    ) chosen
    where ${scopeCondition(context, sql`chosen.structure_id`)}
  )`;
}

/** TipoInterventoAffido: 1 intra-familial, 2 hetero-familial. */
export function fosterKindSql(code: SQL): SQL {
  return sql`(case ${code} when '1' then 'intra-familial' when '2' then 'hetero-familial' else 'unknown' end)`;
}

/** FormaInterventoAffido: 1 consensual, 2 judicial. */
export function fosterFormSql(code: SQL): SQL {
  return sql`(case ${code} when '1' then 'consensual' when '2' then 'judicial' else 'unknown' end)`;
}

/**
 * Completed months of age on a day (reports.md, "Age at D"): from the birth date, exact (a child
 * born on 14 March is a month older on every 14th); for a minor whose birth date is not in the
 * pseudonymous record, from the birth year and month, the birthday taken as the first of the
 * month. Null when unknown or when the day precedes the birth. The classes compare months with
 * whole years (216 = 18 years), so they are exact too.
 */
export function ageMonthsSql(birthDate: SQL, birthYearMonth: SQL, day: SQL): SQL {
  const exact = sql`(extract(year from age((${day})::date, ${birthDate}))::int * 12
    + extract(month from age((${day})::date, ${birthDate}))::int)`;
  const byMonth = sql`((extract(year from (${day})::date)::int * 12 + extract(month from (${day})::date)::int)
    - (substr(${birthYearMonth}, 1, 4)::int * 12 + substr(${birthYearMonth}, 6, 2)::int))`;
  return sql`(case when ${birthDate} is not null then
      (case when (${day})::date >= ${birthDate} then ${exact} end)
    when ${birthYearMonth} ~ '^[0-9]{4}-[0-9]{2}$' and ${byMonth} >= 0 then ${byMonth} end)`;
}

/**
 * Joins the unit's minor as `m`: sex, citizenship and the age in months on the day (`m.months`). A lateral lookup by primary key, fenced (`offset 0`) so that the age expression
 * is computed once per unit and the registry is read by index, not scanned: the units are tens of
 * thousands, the registry may hold a million minors.
 */
export function minorWithAge(minorId: SQL, day: SQL): SQL {
  return sql`cross join lateral (
      select minor.sex, minor.citizenship,
        ${ageMonthsSql(sql`minor.birth_date`, sql`minor.birth_year_month`, day)} as months
      from minor where minor.id = ${minorId} offset 0
    ) m`;
}

export function ageClassSql(ageMonths: SQL): SQL {
  const branches = ageClassMonthBounds.map(
    (bound) => sql`when ${ageMonths} < ${sql.raw(String(bound.below))} then '${sql.raw(bound.code)}'`,
  );
  return sql`(case when ${ageMonths} is null then 'unknown' ${sql.join(branches, sql` `)} else '18-21' end)`;
}

/** `young-adult` from 18 years on; a person of unknown age is counted among minors. */
export function ageGroupSql(ageMonths: SQL): SQL {
  return sql`(case when ${ageMonths} >= ${sql.raw(String(adulthoodMonths))} then 'young-adult' else 'minor' end)`;
}

export function citizenshipGroupSql(msna: SQL, citizenship: SQL): SQL {
  return sql`(case when ${msna} then 'msna' when ${citizenship} = '100' then 'italian'
    when coalesce(${citizenship}, '') = '' then 'unknown' else 'foreign' end)`;
}

/** Completed years since admission on a day, in the spec's four classes. */
export function lengthOfStaySql(admission: SQL, day: SQL): SQL {
  const years = sql`extract(year from age(${day}, ${admission}))`;
  return sql`(case when ${years} < 1 then '<1y' when ${years} < 2 then '1-2y' when ${years} < 4 then '2-4y' else '>4y' end)`;
}

/** From the referring service's comune, joined as `referring` (comune table). */
export function provenanceSql(context: DefinitionContext, referringComune: SQL): SQL {
  return sql`(case when ${referringComune} is null then 'unknown'
    when referring.region_code = ${context.regionCode} then 'in-region'
    when referring.region_code is not null then 'out-of-region' else 'unknown' end)`;
}

/** A code of a closed list, or `unknown` when missing. */
export function codeOrUnknown(column: SQL): SQL {
  return sql`coalesce(${column}, 'unknown')`;
}

/**
 * Each structure as it was on a day, as known at the instant: the version with the latest
 * valid_from ≤ D among those recorded by then (ties by version number).
 */
export function structureOn(context: KnowledgeContext, day: SQL): SQL {
  const recorded = context.isLatest ? sql`true` : sql`v.recorded_at <= ${context.asOf}::timestamptz`;
  return sql`(
    select distinct on (v.structure_id) v.structure_id, v.name, v.status, v.national_type, v.comune,
      v.authorised_places, v.emergency_extra_places, v.record->>'istatCharacter' as istat_character,
      v.record->>'istatFunction' as istat_function
    from structure_version v
    where v.valid_from <= ${day} and ${recorded}
    order by v.structure_id, v.valid_from desc, v.version desc
  )`;
}

/** The zone (of this region) of a comune: `left join ${zoneOfComune(...)} as zone_of on zone_of.comune_code = …`. */
export function zoneOfComune(context: KnowledgeContext): SQL {
  return sql`(
    select zc.comune_code, z.code as zone_code, z.name as zone_name
    from zone_comune zc join zone z on z.code = zc.zone_code
    where z.region_code = ${context.regionCode}
  )`;
}

/** The region's provinces (abbreviations) and zones, in code order: the values of those dimensions. */
export async function findTerritory(context: DefinitionContext) {
  const provinces = await queryList(
    context.db,
    sql`select province_abbreviation as value from comune where region_code = ${context.regionCode}
        group by province_code, province_abbreviation order by province_code`,
  );
  const zones = await queryList(
    context.db,
    sql`select code as value from zone where region_code = ${context.regionCode} order by code`,
  );
  return { provinces, zones };
}

async function queryList(db: Executor, query: SQL): Promise<string[]> {
  const result = (await db.execute(query)) as unknown as { rows: { value: string }[] };
  return result.rows.map((row) => row.value);
}
