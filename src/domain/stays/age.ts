import { decodeFiscalCode, validateFiscalCode } from "../identity/fiscal-code.ts";

/** Completed years on a day: one year older on the birthday itself (29 February: on 1 March). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The birth date a valid personal fiscal code carries, when nothing else gives it. */
export function birthDateOfFiscalCode(fiscalCode: string | undefined, today: string): string | undefined {
  if (!fiscalCode) return undefined;
  const validation = validateFiscalCode(fiscalCode);
  return validation.ok && validation.kind === "personal"
    ? decodeFiscalCode(validation.code, today).birthDate
    : undefined;
}
