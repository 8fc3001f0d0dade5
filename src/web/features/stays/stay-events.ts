import type { AdmissionContent, DischargeContent } from "../../../domain/stays/stay-event.schema.ts";
import { i18n } from "../../i18n/setup.ts";
import { dateLabel, stayLabel } from "./stay-codes.ts";
import type { StayEventRecord } from "./stays-api.ts";

/** "Ammissione del 14/03/2026": how an event is named in lists and links. */
export function eventName(event: Pick<StayEventRecord, "type" | "occurredOn">): string {
  return i18n.t("stays.forms.eventOption", {
    type: stayLabel("eventType", event.type),
    date: dateLabel(event.occurredOn),
  });
}

/** Admissions and discharges still in force: what a correction may replace. */
export function correctionTargets(events: StayEventRecord[]): StayEventRecord[] {
  return events.filter(
    (event) => !event.isVoided && (event.type === "admission" || event.type === "discharge"),
  );
}

/** Every event still in force, except voids: what a void may cancel. */
export function voidTargets(events: StayEventRecord[]): StayEventRecord[] {
  return events.filter((event) => !event.isVoided && event.type !== "void");
}

export type EffectiveContent = {
  occurredOn: string;
  admission?: AdmissionContent;
  discharge?: DischargeContent;
};

/** The content an admission or discharge has now: its latest correction in force, or its own. */
export function effectiveContent(events: StayEventRecord[], targetId: string): EffectiveContent | null {
  const target = events.find((event) => event.id === targetId);
  if (!target) return null;
  const corrections = events.filter(
    (event) => event.type === "correction" && !event.isVoided && event.payload?.corrects === targetId,
  );
  const latest = corrections.at(-1) ?? target;
  return {
    occurredOn: latest.occurredOn,
    admission: latest.payload?.admission as AdmissionContent | undefined,
    discharge: latest.payload?.discharge as DischargeContent | undefined,
  };
}

/** The kind of the absence still open after the stay's events in force, if any. */
export function openAbsenceOf(events: StayEventRecord[]): string | null {
  const absences = events
    .map((event, arrival) => ({ event, arrival }))
    .filter(
      ({ event }) => !event.isVoided && (event.type === "absence-start" || event.type === "absence-end"),
    )
    .sort(
      (first, second) =>
        first.event.occurredOn.localeCompare(second.event.occurredOn) ||
        (first.event.sequence ?? 0) - (second.event.sequence ?? 0) ||
        first.arrival - second.arrival,
    );
  let open: string | null = null;
  for (const { event } of absences) {
    open =
      event.type === "absence-start"
        ? String((event.payload?.absence as { kind?: string })?.kind ?? "")
        : null;
  }
  return open;
}
