import type { z } from "zod";
import { italianIssueMessage } from "../errors/field-problems.ts";
import { type CaseEvent, type CaseEventType, caseEventSchemas } from "./case-event.schema.ts";
import { type CaseProblem, caseProblem } from "./case-problems.ts";

export type ParsedCaseEvent =
  | { ok: true; event: CaseEvent }
  | { ok: false; id: string | null; type: string | null; errors: CaseProblem[] };

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
  const record =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const id = typeof record?.id === "string" ? record.id.slice(0, 64) : null;
  const type = typeof record?.type === "string" ? record.type.slice(0, 40) : null;
  if (!record)
    return {
      ok: false,
      id,
      type,
      errors: [caseProblem("invalid-json-shape", "", "L'evento deve essere un oggetto JSON.")],
    };
  if (!type || !Object.hasOwn(caseEventSchemas, type))
    return { ok: false, id, type, errors: [caseProblem("unknown-type", "/type")] };
  const parsed = caseEventSchemas[type as CaseEventType].safeParse(record);
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors = parsed.error.issues.map(problemOf).filter((problem) => {
      const key = `${problem.code}|${problem.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ok: false, id, type, errors };
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
  const fosterCare =
    event.type === "foster-care-start" || event.type === "correction" ? event.fosterCare : undefined;
  (fosterCare?.carers ?? []).forEach((carer, index) => {
    if ((carer.relationship === "unrelated") !== (fosterCare?.kind === "2"))
      errors.push(caseProblem("carer-relationship-mismatch", `/fosterCare/carers/${index}/relationship`));
  });
  return errors.length > 0 ? { ok: false, id, type, errors } : { ok: true, event };
}
