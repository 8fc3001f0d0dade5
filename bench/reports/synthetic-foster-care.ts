/**
 * Ten years of foster care for the reports base (planned by foster-care-plan.ts), written in
 * bulk: social services of the region (organisations of kind `social-service`) and the
 * `foster_care_history` versions the trigger on `social_case` (migration 0024) would have written
 * as each case's facts were recorded, days after them: an episode's start (some first sent with
 * a wrong date and corrected days later), its end and outcome, the closure of the case. Each
 * change of a case closes the current versions of all its episodes and writes them again, as the
 * trigger does. The rows are written directly, without cases (the reports do not read them).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../src/db/database.ts";
import { dayOf, insertRows, isoOf, monthOf, recordingOf, sampler, seededRandom } from "./bulk.ts";
import { isOutOfFamily, type KnownStay, planFosterCare } from "./foster-care-plan.ts";
import type { RegistryPools } from "./synthetic-minors.ts";
import { takeMinor } from "./synthetic-stays.ts";

export type FosterCareSummary = {
  services: number;
  cases: number;
  episodes: number;
  historyRows: number;
  /** Episodes that are daytime or of under five nights a week: not out of family. */
  notOutOfFamily: number;
  correctedEpisodes: number;
  /** Cases whose minor is also in a structure during the foster care. */
  casesWithStay: number;
  /** Mean number in out-of-family foster care (and of them in a structure too) over forty days of the ten years, as planned. */
  meanPresent: number;
  meanInBoth: number;
  /** Minors in out-of-family foster care on each reference day (current versions), and of them in a structure too. */
  presentOn: { day: string; fosterCare: number; alsoInStructure: number }[];
};

const historyColumns = [
  "episode_id",
  "case_id",
  "minor_id",
  "service_organisation_id",
  "start_date",
  "end_date",
  "case_closed_on",
  "form",
  "kind",
  "duration",
  "character",
  "nights_per_week",
  "outcome",
  "recorded_from",
  "recorded_to",
] as const;

