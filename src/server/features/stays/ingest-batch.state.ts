import type { Transaction } from "../../../db/database.ts";
import { isPresentOn, staysOverlap } from "../../../domain/stays/presence.ts";
import type { RecordedEvent, StayProjection } from "../../../domain/stays/stay-projection.ts";
import type { StayView } from "./stay-rules.ts";
import { findStaysOfMinors, lockKeys, type StayRow } from "./stays.queries.ts";

/** A stay as the batch sees it: as stored, then as each accepted event of the batch leaves it. */
export type Touched = {
  stayId: string;
  structureId: string;
  stayRef: string;
  projection: StayProjection;
  absences: boolean;
  activities: boolean;
};

/**
 * The batch's view of the database: what it read at the start, then changed by each accepted
 * event in request order, exactly as the one-by-one pipeline would have found the tables.
 */
export class BatchState implements StayView {
  readonly stays = new Map<string, StayRow>();
  readonly stayByRef = new Map<string, string>();
  readonly staysOfMinor = new Map<string, Set<string>>();
  readonly staysOfStructure = new Map<string, Set<string>>();
  readonly loadedMinors = new Set<string>();
  readonly events = new Map<string, RecordedEvent[]>();
  readonly touched = new Map<string, Touched>();
  /** Stays whose overlap flag changed, with their original flag. */
  readonly flagsBefore = new Map<string, boolean>();
  versions = new Map<
    string,
    { validFrom: string; version: number; authorisedPlaces: number; emergencyExtraPlaces: number }[]
  >();

  constructor(
    private readonly tx: Transaction,
    private readonly lockedMinors: Set<string>,
  ) {}

  put(row: StayRow) {
    const before = this.stays.get(row.id);
    if (before?.minorId && before.minorId !== row.minorId)
      this.staysOfMinor.get(before.minorId)?.delete(row.id);
    this.stays.set(row.id, row);
    this.stayByRef.set(`${row.structureId}|${row.stayRef}`, row.id);
    if (row.minorId) {
      const set = this.staysOfMinor.get(row.minorId) ?? new Set<string>();
      set.add(row.id);
      this.staysOfMinor.set(row.minorId, set);
    }
    const ofStructure = this.staysOfStructure.get(row.structureId) ?? new Set<string>();
    ofStructure.add(row.id);
    this.staysOfStructure.set(row.structureId, ofStructure);
  }

  /** Stored stays read at the start are added only where the batch has not changed them. */
  load(row: StayRow) {
    if (!this.stays.has(row.id)) this.put(row);
  }

  /** The minor's lock and all its stays, read once, when the batch did not read them at the start. */
  async lockMinor(minorId: string) {
    if (this.loadedMinors.has(minorId)) return;
    if (!this.lockedMinors.has(minorId)) {
      await lockKeys(this.tx, [`minor|${minorId}`]);
      this.lockedMinors.add(minorId);
      for (const row of await findStaysOfMinors(this.tx, [minorId])) this.load(row);
    }
    this.loadedMinors.add(minorId);
  }

  async overlapping(minorId: string, stayId: string, from: string, to: string | null) {
    await this.lockMinor(minorId);
    return [...(this.staysOfMinor.get(minorId) ?? [])]
      .map((id) => this.stays.get(id) as StayRow)
      .filter(
        (other) =>
          other.minorId === minorId &&
          other.id !== stayId &&
          staysOverlap(other, { admissionDate: from, dischargeDate: to }),
      );
  }

  async placesOn(structureId: string, day: string) {
    return (this.versions.get(structureId) ?? []).find((version) => version.validFrom <= day);
  }

  async countPresent(structureId: string, day: string, excludingStayId: string) {
    const minors = new Set<string>();
    for (const id of this.staysOfStructure.get(structureId) ?? []) {
      const row = this.stays.get(id) as StayRow;
      if (row.structureId === structureId && id !== excludingStayId && row.minorId && isPresentOn(row, day))
        minors.add(row.minorId);
    }
    return minors.size;
  }

  /** refreshOverlaps in memory: every stay of the minor flagged while it meets another. */
  refreshOverlaps(minorId: string) {
    const rows = [...(this.staysOfMinor.get(minorId) ?? [])].map((id) => this.stays.get(id) as StayRow);
    for (const row of rows) {
      const overlaps = rows.some((other) => other.id !== row.id && staysOverlap(row, other));
      this.setFlag(row, overlaps);
    }
  }

  setFlag(row: StayRow, hasOverlap: boolean) {
    if (row.hasOverlap === hasOverlap) return;
    if (!this.flagsBefore.has(row.id)) this.flagsBefore.set(row.id, row.hasOverlap);
    row.hasOverlap = hasOverlap;
  }
}
