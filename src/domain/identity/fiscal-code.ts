/**
 * Codice fiscale of natural persons (DM 23/12/1976 and DPR 605/1973), validated, decoded and
 * encoded without external packages.
 *
 * Layout of the 16-character personal code (1-based positions):
 *
 *   1–3  family name     4–6  given name     7–8  year (last two digits)
 *   9    month letter    10–11 day (+40 for females)
 *   12–15 birth place (Belfiore code: letter + 3 digits, "Z###" for foreign states)
 *   16   check character
 *
 * The code AS WRITTEN identifies a person: omocodic letters (digits replaced by letters when two
 * people would get the same code) are accepted in any of the seven digit positions, and the check
 * character is computed on the written characters. The base code (omocodic letters mapped back to
 * digits) is only for decoding and for flagging possible duplicates for human review: two
 * different people share a base code by construction (e.g. Maria and Mara Rossi born the same
 * day in the same comune), so it must never link records automatically.
 *
 * An 11-digit numeric code is a provisional codice fiscale (or the code of a legal entity); its
 * last digit is checked with the same algorithm as the partita IVA.
 */

import { z } from "zod";
import type { Sex } from "../code-lists/interchange-codes.ts";
import { type ExpectedCharacter, type FiscalCodeProblem, italianMessage } from "./fiscal-code-messages.ts";

export { type IdentifierSubject, italianMessage } from "./fiscal-code-messages.ts";

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** 1-based positions that hold digits in a personal code; omocodia may replace them by letters. */
export const omocodicPositions = [7, 8, 10, 11, 13, 14, 15] as const;

/**
 * The Agenzia delle Entrate replaces digits starting from the rightmost one: level n replaces the
 * n rightmost digit positions.
 */
export const omocodiaSubstitutionOrder = [15, 14, 13, 11, 10, 8, 7] as const;

/** Omocodic letter for each digit 0–9. */
export const omocodicLetters = "LMNPQRSTUV";

/** Month letters, January to December. */
export const monthLetters = "ABCDEHLMPRST";

/** Values of characters in odd (1st, 3rd, … 15th) positions; digits share the values of A–J. */
const oddValues: Readonly<Record<string, number>> = (() => {
  // Values for A..Z; "0".."9" take the values of "A".."J".
  const letterValues = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
  ];
  const table: Record<string, number> = {};
  for (let i = 0; i < 26; i++) table[String.fromCharCode(65 + i)] = letterValues[i];
  for (let d = 0; d < 10; d++) table[String(d)] = letterValues[d];
  return table;
})();

