/**
 * Ten years of stays for the reports base, written in bulk as the ASMI pipeline would have left
 * them: `stay` rows as its projection writes them (open or closed, as known now), and the
 * `stay_history` versions the trigger on `stay` would have written as the admission, any
 * correction of the admission date, and the discharge were recorded one after the other, days
 * after the facts. The trigger is off while the rows go in (its result is written directly) and
 * back on afterwards.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../src/db/database.ts";
import { dayOf, insertRows, isoOf, monthOf, recordingOf, sampler, seededRandom } from "./bulk.ts";
import { type PlannedChild, planStays } from "./stay-plan.ts";
import type { MinorPool, RegistryPools } from "./synthetic-minors.ts";
import type { SyntheticStructure } from "./synthetic-structures.ts";

const stayColumns = [
  "id",
  "structure_id",
  "stay_ref",
  "minor_id",
  "status",
  "admission_date",
  "admission_kind",
  "legal_basis",
  "referring_service_code",
  "referring_comune",
  "with_parent",
  "origin",
  "reasons",
  "msna",
  "discharge_date",
  "discharge_reason",
  "discharge_destination",
  "has_overlap",
  "updated_at",
] as const;
const historyColumns = [
  "stay_id",
  "structure_id",
  "minor_id",
  "status",
  "admission_date",
  "admission_kind",
  "legal_basis",
  "referring_comune",
  "origin",
  "msna",
  "discharge_date",
  "discharge_reason",
  "discharge_destination",
  "recorded_from",
  "recorded_to",
] as const;

export type StaysSummary = {
  children: number;
  stays: number;
  historyRows: number;
  msnaStays: number;
  overlappingStays: number;
  correctedStays: number;
  /** Mean number of children present over forty days of the ten years, as planned. */
  meanPresent: number;
};

/** Takes an unused child born in `month`, else in the nearest month with one left (never after `latest`). */
export function takeMinor(
  pool: MinorPool,
  month: number,
  latest: number,
): { id: string; month: number } | undefined {
  for (let offset = 0; offset <= 36; offset++) {
    for (const candidate of offset === 0 ? [month] : [month - offset, month + offset]) {
      if (candidate > latest) continue;
      const ids = pool.get(candidate);
      const id = ids?.pop();
      if (id !== undefined) return { id, month: candidate };
    }
  }
  return undefined;
}