export async function loadSyntheticFosterCare(
  db: Database,
  options: {
    pools: RegistryPools;
    today: string;
    regionCode: string;
    /** Minors in out-of-family foster care on an ordinary day of the ten years. */
    present: number;
    /** Days on which to count who is in foster care, for the summary. */
    referenceDays: readonly string[];
    seed?: number;
  },
): Promise<FosterCareSummary> {
  const random = seededRandom((options.seed ?? 23) + 1);
  const sampling = sampler(random);
  const { pick, between } = sampling;
  const now = Date.now();
  const stays = (
    await queryRows<{ minorId: string; birthYearMonth: string; admission: string; discharge: string | null }>(
      db,
      sql`select s.minor_id as "minorId", m.birth_year_month as "birthYearMonth",
            s.admission_date::text as admission, s.discharge_date::text as discharge
          from stay s join minor m on m.id = s.minor_id
          where not s.msna and s.status in ('open', 'closed') and s.admission_date is not null
          order by s.stay_ref`,
    )
  ).map(
    (row): KnownStay => ({
      minorId: row.minorId,
      birthMonth: monthOf(row.birthYearMonth),
      admission: dayOf(row.admission),
      discharge: row.discharge === null ? null : dayOf(row.discharge),
    }),
  );
  const { cases, meanPresent, meanInBoth } = planFosterCare({
    today: dayOf(options.today),
    present: options.present,
    stays,
    seed: options.seed,
  });

  const services = await insertServices(db, options.regionCode);
  /** The instant a fact of `day` was recorded (after `after`), or null if it is not recorded yet. */
  const recorded = recordingOf(sampling, now, [
    [[0, 2], 65],
    [[3, 15], 28],
    [[16, 90], 7],
  ]);
  const summary: FosterCareSummary = {
    services: services.length,
    cases: 0,
    episodes: 0,
    historyRows: 0,
    notOutOfFamily: 0,
    correctedEpisodes: 0,
    casesWithStay: 0,
    meanPresent,
    meanInBoth,
    presentOn: [],
  };
  const history: Record<string, unknown>[] = [];
  const flush = async (tx: Executor) => {
    summary.historyRows += history.length;
    await insertRows(tx, "foster_care_history", historyColumns, history.splice(0));
  };
  await db.transaction(async (tx) => {
    for (const plannedCase of cases) {
      if (history.length >= 20_000) await flush(tx);
      const minorId =
        plannedCase.minorId ??
        takeMinor(options.pools.others, plannedCase.birthMonth, monthOf(isoOf(plannedCase.episodes[0].start)))
          ?.id;
      if (minorId === undefined)
        throw new Error("the registry has too few children for this foster care: raise its size");
      const caseId = randomUUID();
      const service = pick(services);
      /** What the case's projection holds, as its facts are recorded one after the other. */
      const known: Record<string, unknown>[] = [];
      let closedOn: string | null = null;
      const events: { at: string; apply: () => void }[] = [];
      let latest: string | undefined;
      let previousStart: string | undefined;
      const update = (id: string, values: Record<string, unknown>) => () =>
        Object.assign(known.find((episode) => episode.episode_id === id) ?? {}, values);
      for (const [position, episode] of plannedCase.episodes.entries()) {
        // A case's episodes are recorded in order: a new family after the end of the previous one.
        const startedAt = recorded(episode.start, previousStart);
        if (startedAt === null) break;
        previousStart = startedAt;
        const row = {
          episode_id: randomUUID(),
          start_date: isoOf(episode.start),
          end_date: null as string | null,
          form: episode.form,
          kind: episode.kind,
          duration: "1",
          character: episode.character,
          nights_per_week: episode.nights,
          outcome: null as string | null,
        };
        let lastAt = startedAt;
        const correctedAt = random() < 0.04 ? recorded(episode.start + between(1, 20), startedAt) : null;
        if (correctedAt !== null) {
          const wrong = isoOf(episode.start + (random() < 0.5 ? -1 : 1) * between(1, 10));
          events.push({ at: startedAt, apply: () => known.push({ ...row, start_date: wrong }) });
          events.push({ at: correctedAt, apply: update(row.episode_id, { start_date: row.start_date }) });
          lastAt = correctedAt;
          summary.correctedEpisodes++;
        } else events.push({ at: startedAt, apply: () => known.push({ ...row }) });
        const isLast = position === plannedCase.episodes.length - 1;
        if (episode.end !== null && !(isLast && plannedCase.endUnrecorded)) {
          const endedAt = recorded(episode.end, lastAt);
          if (endedAt !== null) {
            const end = { end_date: isoOf(episode.end), outcome: episode.outcome };
            events.push({ at: endedAt, apply: update(row.episode_id, end) });
            lastAt = endedAt;
          }
        }
        latest = latest === undefined || lastAt > latest ? lastAt : latest;
        summary.episodes++;
        if (!isOutOfFamily(episode)) summary.notOutOfFamily++;
      }
      if (latest === undefined) continue;
      const closure = plannedCase.closedOn;
      const closedAt = closure === null ? null : recorded(closure, latest);
      if (closure !== null && closedAt !== null)
        events.push({
          at: closedAt,
          apply: () => {
            closedOn = isoOf(closure);
          },
        });
      events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      // Each change closes the case's current versions and writes all its episodes again.
      let current: Record<string, unknown>[] = [];
      for (const event of events) {
        event.apply();
        for (const version of current) version.recorded_to = event.at;
        current = known.map((episode) => ({
          ...episode,
          case_id: caseId,
          minor_id: minorId,
          service_organisation_id: service,
          case_closed_on: closedOn,
          recorded_from: event.at,
          recorded_to: null,
        }));
        history.push(...current);
      }
      summary.cases++;
      if (plannedCase.minorId !== undefined) summary.casesWithStay++;
    }
    await flush(tx);
  });
  for (const day of options.referenceDays) summary.presentOn.push({ day, ...(await presentOn(db, day)) });
  return summary;
}

/** About forty social services, in comuni spread over the region's. Returns their ids. */
async function insertServices(db: Database, regionCode: string): Promise<string[]> {
  const comuni = await queryRows<{ code: string; name: string }>(
    db,
    sql`select istat_code as code, name from comune where region_code = ${regionCode} and valid_to is null order by istat_code`,
  );
  if (comuni.length === 0) throw new Error(`no comuni of region ${regionCode}: load reference data first`);
  const count = Math.min(40, comuni.length);
  const rows = Array.from({ length: count }, (_, index) => {
    const comune = comuni[Math.floor(((index + 0.5) * comuni.length) / count)];
    return {
      id: randomUUID(),
      code: `SS-${comune.code}`,
      name: `Servizio sociale di ${comune.name}`,
      kind: "social-service",
      comune: comune.code,
    };
  });
  await insertRows(db, "organisation", ["id", "code", "name", "kind", "comune"], rows);
  return rows.map((row) => row.id);
}

/** Minors in out-of-family foster care on a day (current versions), and of them present in a structure too. */
async function presentOn(db: Database, day: string) {
  const [counts] = await queryRows<{ fosterCare: number; alsoInStructure: number }>(
    db,
    sql`with foster as (
          select distinct f.minor_id from foster_care_history f
          where f.recorded_to is null and f.character = '1' and coalesce(f.nights_per_week, 7) >= 5
            and f.start_date <= ${day}::date
            and coalesce(least(f.end_date, f.case_closed_on), 'infinity'::date) > ${day}::date
        )
        select count(*)::int as "fosterCare",
          (count(*) filter (where exists (
            select from stay_history h
            where h.minor_id = foster.minor_id and h.recorded_to is null and h.status in ('open', 'closed')
              and h.admission_date <= ${day}::date and (h.discharge_date is null or h.discharge_date > ${day}::date)
          )))::int as "alsoInStructure"
        from foster`,
  );
  return counts;
}
