import type { MinorIdentity } from "../registry/minor-identity.ts";
import { addDays } from "../time/calendar.ts";
import { parseStayEvent } from "./parse-stay-event.ts";
import { StayBatchState } from "./stay-batch.state.ts";
import type {
  MinorRegistryView,
  PendingMinorResolution,
  PreparedEvent,
  StaySummary,
} from "./stay-batch.types.ts";

/**
 * A small world for the stays pipeline's core, held in memory: two structures of two operators,
 * a registry that knows minors by name, and the shell's preparation of raw events (parsing, id,
 * digest) without a database.
 */

export const today = "2026-03-15";
export const recordedAt = "2026-03-15T09:00:00.000Z";
export const day = (offset: number) => addDays(today, offset);

export const structures = {
  ST000001: { id: "s1", code: "ST000001", status: "active", operatorOrganisationId: "org-1" },
  ST000002: { id: "s2", code: "ST000002", status: "active", operatorOrganisationId: "org-2" },
};

export const admissionContent = {
  kind: "planned",
  legalBasis: "judicial",
  referringService: { code: "SVC-1", comune: "048017" },
  withParent: false,
  origin: "family-of-origin",
  reasons: ["7"],
} as const;
export const dischargeContent = { reason: "project-completed", destination: "family-of-origin" } as const;

let counter = 0;
/** A fresh event id (a UUID, as the standard asks), unique across the test file. */
export function eventId() {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, "0")}`;
}

type Raw = Record<string, unknown> & { id: string; type: string };

export const raw = {
  admission: (stayRef: string, occurredOn: string, minor: object = {}, extra = {}) =>
    envelope("admission", stayRef, occurredOn, {
      minor: { familyName: "Rossi", givenName: "Luca", sex: "M", birthDate: "2012-05-05", ...minor },
      admission: admissionContent,
      ...extra,
    }),
  discharge: (stayRef: string, occurredOn: string, extra = {}) =>
    envelope("discharge", stayRef, occurredOn, { discharge: dischargeContent, ...extra }),
  absenceStart: (stayRef: string, occurredOn: string, extra = {}) =>
    envelope("absence-start", stayRef, occurredOn, { absence: { kind: "hospital" }, ...extra }),
  absenceEnd: (stayRef: string, occurredOn: string, extra = {}) =>
    envelope("absence-end", stayRef, occurredOn, extra),
  activity: (stayRef: string, occurredOn: string, extra = {}) =>
    envelope("activity", stayRef, occurredOn, { activity: { code: "school" }, ...extra }),
  correction: (stayRef: string, occurredOn: string, corrects: string, content: object) =>
    envelope("correction", stayRef, occurredOn, { corrects, ...content }),
  void: (stayRef: string, occurredOn: string, voids: string) =>
    envelope("void", stayRef, occurredOn, { voids }),
};

function envelope(type: string, stayRef: string, occurredOn: string, extra: object): Raw {
  const { structureCode = "ST000001", ...rest } = extra as { structureCode?: string };
  return { id: eventId(), type, structureCode, stayRef, occurredOn, ...rest };
}

/** What the shell prepares of a raw event: its parsing, its id and a digest of its content. */
export function prepare(event: Raw): PreparedEvent {
  return { parsed: parseStayEvent(event, today), id: event.id, digest: JSON.stringify(event), raw: event };
}

/**
 * The registry as a batch sees it: a minor is known by family name; an unknown one is created,
 * and becomes known only once its resolution is committed (an accepted admission).
 */
export class FakeRegistry implements MinorRegistryView {
  readonly known = new Map<string, string>();
  readonly committed: string[] = [];
  /** Family names the registry finds similar to a known minor. */
  readonly similar = new Set<string>();
  /** Family names whose identity the registry refuses, as its checks would. */
  readonly refused = new Map<string, Error>();

  resolve(identity: MinorIdentity): PendingMinorResolution {
    const name = identity.familyName ?? "";
    const refusal = this.refused.get(name);
    if (refusal) throw refusal;
    const linked = this.known.get(name);
    const minorId = linked ?? `minor-${name}`;
    const outcome = linked ? "linked" : this.similar.has(name) ? "possible-duplicate" : "created";
    return {
      minorId,
      pseudonym: `P-${name}`,
      outcome,
      commit: () => {
        this.committed.push(name);
        this.known.set(name, minorId);
      },
    };
  }
}

export type World = { state: StayBatchState; registry: FakeRegistry; newStayIds: string[] };

/** A prepared state as the shell leaves it: structures read, places of structure s1, nothing stored yet. */
export function worldOf(
  options: { mayWrite?: (structure: { id: string }) => boolean; places?: number } = {},
) {
  const registry = new FakeRegistry();
  const newStayIds: string[] = [];
  const state = new StayBatchState({
    sender: { kind: "client", id: "client-1", mayWrite: options.mayWrite ?? (() => true) },
    registry,
    today,
    recordedAt,
    newStayId: () => {
      const id = `stay-${newStayIds.length + 1}`;
      newStayIds.push(id);
      return id;
    },
  });
  for (const structure of Object.values(structures)) state.structures.set(structure.code, structure);
  state.versions.set("s1", [
    { validFrom: "2020-01-01", version: 1, authorisedPlaces: options.places ?? 10, emergencyExtraPlaces: 0 },
  ]);
  return { state, registry, newStayIds } satisfies World;
}

/** A stay stored before the batch, of a minor the registry knows and whose stays the shell read. */
export function storedStay(world: World, familyName: string, row: Partial<StaySummary> & { id: string }) {
  const minorId = `minor-${familyName}`;
  world.registry.known.set(familyName, minorId);
  world.state.loadedMinors.add(minorId);
  const summary: StaySummary = {
    structureId: "s2",
    stayRef: `ref-${row.id}`,
    minorId,
    admissionDate: day(-60),
    dischargeDate: null,
    hasOverlap: false,
    ...row,
  };
  world.state.load(summary);
  world.state.events.set(summary.id, []);
  return summary;
}
