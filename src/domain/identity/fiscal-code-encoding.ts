import {
  type FiscalCodeInput,
  fiscalCodeCheckCharacter,
  monthLetters,
  omocodiaSubstitutionOrder,
  omocodicLetters,
  parseIsoDate,
} from "./fiscal-code.ts";

/** Computing a codice fiscale from a person's data (the Agenzia delle Entrate's algorithm). */
// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/** Letters NFD does not decompose into a base letter plus marks (shared with name matching). */
export const letterTransliterations: Readonly<Record<string, string>> = {
  ß: "SS",
  ẞ: "SS",
  Æ: "AE",
  æ: "AE",
  Œ: "OE",
  œ: "OE",
  Ø: "O",
  ø: "O",
  Ł: "L",
  ł: "L",
  Đ: "D",
  đ: "D",
  Ð: "D",
  ð: "D",
  Þ: "TH",
  þ: "TH",
  Ħ: "H",
  ħ: "H",
  ı: "I",
};

/**
 * Reduces a name to the letters A–Z the algorithm works on: accents removed (Niccolò → NICCOLO),
 * apostrophes, spaces and hyphens dropped (D'Amico → DAMICO, De Luca → DELUCA).
 */
export function normaliseNameLetters(name: string): string {
  return name
    .replace(/[ßẞÆæŒœØøŁłĐđÐðÞþı]/gu, (c) => letterTransliterations[c])
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

function splitLetters(letters: string): { consonants: string; vowels: string } {
  let consonants = "";
  let vowels = "";
  for (const c of letters) {
    if ("AEIOU".includes(c)) vowels += c;
    else consonants += c;
  }
  return { consonants, vowels };
}

function familyNamePart(name: string): string {
  const { consonants, vowels } = splitLetters(normaliseNameLetters(name));
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

function givenNamePart(name: string): string {
  const { consonants, vowels } = splitLetters(normaliseNameLetters(name));
  // With four or more consonants the second is skipped (Gianfranco → GFR).
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/**
 * Computes the codice fiscale from personal data with the standard algorithm. `omocodiaLevel`
 * (0–7, default 0) replaces that many digits, starting from the right, by omocodic letters, as
 * the Agenzia delle Entrate does when a code is already taken. Throws a RangeError on input the
 * algorithm cannot use (a name without Latin letters, a non-existent date, a malformed Belfiore
 * code, a level out of range).
 */
export function encodeFiscalCode(input: FiscalCodeInput): string {
  const { familyName, givenName, sex, birthDate, birthPlaceCode, omocodiaLevel = 0 } = input;
  if (normaliseNameLetters(familyName) === "") throw new RangeError("familyName has no letters A–Z");
  if (normaliseNameLetters(givenName) === "") throw new RangeError("givenName has no letters A–Z");
  if (sex !== "M" && sex !== "F") throw new RangeError('sex must be "M" or "F"');
  const date = parseIsoDate(birthDate);
  if (!date) throw new RangeError("birthDate must be an existing date in the form YYYY-MM-DD");
  const place = birthPlaceCode.trim().toUpperCase();
  if (!/^[A-Z][0-9]{3}$/.test(place))
    throw new RangeError("birthPlaceCode must be a letter followed by 3 digits");
  if (!Number.isInteger(omocodiaLevel) || omocodiaLevel < 0 || omocodiaLevel > 7) {
    throw new RangeError("omocodiaLevel must be an integer from 0 to 7");
  }

  const year = String(date.year % 100).padStart(2, "0");
  const day = String(sex === "F" ? date.day + 40 : date.day).padStart(2, "0");
  const chars = [
    ...`${familyNamePart(familyName)}${givenNamePart(givenName)}${year}${monthLetters[date.month - 1]}${day}${place}`,
  ];
  for (const position of omocodiaSubstitutionOrder.slice(0, omocodiaLevel)) {
    chars[position - 1] = omocodicLetters[Number(chars[position - 1])];
  }
  const body = chars.join("");
  return body + fiscalCodeCheckCharacter(body);
}
