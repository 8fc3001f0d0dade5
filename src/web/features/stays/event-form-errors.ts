import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { isApiError } from "../../api/client.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { i18n } from "../../i18n/setup.ts";
import { type FlatError, flattenErrors, italianFallbackError } from "../structures/form-errors.ts";

function valueAt(values: unknown, path: string): unknown {
  let node = values;
  for (const segment of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const segments = path.split(".");
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (!next || typeof next !== "object") node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]] = value;
}

/** The message of a field's error, or the first message found below it (an item of a list). */
export function errorUnder(errors: FieldErrors, path: string): string | undefined {
  const node = valueAt(errors, path);
  if (!node || typeof node !== "object") return undefined;
  const message = (node as { message?: unknown }).message;
  if (typeof message === "string" && message) return message;
  return flattenErrors(node as FieldErrors)[0]?.message;
}

/** The form field that shows a problem at a dotted path: the field itself or the one above it. */
export function fieldOf(fields: readonly string[], path: string): string | null {
  return fields.find((field) => path === field || path.startsWith(`${field}.`)) ?? null;
}

/**
 * The shared zod schema of an event, through zodResolver, with two Italian touches: an empty field
 * is "required" rather than "not in the list", and checks the schema cannot make (the identity
 * rules of the standard) are added next to their fields.
 */
export function eventResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  extraCheck?: (values: Input) => FlatError[],
): Resolver<Input, unknown, Output> {
  const base = zodResolver(schema, { error: italianFallbackError }) as unknown as Resolver<
    Input,
    unknown,
    Output
  >;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const problems = [...flattenErrors(result.errors), ...(extraCheck?.(values) ?? [])];
    if (problems.length === 0) return result;
    const errors: Record<string, unknown> = {};
    for (const problem of problems) {
      if (valueAt(errors, problem.path) !== undefined) continue;
      const value = valueAt(values, problem.path);
      const isEmpty = value === undefined || value === null || value === "";
      const message = isEmpty ? i18n.t("errors.required") : problem.message;
      setAt(errors, problem.path, { type: "validation", message });
    }
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}

/**
 * Puts the server's problems ({code, path: "/discharge/destination", message}) next to the fields
 * of the form; returns the messages that belong to none of them, for the summary.
 */
export function applyEventProblems<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fields: readonly string[],
): string[] {
  if (!isApiError(error)) return [];
  const unplaced: string[] = [];
  for (const problem of error.problems) {
    const field = fieldOf(fields, formPathOf(problem.path));
    if (field) {
      setError(field as Path<Values>, { type: "server", message: problem.message });
    } else {
      unplaced.push(problem.message);
    }
  }
  return unplaced;
}
