import { addDays } from "../time/calendar.ts";
import { isPresentOn, staysOverlap } from "./presence.ts";
import type {
  EarlierOutcome,
  EventRecord,
  EventSender,
  MinorRegistryView,
  PlacesVersion,
  StaySummary,
  StructureForEvents,
  TouchedStay,
} from "./stay-batch.types.ts";
import type { RecordedEvent } from "./stay-projection.ts";

/** What the shell gives the core besides the rows it read. */
export type BatchContext = {
  sender: EventSender;
  /** The registry, its identities already read. */
  registry: MinorRegistryView;
  /** The day of the batch in Europe/Rome: late reports are judged against it. */
  today: string;
  /** The instant the batch is recorded at (its transaction's). */
  recordedAt: string;
  /** A new stay's id. */
  newStayId: () => string;
};

/**
 * The prepared state of a batch of stay events: what the shell read in the batch's transaction
 * (locks already taken), then changed by each accepted event in request order, exactly as the
 * events sent one by one would have found the tables. Every minor whose stays a decision can
 * need is loaded before the first decision: asking for another is a programming error.
 */
export class StayBatchState {
  readonly structures = new Map<string, StructureForEvents>();
  /** The batch's ids already stored, then those the batch decides. */
  readonly earlier = new Map<string, EarlierOutcome>();
  readonly stays = new Map<string, StaySummary>();
  readonly stayByRef = new Map<string, string>();
  readonly staysOfMinor = new Map<string, Set<string>>();
  readonly staysOfStructure = new Map<string, Set<string>>();
  /** Minors whose every stay is in `stays` (read at the start, or created by the batch). */
  readonly loadedMinors = new Set<string>();
  /** The accepted events of each stay read or written, in arrival order. */
  readonly events = new Map<string, RecordedEvent[]>();
  /** Every version of the structures the batch admits into, newest first. */
  versions = new Map<string, PlacesVersion[]>();
  readonly lateReportBefore: string;

  /** The decisions' effects, for the writes: stays recomputed, flags changed, events to store. */
  readonly touched = new Map<string, TouchedStay>();
  /** Stays whose overlap flag changed, with their original flag. */
  readonly flagsBefore = new Map<string, boolean>();
  readonly records: EventRecord[] = [];
  /** In-memory arrival order of the batch's accepted events: after every stored one. */
  lastArrival = Number.MAX_SAFE_INTEGER - 2_000_000;

  constructor(readonly context: BatchContext) {
    this.lateReportBefore = addDays(context.today, -7);
  }

  static keyOf(structureId: string, stayRef: string) {
    return `${structureId}|${stayRef}`;
  }

  put(row: StaySummary) {
    const before = this.stays.get(row.id);
    if (before?.minorId && before.minorId !== row.minorId)
      this.staysOfMinor.get(before.minorId)?.delete(row.id);
    this.stays.set(row.id, row);
    this.stayByRef.set(StayBatchState.keyOf(row.structureId, row.stayRef), row.id);
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
  load(row: StaySummary) {
    if (!this.stays.has(row.id)) this.put(row);
  }

  stayByReference(structureId: string, stayRef: string): StaySummary | undefined {
    const id = this.stayByRef.get(StayBatchState.keyOf(structureId, stayRef));
    return id ? this.stays.get(id) : undefined;
  }

  /** The minor's stays but one: all of them, since the shell read every stay of the minor. */
  otherStaysOf(minorId: string, stayId: string): StaySummary[] {
    if (!this.loadedMinors.has(minorId)) throw new Error("a minor's stays were not read before the batch");
    return [...(this.staysOfMinor.get(minorId) ?? [])]
      .map((id) => this.stays.get(id) as StaySummary)
      .filter((other) => other.minorId === minorId && other.id !== stayId);
  }

  placesOn(structureId: string, day: string) {
    return (this.versions.get(structureId) ?? []).find((version) => version.validFrom <= day);
  }

  /** Minors present in a structure on a day, but for one stay (the shell read the stays present then). */
  countPresent(structureId: string, day: string, excludingStayId: string) {
    const minors = new Set<string>();
    for (const id of this.staysOfStructure.get(structureId) ?? []) {
      const row = this.stays.get(id) as StaySummary;
      if (row.structureId === structureId && id !== excludingStayId && row.minorId && isPresentOn(row, day))
        minors.add(row.minorId);
    }
    return minors.size;
  }

  /** Every stay of the minor flagged while it overlaps another of the same minor. */
  refreshOverlaps(minorId: string) {
    if (!this.loadedMinors.has(minorId)) throw new Error("a minor's stays were not read before the batch");
    const rows = [...(this.staysOfMinor.get(minorId) ?? [])].map((id) => this.stays.get(id) as StaySummary);
    for (const row of rows) {
      this.setFlag(
        row,
        rows.some((other) => other.id !== row.id && staysOverlap(row, other)),
      );
    }
  }

  setFlag(row: StaySummary, hasOverlap: boolean) {
    if (row.hasOverlap === hasOverlap) return;
    if (!this.flagsBefore.has(row.id)) this.flagsBefore.set(row.id, row.hasOverlap);
    row.hasOverlap = hasOverlap;
  }
}
