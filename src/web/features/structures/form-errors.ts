import type { FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { isApiError } from "../../api/client.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { i18n } from "../../i18n/setup.ts";
import { isFieldPath } from "./field-labels.ts";

type Issue = z.core.$ZodRawIssue;

/**
 * Italian messages for the issues whose schema gives none (the shared schema carries Italian
 * messages for most fields; zod's own defaults are English).
 */
export function italianFallbackError(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === ""
        ? i18n.t("errors.required")
        : i18n.t("errors.invalidType");
    case "too_small":
      return i18n.t("errors.tooSmall");
    case "too_big":
      return i18n.t("errors.tooBig");
    case "invalid_format":
      return i18n.t("errors.invalidFormat");
    case "unrecognized_keys":
      return i18n.t("errors.unrecognizedKeys");
    default:
      return i18n.t("errors.invalidValue");
  }
}

export type FlatError = { path: string; message: string };

/** react-hook-form's nested errors as a flat list of dotted paths, in field order. */
export function flattenErrors(errors: FieldErrors, prefix = ""): FlatError[] {
  const flat: FlatError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) flat.push({ path, message });
    else flat.push(...flattenErrors(value as FieldErrors, path));
  }
  return flat;
}

/** The message at a dotted path of react-hook-form's errors. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const segment of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? message : undefined;
}

/**
 * Puts the server's field problems next to their fields; returns the messages that belong to no
 * field of the form, for the summary.
 */
export function applyServerProblems<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
): string[] {
  if (!isApiError(error)) return [];
  const unplaced: string[] = [];
  for (const problem of error.problems) {
    const path = formPathOf(problem.path);
    if (path && isFieldPath(path)) {
      setError(path as Path<Values>, { type: "server", message: problem.message });
    } else {
      unplaced.push(problem.message);
    }
  }
  return unplaced;
}
