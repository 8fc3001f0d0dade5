import { isAppError } from "../errors/app-error.ts";
import { type Acceptance, type FactDecision, factDecider } from "../pipeline/decide-facts.ts";
import { decideInOrder } from "../pipeline/decide-in-order.ts";
import { eventProblem } from "./parse-stay-event.ts";
import { StayBatchState } from "./stay-batch.state.ts";
import type {
  EventPayload,
  PendingMinorResolution,
  PreparedEvent,
  StaySummary,
  StoredStayEvent,
  TouchedStay,
} from "./stay-batch.types.ts";
import type { StayEvent } from "./stay-event.schema.ts";
import { projectStay, type RecordedEvent } from "./stay-projection.ts";
import { checkEventAgainstStay, RuleRejection, warningsAfterProjection } from "./stay-rules.ts";

/** What an accepted event changes in the state, applied once it is decided. */
type AcceptedChange = {
  stay: StaySummary;
  hasOverlap: boolean;
  events: RecordedEvent[];
  touched: TouchedStay;
  resolutions: PendingMinorResolution[];
  /** Minors whose stays' overlap flags are recomputed: the stay's dates or minor changed. */
  refreshMinors: string[];
};

/** What the shell needs of an accepted event besides its record: the change, and for the audit entry the pseudonym. */
type StayAcceptedEffects = { change: AcceptedChange; pseudonym: string | null };

/** The decision on one event of a batch. */
export type StayEventDecision = FactDecision<"stayId", StoredStayEvent, StayAcceptedEffects>;

/** The event types that can move a stay's dates or its minor. */
const movesDates = new Set<StayEvent["type"]>(["admission", "discharge", "correction", "void"]);

/**
 * The ASMI pipeline's core: each event of a batch decided in request order against the prepared
 * state (idempotency, the stay rules, the admission's identity through the registry view, the
 * projection, overlap, capacity and late-report warnings). Pure: the shell reads before, writes after.
 */
export const stayEventDecider = factDecider({
  target: "stayId",
  sender: (state: StayBatchState) => state.context.sender,
  problem: (code, path) => eventProblem(code, path),
  accept: decideAccepted,
  refusal(error) {
    if (error instanceof RuleRejection) return error.errors;
    if (isAppError(error) && error.problems.length > 0)
      return error.problems.map((problem) => ({ ...problem, path: `/minor${problem.path}` }));
    return undefined;
  },
  applyAccepted(state, { change }) {
    for (const resolution of change.resolutions) {
      resolution.commit();
      // A minor created now has no stay yet, and no one else can know its id.
      if (resolution.outcome !== "linked") state.loadedMinors.add(resolution.minorId);
    }
    state.lastArrival += 1;
    state.events.set(change.stay.id, change.events);
    state.put(change.stay);
    state.setFlag(change.stay, change.hasOverlap);
    state.touched.set(change.stay.id, change.touched);
    for (const minorId of change.refreshMinors) state.refreshOverlaps(minorId);
  },
});

export function decideStayEvents(state: StayBatchState, prepared: readonly PreparedEvent[]) {
  return decideInOrder(stayEventDecider, state, prepared);
}

function decideAccepted(
  state: StayBatchState,
  event: StayEvent,
): Acceptance<StoredStayEvent, StayAcceptedEffects> {
  const { sender, registry, today, recordedAt } = state.context;
  const structure = state.structures.get(event.structureCode);
  if (!structure) throw new RuleRejection([eventProblem("unknown-structure", "/structureCode")]);
  if (!sender.mayWrite(structure))
    throw new RuleRejection([eventProblem("structure-not-allowed", "/structureCode")]);
  const existing = state.stayByReference(structure.id, event.stayRef);
  const stayId = existing?.id ?? state.context.newStayId();
  const events = state.events.get(stayId) ?? [];
  const checked = checkEventAgainstStay(
    (identity) => registry.resolve(identity),
    { today },
    {
      event,
      structureId: structure.id,
      stayId,
      events,
    },
  );
  const warnings = [...checked.warnings];
  if (event.occurredOn < state.lateReportBefore) warnings.push(eventProblem("late-report", "/occurredOn"));
  const recorded: RecordedEvent = {
    ...payloadOf(event),
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    sequence: event.sequence ?? null,
    arrival: state.lastArrival + 1,
    recordedAt,
    minorId: checked.minorId,
  };
  const projection = projectStay([...events, recorded]);
  const after = movesDates.has(event.type)
    ? warningsAfterProjection(state, {
        structureId: structure.id,
        stayId,
        projection,
        event,
        resolution: checked.resolution,
      })
    : { warnings: [], hasOverlap: existing?.hasOverlap ?? false };
  const allWarnings = [...warnings, ...after.warnings];
  const touched = state.touched.get(stayId);
  const payload = payloadOf(event);
  return {
    target: stayId,
    warnings: allWarnings,
    stored: {
      structureId: structure.id,
      stayId,
      occurredOn: event.occurredOn,
      sequence: event.sequence ?? null,
      minorId: checked.minorId,
      payload,
    },
    effects: {
      pseudonym: checked.pseudonym,
      change: {
        stay: {
          id: stayId,
          structureId: structure.id,
          stayRef: event.stayRef,
          minorId: projection.minorId,
          admissionDate: projection.admission?.date ?? null,
          dischargeDate: projection.discharge?.date ?? null,
          hasOverlap: existing?.hasOverlap ?? false,
        },
        hasOverlap: after.hasOverlap,
        events: [...events, recorded],
        resolutions: checked.resolution ? [checked.resolution] : [],
        touched: {
          stayId,
          structureId: structure.id,
          stayRef: event.stayRef,
          projection,
          // A stay's dates decide which of its absences and activities count (outside-stay).
          absences:
            (touched?.absences ?? false) ||
            event.type === "absence-start" ||
            event.type === "absence-end" ||
            movesDates.has(event.type),
          activities:
            (touched?.activities ?? false) || event.type === "activity" || movesDates.has(event.type),
        },
        refreshMinors: movesDates.has(event.type)
          ? [...new Set([projection.minorId, existing?.minorId].filter((id): id is string => !!id))]
          : [],
      },
    },
  };
}

/** What is kept of an event: everything but the identity, which went to the vault. */
export function payloadOf(event: StayEvent): EventPayload {
  switch (event.type) {
    case "admission":
      return { admission: event.admission, msna: event.minor.unaccompaniedForeignMinor ?? false };
    case "discharge":
      return { discharge: event.discharge };
    case "absence-start":
      return { absence: event.absence };
    case "activity":
      return { activity: event.activity };
    case "correction":
      return {
        corrects: event.corrects,
        admission: event.admission,
        discharge: event.discharge,
        reason: event.reason,
      };
    case "void":
      return { voids: event.voids, reason: event.reason };
    default:
      return {};
  }
}

export { StayBatchState };
