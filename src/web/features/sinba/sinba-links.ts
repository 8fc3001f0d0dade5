import type { SinbaCasePart } from "../../../domain/sinba/sinba-record.types.ts";
import type { PartType } from "../cases/case-parts.ts";

/** The form of the case page that fills each part of a SINBA record (the case page reads `?parte=`). */
const formOfPart: Partial<Record<SinbaCasePart, PartType>> = {
  situation: "situation",
  family: "family",
  assessment: "assessment",
  judicial: "judicial-measure",
  interventions: "intervention-start",
  "foster-care": "foster-care-start",
  closure: "closure",
};

/** Where a missing field is filled: a form of the case page, the case's summary, or nowhere in the case. */
export function linkToPart(caseId: string, part: string): string | null {
  const form = formOfPart[part as SinbaCasePart];
  if (form) return `/cartelle/${caseId}?parte=${form}#case-record`;
  if (part === "opening" || part === "placements") return `/cartelle/${caseId}#case-summary`;
  return null;
}

const instantFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: "Europe/Rome",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as an Italian reads it, in Rome's time. */
export function instantLabel(instant: string | null | undefined): string {
  return instant ? instantFormat.format(new Date(instant)) : "—";
}

export const outcomeStatuses = ["OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"] as const;
export const isError = (status: string) => status !== "OK" && status !== "waiting";
