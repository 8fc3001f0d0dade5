import { z } from "zod";

/** The fewest characters of a written reason (a correction, a void, a decision of the steward). */
export const minimumReasonLength = 3;
export const reasonRequiredMessage = `Indicare la motivazione (almeno ${minimumReasonLength} caratteri)`;

/** Why a person changes a record: kept with the change, so it must say something. */
export function reasonSchema(maxLength: number) {
  return z.string().trim().min(minimumReasonLength, { error: reasonRequiredMessage }).max(maxLength);
}

/** The same rule for a value not yet parsed (a field of a raw event). */
export function isReasonGiven(value: unknown): value is string {
  return typeof value === "string" && value.trim().length >= minimumReasonLength;
}
