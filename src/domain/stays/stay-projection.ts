import type { AbsenceKind, ActivityCode } from "../code-lists/interchange-codes.ts";
import { effectiveFacts, knownAt, type RecordedFact } from "../pipeline/recorded-history.ts";
import { addDays, todayInRome } from "../time/calendar.ts";
import type { AdmissionContent, DischargeContent, StayEventType } from "./stay-event.schema.ts";

/** An accepted event as stored: identity already resolved to a minor, nothing identifying kept. */
export type RecordedEvent = RecordedFact & {
  type: StayEventType;
  occurredOn: string;
  sequence: number | null;
  minorId?: string | null;
  msna?: boolean;
  admission?: AdmissionContent;
  discharge?: DischargeContent;
  absence?: { kind: AbsenceKind };
  activity?: { code: ActivityCode; until?: string; hours?: number };
  reason?: string;
};

export type StayProjection = {
  status: "empty" | "waiting" | "open" | "closed";
  minorId: string | null;
  msna: boolean;
  /** The admission was recorded more than 30 days after the day it names: to be confirmed. */
  isBackdated: boolean;
  admission: { eventId: string; date: string; content: AdmissionContent } | null;
  discharge: { eventId: string; date: string; content: DischargeContent } | null;
  absences: { eventId: string; kind: AbsenceKind; from: string; to: string | null }[];
  activities: {
    eventId: string;
    code: ActivityCode;
    from: string;
    until: string | null;
    hours: number | null;
  }[];
};

/** The standard's order: the day of the fact, then the sender's sequence, then arrival. */
export function compareEvents(a: RecordedEvent, b: RecordedEvent): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  const sequence = (a.sequence ?? 0) - (b.sequence ?? 0);
  return sequence !== 0 ? sequence : a.arrival - b.arrival;
}

/**
 * A stay is a pure function of its accepted events: the order they arrived in does not matter
 * (beyond the standard's tie-break), corrections replace, voids remove, and a discharge that
 * arrived first waits for its admission. With `asOf`, only what was recorded by then counts.
 */
export function projectStay(all: RecordedEvent[], asOf?: string): StayProjection {
  const events = effectiveFacts(knownAt(all, asOf)).sort(compareEvents);
  // Corrections of one event apply in the order they were recorded, whatever their day.
  const corrections = events
    .filter((event) => event.type === "correction")
    .sort((a, b) => a.arrival - b.arrival);
  const latestCorrection = (target: RecordedEvent) =>
    corrections.filter((c) => c.corrects === target.id).at(-1);

  const admissionEvent = events.find((event) => event.type === "admission");
  const dischargeEvent = events.find((event) => event.type === "discharge");
  let admission: StayProjection["admission"] = null;
  if (admissionEvent?.admission) {
    const correction = latestCorrection(admissionEvent);
    admission = correction?.admission
      ? { eventId: admissionEvent.id, date: correction.occurredOn, content: correction.admission }
      : { eventId: admissionEvent.id, date: admissionEvent.occurredOn, content: admissionEvent.admission };
  }
  let discharge: StayProjection["discharge"] = null;
  if (dischargeEvent?.discharge) {
    const correction = latestCorrection(dischargeEvent);
    discharge = correction?.discharge
      ? { eventId: dischargeEvent.id, date: correction.occurredOn, content: correction.discharge }
      : { eventId: dischargeEvent.id, date: dischargeEvent.occurredOn, content: dischargeEvent.discharge };
  }

  // Absences and activities dated outside the stay's days are kept but not counted.
  const inside = (event: RecordedEvent) => isWithinStay({ admission, discharge }, event.occurredOn);
  const absences: StayProjection["absences"] = [];
  for (const event of events.filter(inside)) {
    const open = absences.at(-1);
    if (event.type === "absence-start" && event.absence && (!open || open.to !== null)) {
      absences.push({ eventId: event.id, kind: event.absence.kind, from: event.occurredOn, to: null });
    } else if (event.type === "absence-end" && open && open.to === null) {
      open.to = event.occurredOn;
    }
  }
  const activities = events
    .filter((event) => event.type === "activity" && event.activity && inside(event))
    .map((event) => ({
      eventId: event.id,
      code: event.activity?.code as ActivityCode,
      from: event.occurredOn,
      until: event.activity?.until ?? null,
      hours: event.activity?.hours ?? null,
    }));

  const status = admission ? (discharge ? "closed" : "open") : discharge ? "waiting" : "empty";
  return {
    status,
    minorId: admissionEvent?.minorId ?? null,
    msna: admissionEvent?.msna ?? false,
    isBackdated: admissionEvent ? isBackdatedAdmission(admissionEvent) : false,
    admission,
    discharge,
    absences,
    activities,
  };
}

/**
 * A day of the stay for its absences and activities: from the admission day to the discharge day,
 * both included. A stay not admitted yet has no days to judge by: its facts wait for it.
 */
export function isWithinStay(
  stay: { admission: { date: string } | null; discharge: { date: string } | null },
  day: string,
): boolean {
  if (!stay.admission) return true;
  if (day < stay.admission.date) return false;
  return !stay.discharge || day <= stay.discharge.date;
}

/** Backdated: its day more than 30 days before the day (Europe/Rome) it was recorded on. */
export function isBackdatedAdmission(admission: { occurredOn: string; recordedAt: string }): boolean {
  return admission.occurredOn < addDays(todayInRome(new Date(admission.recordedAt)), -30);
}
