import type { z } from "zod";
import { italianIssueMessage } from "../errors/field-problems.ts";
import type { ParsedFact } from "../pipeline/decide-facts.ts";
import { readFactEnvelope, uniqueProblems } from "../pipeline/parse-fact.ts";
import { type CaseEvent, type CaseEventType, caseEventSchemas } from "./case-event.schema.ts";
import { type CaseProblem, caseProblem } from "./case-problems.ts";

export type ParsedCaseEvent = ParsedFact<CaseEvent>;

const dateFields = new Set(["occurredOn", "reportedOn", "firstReportOn"]);

function problemOf(issue: z.core.$ZodIssue): CaseProblem {
  const path = `/${issue.path.map(String).join("/")}`;
  const field = String(issue.path.at(-1) ?? "");
  if (dateFields.has(field) && (issue.code === "invalid_format" || issue.code === "invalid_type"))
    return caseProblem("date-invalid", path, `Data non valida in ${path}.`);
  if (issue.code === "invalid_value")
    return caseProblem("unknown-code", path, `Il valore in ${path} non appartiene alla lista prevista.`);
  return caseProblem("invalid-json-shape", path, italianIssueMessage(issue));
}

/** Validates one raw case event on its own: shape, codes, dates (never after `today`, Europe/Rome). */
export function parseCaseEvent(raw: unknown, today: string): ParsedCaseEvent {
  const envelope = readFactEnvelope(raw, (message) => caseProblem("invalid-json-shape", "", message));
  if (!envelope.ok) return envelope;
  const { record, id, type } = envelope;
  if (!type || !Object.hasOwn(caseEventSchemas, type))
    return { ok: false, id, type, errors: [caseProblem("unknown-type", "/type")] };
  const parsed = caseEventSchemas[type as CaseEventType].safeParse(record);
  if (!parsed.success) {
    return { ok: false, id, type, errors: uniqueProblems(parsed.error.issues.map(problemOf)) };
  }
  const event = parsed.data as CaseEvent;
  const errors: CaseProblem[] = [];
  if (event.occurredOn > today) errors.push(caseProblem("date-in-future", "/occurredOn"));
  if (event.type === "case-opened" && event.opening.firstReportOn > event.occurredOn.slice(0, 7))
    errors.push(
      caseProblem("date-invalid", "/opening/firstReportOn", "La prima segnalazione segue l'apertura."),
    );
  if (event.type === "judicial-measure" && event.measure.reportedOn && event.measure.reportedOn > today)
    errors.push(caseProblem("date-in-future", "/measure/reportedOn"));
  return errors.length > 0 ? { ok: false, id, type, errors } : { ok: true, event };
}
