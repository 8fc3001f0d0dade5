import type { EarlierFactOutcome, FactRecord, PreparedFact } from "../pipeline/decide-facts.ts";
import type { MinorIdentity } from "../registry/minor-identity.ts";
import type { ParsedEvent } from "./parse-stay-event.ts";
import type { EventResult } from "./stay-api.schema.ts";
import type { RecordedEvent, StayProjection } from "./stay-projection.ts";

/** Who sends events: a person through the web app or a machine client, and what it may write. */
export type EventSender = {
  kind: "user" | "client";
  id: string;
  /** The structures this source may write: a machine client's registration, a user's scope. */
  mayWrite: (structure: { id: string; operatorOrganisationId: string }) => boolean;
};

/** An event of a batch once parsed, its id checked and its keyed digest computed (no database). */
export type PreparedEvent = PreparedFact<ParsedEvent> & { raw: unknown };

/** The outcome of one event, as its sender is told. */
/** One outcome per event, in the order received: the contract the routes answer with. */
export type { EventResult };

/** An event already stored under an id of the batch (by any source): idempotency. */
export type EarlierOutcome = EarlierFactOutcome<"stayId">;

/** A structure named by an event. */
export type StructureForEvents = {
  id: string;
  code: string | null;
  status: string;
  operatorOrganisationId: string;
};

/** The places of a structure's ASSO version, from the day it is valid. */
export type PlacesVersion = {
  validFrom: string;
  version: number;
  authorisedPlaces: number;
  emergencyExtraPlaces: number;
};

/** What the rules read of a stay: its reference, its minor, its days and its overlap flag. */
export type StaySummary = {
  id: string;
  structureId: string;
  stayRef: string;
  minorId: string | null;
  admissionDate: string | null;
  dischargeDate: string | null;
  hasOverlap: boolean;
};

/** What is kept of an event: everything but the identity, which went to the vault. */
export type EventPayload = Omit<
  RecordedEvent,
  "arrival" | "recordedAt" | "id" | "type" | "occurredOn" | "sequence"
>;

/** What an accepted event stores besides what every fact carries. */
export type StoredStayEvent = {
  structureId: string;
  stayId: string;
  occurredOn: string;
  sequence: number | null;
  minorId: string | null;
  payload: EventPayload;
};

/** An event as it is stored: an accepted one with its content, a rejected one with its errors only. */
export type EventRecord = FactRecord & Partial<StoredStayEvent>;

/** A resolution of the registry decided in memory: it takes effect only once committed. */
export type PendingMinorResolution = {
  minorId: string;
  pseudonym: string;
  outcome: "linked" | "created" | "possible-duplicate";
  commit(): void;
};

/**
 * The registry as a batch sees it once its identities are read (locks taken, index and vault
 * rows loaded by the shell): resolving an identity needs no database.
 */
export interface MinorRegistryView {
  resolve(identity: MinorIdentity): PendingMinorResolution;
}

/** A stay an accepted event recomputed, and which of its child rows the batch may have changed. */
export type TouchedStay = {
  stayId: string;
  structureId: string;
  stayRef: string;
  projection: StayProjection;
  absences: boolean;
  activities: boolean;
};