/** Values of characters in even positions: digits 0–9 are 0–9, letters A–Z are 0–25. */
function evenValue(character: string): number {
  const code = character.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

const letterPattern = /^[A-Z]$/;
const digitPattern = /^[0-9]$/;
const digitOrOmocodicPattern = /^[0-9LMNPQRSTUV]$/;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type { ExpectedCharacter, FiscalCodeProblem } from "./fiscal-code-messages.ts";

export type FiscalCodeKind = "personal" | "provisional";

export type FiscalCodeValidation =
  | { ok: true; kind: FiscalCodeKind; code: string; isOmocodic: boolean; baseCode: string }
  | { ok: false; problem: FiscalCodeProblem };

export type { Sex };

export type DecodedFiscalCode = {
  sex: Sex;
  /** ISO date "YYYY-MM-DD"; the century is inferred, see decodeFiscalCode. */
  birthDate: string;
  /** Belfiore code, e.g. "D612" (Firenze), or "Z###" for a foreign state. */
  birthPlaceCode: string;
  isForeignBorn: boolean;
};

export type FiscalCodeInput = {
  familyName: string;
  givenName: string;
  sex: Sex;
  /** ISO date "YYYY-MM-DD". */
  birthDate: string;
  /** Belfiore code, letter + 3 digits. */
  birthPlaceCode: string;
  /** 0–7: how many digit positions, from the right, are replaced by omocodic letters. */
  omocodiaLevel?: number;
};

export type FiscalCodeMismatch = "sex" | "birth-date" | "birth-place";

/** Raised by the functions that need a valid code; the message is the Italian problem message. */
export class InvalidFiscalCodeError extends Error {
  readonly problem: FiscalCodeProblem;

  constructor(problem: FiscalCodeProblem) {
    super(italianMessage(problem));
    this.name = "InvalidFiscalCodeError";
    this.problem = problem;
  }
}

// ---------------------------------------------------------------------------------------------
// Normalisation and check characters
// ---------------------------------------------------------------------------------------------

/** Trims, removes every whitespace character (codes are often typed in groups) and uppercases. */
export function normaliseFiscalCode(s: string): string {
  return s.replace(/\s+/gu, "").toUpperCase();
}

/**
 * Check character of the first 15 characters (uppercase letters and digits) as written.
 * Positions are 1-based, so index 0 is an odd position.
 */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    sum += i % 2 === 0 ? oddValues[c] : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Check digit of a 10-digit prefix, the algorithm of the partita IVA and of numeric fiscal codes:
 * digits in odd positions are added, digits in even positions are doubled (minus 9 when over 9).
 */
export function numericCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

function expectedAt(position: number): ExpectedCharacter {
  return (omocodicPositions as readonly number[]).includes(position) ? "digit-or-omocodic-letter" : "letter";
}

function allowedAt(position: number, character: string): boolean {
  return expectedAt(position) === "letter"
    ? letterPattern.test(character)
    : digitOrOmocodicPattern.test(character);
}

/** Replaces omocodic letters in the seven digit positions by their digits (check char untouched). */
function deomocodise(code: string): string {
  const chars = [...code];
  for (const position of omocodicPositions) {
    const index = omocodicLetters.indexOf(chars[position - 1]);
    if (index >= 0) chars[position - 1] = String(index);
  }
  return chars.join("");
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function validateProvisional(code: string, characters: string[]): FiscalCodeValidation {
  for (let i = 0; i < characters.length; i++) {
    if (!digitPattern.test(characters[i])) {
      return {
        ok: false,
        problem: { kind: "character", position: i + 1, character: characters[i], expected: "digit" },
      };
    }
  }
  const expected = numericCheckDigit(code.slice(0, 10));
  if (expected !== code[10]) {
    return { ok: false, problem: { kind: "check-digit", expected, found: code[10] } };
  }
  return { ok: true, kind: "provisional", code, isOmocodic: false, baseCode: code };
}

/**
 * Validates a codice fiscale after normalisation: a 16-character personal code (omocodic letters
 * allowed in the seven digit positions) or an 11-digit provisional code.
 *
 * Checks run in this order and the first failure is reported: length, characters allowed at each
 * position, month letter, day, check character (or check digit for provisional codes).
 * The day must be 1–31 (41–71 for females) after mapping omocodic letters back, and must exist
 * in the month: 29 February is accepted only for years whose last two digits are a multiple of 4
 * (the century is not in the code; "00" is leap in 2000).
 */
export function validateFiscalCode(s: string): FiscalCodeValidation {
  const code = normaliseFiscalCode(s);
  // Code points, not UTF-16 units, so that the reported length and positions match what a person
  // sees even for stray emoji or other astral characters.
  const characters = [...code];
  if (characters.length === 11) return validateProvisional(code, characters);
  if (characters.length !== 16) {
    return { ok: false, problem: { kind: "length", length: characters.length } };
  }
  for (let i = 0; i < 16; i++) {
    const position = i + 1;
    if (!allowedAt(position, characters[i])) {
      return {
        ok: false,
        problem: { kind: "character", position, character: characters[i], expected: expectedAt(position) },
      };
    }
  }
  const monthLetter = code[8];
  if (!monthLetters.includes(monthLetter)) {
    return { ok: false, problem: { kind: "month", character: monthLetter } };
  }
  const baseBody = deomocodise(code);
  const rawDay = Number(baseBody.slice(9, 11));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = monthLetters.indexOf(monthLetter) + 1;
  const twoDigitYear = Number(baseBody.slice(6, 8));
  // A year ending in yy is leap in some century exactly when yy is a multiple of 4 (00 → 2000).
  const februaryDays = twoDigitYear % 4 === 0 ? 29 : 28;
  const maxDay = month === 2 ? februaryDays : daysInMonth(2001, month);
  if (!((rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71)) || day > maxDay) {
    return { ok: false, problem: { kind: "day" } };
  }
  const expected = fiscalCodeCheckCharacter(code.slice(0, 15));
  if (expected !== code[15]) {
    return { ok: false, problem: { kind: "check-character", expected, found: code[15] } };
  }
  const baseCode = baseBody.slice(0, 15) + fiscalCodeCheckCharacter(baseBody.slice(0, 15));
  return { ok: true, kind: "personal", code, isOmocodic: baseCode !== code, baseCode };
}

function requireValid(code: string): Extract<FiscalCodeValidation, { ok: true }> {
  const result = validateFiscalCode(code);
  if (!result.ok) throw new InvalidFiscalCodeError(result.problem);
  return result;
}

/**
 * The base code: omocodic letters mapped back to digits, check character recomputed.
 * A provisional code is returned unchanged. Throws InvalidFiscalCodeError on an invalid code.
 */
export function baseFiscalCode(code: string): string {
  return requireValid(code).baseCode;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Calendar date in local time: the reference for "today" is the date where the office is. */
function toIsoDate(date: string | Date): string {
  if (typeof date === "string") {
    if (!parseIsoDate(date))
      throw new RangeError("referenceDate must be an existing date in the form YYYY-MM-DD");
    return date;
  }
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function parseIsoDate(s: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Decodes sex, birth date and birth place from a valid personal code (omocodic letters are
 * mapped back first). Throws InvalidFiscalCodeError for an invalid code, and a RangeError for a
 * provisional code, which carries no personal data.
 *
 * The code holds only the last two digits of the birth year. The century chosen is the latest one
 * that gives a birth date not after `referenceDate` (default: today, local calendar date). This
 * is ambiguous for people aged 100 or more: someone born on 1 March 1920 decodes as 2020 once the
 * reference date is on or after 1 March 2020. When the real birth date is known, compare it with
 * checkFiscalCodeConsistency, which ignores the century. Only the two latest centuries are
 * considered; a RangeError is thrown when neither gives an existing date on or before the
 * reference date (29 February of a year ending in 00, with a reference date before 2000-02-29).
 */
export function decodeFiscalCode(code: string, referenceDate: string | Date = new Date()): DecodedFiscalCode {
  const valid = requireValid(code);
  if (valid.kind === "provisional") {
    throw new RangeError("A provisional fiscal code carries no sex, birth date or birth place");
  }
  const base = valid.baseCode;
  const twoDigitYear = Number(base.slice(6, 8));
  const month = monthLetters.indexOf(base[8]) + 1;
  const rawDay = Number(base.slice(9, 11));
  const sex: Sex = rawDay > 40 ? "F" : "M";
  const day = rawDay > 40 ? rawDay - 40 : rawDay;

  const reference = toIsoDate(referenceDate);
  const referenceYear = Number(reference.slice(0, 4));
  let year = referenceYear - ((((referenceYear - twoDigitYear) % 100) + 100) % 100);
  // The latest candidate, or the century before when it falls after the reference date or does
  // not exist (29 February in 2100). No further back: "00" on 29 February with a reference date
  // before 2000-02-29 would otherwise land in 1600.
  let birthDate: string | undefined;
  for (let attempt = 0; attempt < 2 && birthDate === undefined; attempt++, year -= 100) {
    const candidate = isoDate(year, month, day);
    if (day <= daysInMonth(year, month) && candidate <= reference) birthDate = candidate;
  }
  if (birthDate === undefined) {
    throw new RangeError(
      "The fiscal code gives no existing birth date in the two centuries before the reference date",
    );
  }
  const birthPlaceCode = base.slice(11, 15);
  return { sex, birthDate, birthPlaceCode, isForeignBorn: birthPlaceCode.startsWith("Z") };
}

/**
 * Compares a code with known personal data and lists what disagrees. Uses the base code, so an
 * omocodic code still matches the data it was derived from. The birth date is compared on the
 * last two digits of the year, month and day only: the century is not in the code.
 * Fields left out are not compared; a provisional code carries no data and yields no mismatch.
 * Throws InvalidFiscalCodeError for an invalid code.
 *
 * Belfiore codes are compared as given: a comune that later merged keeps its old code in the
 * fiscal codes of people born there, so callers should pass the code valid at the birth date.
 */
export function checkFiscalCodeConsistency(
  code: string,
  data: { sex?: Sex; birthDate?: string; birthPlaceCode?: string },
): FiscalCodeMismatch[] {
  const valid = requireValid(code);
  if (valid.kind === "provisional") return [];
  const base = valid.baseCode;
  const rawDay = Number(base.slice(9, 11));
  const mismatches: FiscalCodeMismatch[] = [];
  if (data.sex !== undefined && data.sex !== (rawDay > 40 ? "F" : "M")) mismatches.push("sex");
  if (data.birthDate !== undefined) {
    const parsed = parseIsoDate(data.birthDate);
    const matches =
      parsed !== undefined &&
      parsed.year % 100 === Number(base.slice(6, 8)) &&
      parsed.month === monthLetters.indexOf(base[8]) + 1 &&
      parsed.day === (rawDay > 40 ? rawDay - 40 : rawDay);
    if (!matches) mismatches.push("birth-date");
  }
  if (data.birthPlaceCode !== undefined && normaliseFiscalCode(data.birthPlaceCode) !== base.slice(11, 15)) {
    mismatches.push("birth-place");
  }
  return mismatches;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

/** Zod schema: accepts any valid codice fiscale and outputs it normalised; Italian messages. */
export const fiscalCodeSchema = z.string().transform((value, ctx) => {
  const result = validateFiscalCode(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", message: italianMessage(result.problem), input: value });
    return z.NEVER;
  }
  return result.code;
});
