import type { z } from "zod";
import { validationErrorCodes, validationWarningCodes } from "../code-lists/interchange-codes.ts";
import { italianIssueMessage } from "../errors/field-problems.ts";
import type { FactProblem, ParsedFact } from "../pipeline/decide-facts.ts";
import { readFactEnvelope, uniqueProblems } from "../pipeline/parse-fact.ts";
import { type StayEvent, type StayEventType, stayEventSchemas } from "./stay-event.schema.ts";

/** An error or warning of the interchange standard: stable code, JSON pointer, Italian message. */
export type EventProblem = FactProblem;

/** Every error and warning of the standard has its Italian message: never the bare code. */
const defaultMessages = new Map<string, string>(
  [...validationErrorCodes, ...validationWarningCodes].map((entry) => [entry.code, entry.label]),
);
const dateFields = new Set(["occurredOn", "birthDate", "until"]);

export function eventProblem(code: string, path: string, message?: string): EventProblem {
  return { code, path, message: message ?? defaultMessages.get(code) ?? code };
}

/** zod issues as the standard's codes: bad dates, values outside a code list, anything else. */
function problemOf(issue: z.core.$ZodIssue): EventProblem {
  const path = `/${issue.path.map(String).join("/")}`;
  const field = String(issue.path.at(-1) ?? "");
  if (dateFields.has(field) && (issue.code === "invalid_format" || issue.code === "invalid_type")) {
    return eventProblem("date-invalid", path, `Data non valida in ${path}: usare AAAA-MM-GG.`);
  }
  if (issue.code === "invalid_value") {
    return eventProblem("unknown-code", path, `Il valore in ${path} non appartiene alla lista prevista.`);
  }
  return eventProblem("invalid-json-shape", path, italianIssueMessage(issue));
}

export type ParsedEvent = ParsedFact<StayEvent>;

/**
 * Validates one raw event on its own: shape, codes, dates (never in the future, judged in
 * Europe/Rome by the caller's `today`). Other events of the same request are not affected.
 */
export function parseStayEvent(raw: unknown, today: string): ParsedEvent {
  const envelope = readFactEnvelope(raw, (message) => eventProblem("invalid-json-shape", "", message));
  if (!envelope.ok) return envelope;
  const { record, id, type } = envelope;
  // Own keys only: "toString" or "constructor" are not types of the standard.
  if (!type || !Object.hasOwn(stayEventSchemas, type)) {
    return {
      ok: false,
      id,
      type,
      errors: [eventProblem("unknown-type", "/type", `Tipo di evento non previsto: «${type ?? ""}».`)],
    };
  }
  const parsed = stayEventSchemas[type as StayEventType].safeParse(record);
  if (!parsed.success)
    return { ok: false, id, type, errors: uniqueProblems(parsed.error.issues.map(problemOf)) };
  const event = parsed.data as StayEvent;
  const errors: EventProblem[] = [];
  if (event.occurredOn > today) errors.push(eventProblem("date-in-future", "/occurredOn"));
  if (event.type === "admission" && event.minor.birthDate && event.minor.birthDate > today) {
    errors.push(eventProblem("date-in-future", "/minor/birthDate", "La data di nascita è nel futuro."));
  }
  if (event.type === "activity" && event.activity.until && event.activity.until < event.occurredOn) {
    errors.push(
      eventProblem("date-invalid", "/activity/until", "La data di fine attività precede quella di inizio."),
    );
  }
  return errors.length > 0 ? { ok: false, id, type, errors } : { ok: true, event };
}