export async function loadSyntheticStays(
  db: Database,
  options: {
    pools: RegistryPools;
    structures: SyntheticStructure[];
    today: string;
    regionCode: string;
    present: number;
    seed?: number;
  },
): Promise<StaysSummary> {
  const random = seededRandom((options.seed ?? 11) + 1);
  const sampling = sampler(random);
  const { pick, between } = sampling;
  const now = Date.now();
  const today = dayOf(options.today);
  const { children, meanPresent } = planStays({
    structures: options.structures,
    today,
    present: options.present,
    seed: options.seed,
  });
  const comuni = await queryRows<{ code: string; inRegion: boolean }>(
    db,
    sql`select istat_code as code, region_code = ${options.regionCode} as "inRegion" from comune where valid_to is null`,
  );
  const regionComuni = comuni.filter((c) => c.inRegion).map((c) => c.code);
  const otherComuni = comuni.filter((c) => !c.inRegion).map((c) => c.code);
  /** The instant a fact of `day` was recorded (after `after`), or null if it is not recorded yet. */
  const recorded = recordingOf(sampling, now, [
    [[0, 2], 70],
    [[3, 10], 25],
    [[11, 60], 5],
  ]);

  const stays: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const summary: StaysSummary = {
    children: 0,
    stays: 0,
    historyRows: 0,
    msnaStays: 0,
    overlappingStays: 0,
    correctedStays: 0,
    meanPresent,
  };
  const assign = (child: PlannedChild) => {
    const latest = monthOf(isoOf(child.stays[0].admission));
    const taken =
      (child.msna ? takeMinor(options.pools.unaccompanied, child.birthMonth, latest) : undefined) ??
      takeMinor(options.pools.others, child.birthMonth, latest);
    if (!taken) throw new Error("the registry has too few children for these stays: raise its size");
    return taken.id;
  };
  let reference = 0;
  const flush = async (tx: Executor) => {
    await insertRows(tx, "stay", stayColumns, stays.splice(0));
    summary.historyRows += history.length;
    await insertRows(tx, "stay_history", historyColumns, history.splice(0));
  };
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table stay disable trigger stay_history_on_change`);
    for (const child of children) {
      if (stays.length >= 20_000) await flush(tx);
      const minorId = assign(child);
      summary.children++;
      for (const planned of child.stays) {
        const admittedAt = recorded(planned.admission);
        if (admittedAt === null) continue;
        const dischargedAt = planned.discharge === null ? null : recorded(planned.discharge, admittedAt);
        const closed = planned.discharge !== null && dischargedAt !== null;
        const structure = planned.structure;
        const referringComune =
          random() < 0.6 ? structure.comune : random() < 0.7 ? pick(regionComuni) : pick(otherComuni);
        const row = {
          id: randomUUID(),
          structure_id: structure.id,
          stay_ref: `R${String(++reference).padStart(8, "0")}`,
          minor_id: minorId,
          status: closed ? "closed" : "open",
          admission_date: isoOf(planned.admission),
          admission_kind: planned.admissionKind,
          legal_basis: planned.legalBasis,
          referring_service_code: `SVC-${referringComune}-01`,
          referring_comune: referringComune,
          with_parent: structure.nationalType === "bambino-genitore",
          origin: planned.origin,
          reasons: planned.reasons,
          msna: child.msna,
          discharge_date: closed ? isoOf(planned.discharge as number) : null,
          discharge_reason: closed ? planned.dischargeReason : null,
          discharge_destination: closed ? planned.dischargeDestination : null,
          has_overlap: planned.overlaps,
          updated_at: (closed ? dischargedAt : admittedAt) as string,
        };
        const version = (values: Partial<typeof row>, from: string, to: string | null) => {
          const merged = { ...row, ...values };
          history.push({
            stay_id: row.id,
            structure_id: row.structure_id,
            minor_id: row.minor_id,
            status: merged.status,
            admission_date: merged.admission_date,
            admission_kind: row.admission_kind,
            legal_basis: row.legal_basis,
            referring_comune: row.referring_comune,
            origin: row.origin,
            msna: row.msna,
            discharge_date: merged.discharge_date,
            discharge_reason: merged.discharge_reason,
            discharge_destination: merged.discharge_destination,
            recorded_from: from,
            recorded_to: to,
          });
        };
        const open = {
          status: "open",
          discharge_date: null,
          discharge_reason: null,
          discharge_destination: null,
        };
        // Some admissions are first sent with a wrong date and corrected days later.
        let openFrom = admittedAt;
        const correctedAt = random() < 0.03 ? recorded(planned.admission + between(1, 20), admittedAt) : null;
        if (correctedAt !== null && (dischargedAt === null || correctedAt < dischargedAt)) {
          const wrong = planned.admission + (random() < 0.5 ? -1 : 1) * between(1, 10);
          version({ ...open, admission_date: isoOf(wrong) }, admittedAt, correctedAt);
          openFrom = correctedAt;
          summary.correctedStays++;
          if (!closed) row.updated_at = correctedAt;
        }
        version(open, openFrom, closed ? dischargedAt : null);
        if (closed) version({}, dischargedAt as string, null);
        stays.push(row);
        summary.stays++;
        if (row.msna) summary.msnaStays++;
        if (row.has_overlap) summary.overlappingStays++;
      }
    }
    await flush(tx);
    await tx.execute(sql`alter table stay enable trigger stay_history_on_change`);
  });
  return summary;
}
