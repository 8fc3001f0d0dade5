import type { z } from "zod";
import { italianIssueMessage } from "../errors/field-problems.ts";
import type { ParsedFact } from "../pipeline/decide-facts.ts";
import { readFactEnvelope, uniqueProblems } from "../pipeline/parse-fact.ts";
import { checkMinorIdentity, type MinorIdentity } from "../registry/minor-identity.ts";
import { type CaseEvent, type CaseEventType, caseEventSchemas } from "./case-event.schema.ts";
import { interchangeCaseEventSchemas } from "./case-interchange-api.schema.ts";
import { type CaseProblem, caseProblem } from "./case-problems.ts";

/**
 * A parsed event. From the services' software (the interchange dialect) an opening names its
 * minor by `identity`, to be resolved by the registry; its `opening.minorRef` is then empty until
 * the resolution gives the minor's pseudonym.
 */
export type ParsedCaseEvent = ParsedFact<CaseEvent, { identity?: MinorIdentity }>;

/** The web app names the minor by pseudonym (`minorRef`), the services' software by identity. */
export type CaseDialect = "web" | "interchange";

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
export function parseCaseEvent(raw: unknown, today: string, dialect: CaseDialect = "web"): ParsedCaseEvent {
  const envelope = readFactEnvelope(raw, (message) => caseProblem("invalid-json-shape", "", message));
  if (!envelope.ok) return envelope;
  const { record, id, type } = envelope;
  if (!type || !Object.hasOwn(caseEventSchemas, type))
    return { ok: false, id, type, errors: [caseProblem("unknown-type", "/type")] };
  if (dialect === "interchange") {
    if (type === "assignment")
      return { ok: false, id, type, errors: [caseProblem("assignment-not-for-clients", "/type")] };
    const opening = record.opening;
    if (opening !== null && typeof opening === "object" && "minorRef" in opening)
      return { ok: false, id, type, errors: [caseProblem("minor-identity-required", "/opening/minorRef")] };
  }
  const schemas = dialect === "interchange" ? interchangeCaseEventSchemas : caseEventSchemas;
  const parsed = (schemas as typeof caseEventSchemas)[type as CaseEventType].safeParse(record);
  if (!parsed.success) {
    return { ok: false, id, type, errors: uniqueProblems(parsed.error.issues.map(problemOf)) };
  }
  const { event, identity, errors } = withIdentityApart(parsed.data as CaseEvent, today);
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
  if (errors.length > 0) return { ok: false, id, type, errors };
  return identity ? { ok: true, event, identity } : { ok: true, event };
}

/** An opening by identity: the identity checked and set apart, the opening left without minorRef. */
function withIdentityApart(
  parsed: CaseEvent,
  today: string,
): { event: CaseEvent; identity?: MinorIdentity; errors: CaseProblem[] } {
  const opening = "opening" in parsed ? (parsed.opening as { minor?: MinorIdentity } | undefined) : undefined;
  if (!opening?.minor) return { event: parsed, errors: [] };
  const { minor, ...rest } = opening;
  const checked = checkMinorIdentity(minor, today);
  const errors = checked.ok
    ? []
    : checked.problems.map((problem) => ({ ...problem, path: `/opening/minor${problem.path}` }));
  return { event: { ...parsed, opening: { ...rest, minorRef: "" } } as CaseEvent, identity: minor, errors };
}
