/**
 * Partita IVA (11 digits, last one a check digit) and the tax code of a structure's operator,
 * which is either a numeric code (partita IVA or numeric codice fiscale of an entity, same
 * algorithm) or the 16-character codice fiscale of a natural person (sole traders).
 */

import { z } from "zod";
import {
  type FiscalCodeProblem,
  italianMessage,
  normaliseFiscalCode,
  numericCheckDigit,
  validateFiscalCode,
} from "./fiscal-code.ts";

export type VatNumberProblem = Extract<FiscalCodeProblem, { kind: "length" | "character" | "check-digit" }>;

export type VatNumberValidation =
  | { ok: true; code: string }
  | { ok: false; problem: VatNumberProblem; message: string };

export type OperatorTaxCodeKind = "numeric" | "personal";

export type OperatorTaxCodeValidation =
  | { ok: true; kind: OperatorTaxCodeKind; code: string }
  | { ok: false; problem: FiscalCodeProblem; message: string };

/**
 * Trims, removes whitespace, uppercases and drops an "IT" country prefix in front of 11
 * characters: the EU VAT form "IT01234567890" is often pasted from invoices.
 */
export function normaliseVatNumber(s: string): string {
  const code = normaliseFiscalCode(s);
  return code.length === 13 && code.startsWith("IT") ? code.slice(2) : code;
}

/** Validates an 11-digit partita IVA: length, digits only, check digit. */
export function validateVatNumber(s: string): VatNumberValidation {
  const code = normaliseVatNumber(s);
  const characters = [...code];
  const fail = (problem: VatNumberProblem): VatNumberValidation => ({
    ok: false,
    problem,
    message: italianMessage(problem, "vat-number"),
  });
  if (characters.length !== 11) return fail({ kind: "length", length: characters.length });
  const position = characters.findIndex((c) => !/^[0-9]$/.test(c));
  if (position >= 0) {
    return fail({
      kind: "character",
      position: position + 1,
      character: characters[position],
      expected: "digit",
    });
  }
  const expected = numericCheckDigit(code.slice(0, 10));
  if (expected !== code[10]) return fail({ kind: "check-digit", expected, found: code[10] });
  return { ok: true, code };
}

/**
 * Validates the tax code of an operator (ente gestore): 11 digits (partita IVA or numeric codice
 * fiscale) or a 16-character personal codice fiscale, omocodic letters included.
 */
export function validateOperatorTaxCode(s: string): OperatorTaxCodeValidation {
  const code = normaliseVatNumber(s);
  const length = [...code].length;
  if (length !== 11 && length !== 16) {
    const problem: FiscalCodeProblem = { kind: "length", length };
    return { ok: false, problem, message: italianMessage(problem, "operator-tax-code") };
  }
  const result = validateFiscalCode(code);
  if (!result.ok) {
    return {
      ok: false,
      problem: result.problem,
      message: italianMessage(result.problem, "operator-tax-code"),
    };
  }
  return { ok: true, kind: result.kind === "provisional" ? "numeric" : "personal", code: result.code };
}

/** Zod schema: a valid partita IVA, output normalised; Italian messages. */
export const vatNumberSchema = z.string().transform((value, ctx) => {
  const result = validateVatNumber(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", message: result.message, input: value });
    return z.NEVER;
  }
  return result.code;
});

/** Zod schema: a valid operator tax code, output normalised; Italian messages. */
export const operatorTaxCodeSchema = z.string().transform((value, ctx) => {
  const result = validateOperatorTaxCode(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", message: result.message, input: value });
    return z.NEVER;
  }
  return result.code;
});
