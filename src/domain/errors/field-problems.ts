import type { z } from "zod";
import type { FieldProblem } from "./app-error.ts";

/** Turns zod issues into field problems with Italian messages (the schemas carry them). */
export function fieldProblemsOf(issues: readonly z.core.$ZodIssue[], prefix = ""): FieldProblem[] {
  return issues.map((issue) => ({
    path: `${prefix}/${issue.path.map(String).join("/")}`,
    code: problemCodeOf(issue.code),
    message: italianIssueMessage(issue),
  }));
}

export function italianIssueMessage(issue: z.core.$ZodIssue): string {
  // Schemas give Italian messages; zod's English defaults are replaced by a generic Italian text.
  if (issue.message && !/^(Invalid|Expected|Too|Unrecognized|Required)/.test(issue.message))
    return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "Campo obbligatorio" : "Tipo di dato non valido";
    case "too_big":
      return "Valore troppo grande o troppo lungo";
    case "too_small":
      return "Valore troppo piccolo o troppo corto";
    case "unrecognized_keys":
      return `Campi non previsti: ${issue.keys.join(", ")}`;
    case "invalid_value":
      return "Valore non ammesso";
    case "invalid_format":
      return "Formato non valido";
    default:
      return "Valore non valido";
  }
}

/** zod's issue codes as stable kebab-case codes: invalid_type → invalid-type, too_small → too-small. */
export function problemCodeOf(code: string): string {
  return code === "custom" ? "invalid-value" : code.replaceAll("_", "-");
}
