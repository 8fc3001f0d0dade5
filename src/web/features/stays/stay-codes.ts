import { type CodeList, labelOf } from "../../../domain/code-lists/code-list.ts";
import {
  absenceKinds,
  activityCodes,
  admissionKinds,
  admissionOrigins,
  dischargeDestinations,
  dischargeReasons,
  eventTypes,
  legalBases,
  validationErrorCodes,
  validationWarningCodes,
} from "../../../domain/code-lists/interchange-codes.ts";
import { sinbaValutazioneMinore } from "../../../domain/code-lists/sinba-codes.ts";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import type { Option } from "../../components/form-fields.tsx";

/** The code lists of the interchange standard that the ASMI pages show, with their Italian labels. */
export const stayCodeLists = {
  eventType: eventTypes,
  admissionKind: admissionKinds,
  legalBasis: legalBases,
  origin: admissionOrigins,
  dischargeReason: dischargeReasons,
  dischargeDestination: dischargeDestinations,
  absenceKind: absenceKinds,
  activity: activityCodes,
  reason: sinbaValutazioneMinore,
} as const satisfies Record<string, CodeList>;

export type StayCodeListName = keyof typeof stayCodeLists;

/** SINBA labels are written in lower case: shown with a capital letter. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The Italian label of a code, or the code itself when the list does not know it. */
export function stayLabel(list: StayCodeListName, code: string | null | undefined): string {
  if (!code) return "";
  return capitalised(labelOf(stayCodeLists[list], code) ?? code);
}

export function stayOptions(list: StayCodeListName): Option[] {
  return stayCodeLists[list].map((entry) => ({ value: entry.code, label: capitalised(entry.label) }));
}

/** "2026-03-14" → "14/03/2026"; nothing for a missing date. */
export function dateLabel(value: string | null | undefined): string {
  return value ? formatItalianDate(value) : "";
}

/**
 * The Italian text of a warning or an error of an event: its message, unless the message is only
 * its code (events recorded with a warning the server had no words for), then the code list's label.
 */
export function problemText(problem: { code: string; message?: string | null }): string {
  if (problem.message && problem.message !== problem.code) return problem.message;
  return (
    labelOf(validationWarningCodes, problem.code) ??
    labelOf(validationErrorCodes, problem.code) ??
    "Segnalazione sui dati dell'evento."
  );
}
