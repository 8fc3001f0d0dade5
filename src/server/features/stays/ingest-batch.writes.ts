import type { Transaction } from "../../../db/database.ts";
import type { StayBatchState } from "../../../domain/stays/stay-batch.state.ts";
import type { StaySummary } from "../../../domain/stays/stay-batch.types.ts";
import type { BatchMinorResolver } from "../registry/index.ts";
import { insertEventRows, saveProjections, updateOverlapFlags } from "./stays.queries.ts";

/**
 * The shell's half after the decisions: what the state recorded, written with multi-row
 * statements in dependency order: minors, stays, their children and flags, then the events.
 */
export async function writeBatchState(tx: Transaction, state: StayBatchState, resolver: BatchMinorResolver) {
  const stayOf = (id: string) => state.stays.get(id) as StaySummary;
  await resolver.flush(tx);
  await saveProjections(
    tx,
    [...state.touched.values()].map((touched) => ({
      ...touched,
      hasOverlap: stayOf(touched.stayId).hasOverlap,
    })),
  );
  await updateOverlapFlags(
    tx,
    [...state.flagsBefore]
      .filter(([stayId, before]) => !state.touched.has(stayId) && stayOf(stayId).hasOverlap !== before)
      .map(([stayId]) => ({ id: stayId, hasOverlap: stayOf(stayId).hasOverlap })),
  );
  await insertEventRows(tx, state.records);
}
