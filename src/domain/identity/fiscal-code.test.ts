import { fakerIT } from "@faker-js/faker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  baseFiscalCode,
  checkFiscalCodeConsistency,
  decodeFiscalCode,
  type FiscalCodeInput,
  fiscalCodeCheckCharacter,
  fiscalCodeSchema,
  InvalidFiscalCodeError,
  italianMessage,
  normaliseFiscalCode,
  numericCheckDigit,
  omocodicPositions,
  validateFiscalCode,
} from "./fiscal-code.ts";
import { encodeFiscalCode, normaliseNameLetters } from "./fiscal-code-encoding.ts";

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const digitsAndOmocodic = "0123456789LMNPQRSTUV";
const omocodicLetters = "LMNPQRSTUV";

/** Every character the validator accepts at a 1-based position of a personal code. */
function allowedCharacters(position: number): string {
  return (omocodicPositions as readonly number[]).includes(position) ? digitsAndOmocodic : letters;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function replaceAt(code: string, position: number, character: string): string {
  return code.slice(0, position - 1) + character + code.slice(position);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const nameCharacter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzAEIOUàèéìòùÀÈÉÌÒÙçÇñÑäöüß' -");
/** Names with accents, apostrophes and spaces, always with at least one Latin letter. */
const nameArb = fc
  .tuple(fc.constantFrom(...letters), fc.string({ unit: nameCharacter, maxLength: 20 }))
  .map(([first, rest]) => first + rest);
const sexArb = fc.constantFrom("M" as const, "F" as const);
const birthDateArb = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const placeArb = fc
  .tuple(fc.constantFrom(...letters), fc.integer({ min: 0, max: 999 }))
  .map(([letter, n]) => `${letter}${String(n).padStart(3, "0")}`);
const inputArb: fc.Arbitrary<FiscalCodeInput> = fc.record({
  familyName: nameArb,
  givenName: nameArb,
  sex: sexArb,
  birthDate: birthDateArb,
  birthPlaceCode: placeArb,
  omocodiaLevel: fc.integer({ min: 0, max: 7 }),
});
const validCodeArb = inputArb.map(encodeFiscalCode);
/** Realistic Italian names from faker, seeded by fast-check so failures replay. */
const italianPersonArb = fc.tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), sexArb).map(([seed, sex]) => {
  fakerIT.seed(seed);
  const fakerSex = sex === "M" ? "male" : "female";
  return { familyName: fakerIT.person.lastName(), givenName: fakerIT.person.firstName(fakerSex), sex };
});
const provisionalArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join(""))
  .map((first10) => first10 + numericCheckDigit(first10));

// ---------------------------------------------------------------------------------------------
// Known examples. Each check character below is worked by hand with the odd/even tables:
//   odd positions (1st, 3rd, …): 0/A=1 1/B=0 2/C=5 3/D=7 4/E=9 5/F=13 6/G=15 7/H=17 8/I=19
//     9/J=21 K=2 L=4 M=18 N=20 O=11 P=3 Q=6 R=8 S=12 T=14 U=16 V=10 W=22 X=25 Y=24 Z=23
//   even positions: 0–9 → 0–9, A–Z → 0–25
//   check = letter number (sum mod 26), A=0.
// ---------------------------------------------------------------------------------------------

describe("known codes", () => {
  it("Mario Rossi, M, 1 January 1980, Roma (H501) → RSSMRA80A01H501U", () => {
    // ROSSI: consonants R S S → RSS. MARIO: consonants M R, then vowel A → MRA.
    // R8 S18 S12 M12 R8 A0 8→19 0→0 A1 0→0 1→0 H7 5→13 0→0 1→0: sum 98, 98 mod 26 = 20 → U.
    const code = encodeFiscalCode({
      familyName: "Rossi",
      givenName: "Mario",
      sex: "M",
      birthDate: "1980-01-01",
      birthPlaceCode: "H501",
    });
    expect(code).toBe("RSSMRA80A01H501U");
    expect(validateFiscalCode(code)).toEqual({
      ok: true,
      kind: "personal",
      code,
      isOmocodic: false,
      baseCode: code,
    });
  });

  it("Maria and Mara Rossi, F, same day and place, share the base code RSSMRA80A41H501Y", () => {
    // Day 01 + 40 = 41: the sum above with position 10 worth 4 instead of 0 → 102 mod 26 = 24 → Y.
    const data = { familyName: "Rossi", sex: "F" as const, birthDate: "1980-01-01", birthPlaceCode: "H501" };
    expect(encodeFiscalCode({ ...data, givenName: "Maria" })).toBe("RSSMRA80A41H501Y");
    expect(encodeFiscalCode({ ...data, givenName: "Mara" })).toBe("RSSMRA80A41H501Y");
  });

  it("omocodia replaces digits from the right: RSSMRA80A01H50MM, RSSMRA80A01H5LMX", () => {
    // Level 1: position 15 "1" (odd, 0) → M (odd, 18): 98 + 18 = 116 mod 26 = 12 → M.
    // Level 2: position 14 "0" (even, 0) → L (even, 11): 116 + 11 = 127 mod 26 = 23 → X.
    const data: FiscalCodeInput = {
      familyName: "Rossi",
      givenName: "Mario",
      sex: "M",
      birthDate: "1980-01-01",
      birthPlaceCode: "H501",
    };
    expect(encodeFiscalCode({ ...data, omocodiaLevel: 1 })).toBe("RSSMRA80A01H50MM");
    expect(encodeFiscalCode({ ...data, omocodiaLevel: 2 })).toBe("RSSMRA80A01H5LMX");
    expect(encodeFiscalCode({ ...data, omocodiaLevel: 7 })).toMatch(/^RSSMRAULALMHRLM[A-Z]$/);
    expect(validateFiscalCode("RSSMRA80A01H5LMX")).toMatchObject({
      ok: true,
      isOmocodic: true,
      baseCode: "RSSMRA80A01H501U",
    });
    expect(baseFiscalCode("RSSMRA80A01H50MM")).toBe("RSSMRA80A01H501U");
  });

  it("Gianfranco Bianchi, M, 25 December 1975, Firenze (D612) → BNCGFR75T25D612Z", () => {
    // BIANCHI: B N C (H) → BNC. GIANFRANCO has G N F R N C: 1st, 3rd, 4th → GFR.
    // B0 N13 C5 G6 F13 R17 7→17 5→5 T14 2→2 5→13 D3 6→15 1→1 2→5: sum 129 mod 26 = 25 → Z.
    expect(
      encodeFiscalCode({
        familyName: "Bianchi",
        givenName: "Gianfranco",
        sex: "M",
        birthDate: "1975-12-25",
        birthPlaceCode: "D612",
      }),
    ).toBe("BNCGFR75T25D612Z");
  });

  it("short names are padded with X: Bo Li, F, 28 February 2010, Z210 → LIXBOX10B68Z210Z", () => {
    // LI → L, I, X. BO → B, O, X. Day 28 + 40 = 68.
    // L4 I8 X25 B1 O11 X23 1→0 0→0 B0 6→6 8→19 Z25 2→5 1→1 0→1: sum 129 mod 26 = 25 → Z.
    const code = encodeFiscalCode({
      familyName: "Li",
      givenName: "Bo",
      sex: "F",
      birthDate: "2010-02-28",
      birthPlaceCode: "Z210",
    });
    expect(code).toBe("LIXBOX10B68Z210Z");
    expect(decodeFiscalCode(code, "2025-01-01")).toEqual({
      sex: "F",
      birthDate: "2010-02-28",
      birthPlaceCode: "Z210",
      isForeignBorn: true,
    });
  });

  it("accents and apostrophes: Niccolò D'Amico, M, 4 July 2015, D612 → DMCNCL15L04D612R", () => {
    // DAMICO: D M C → DMC. NICCOLO has N C C L: 1st, 3rd, 4th → NCL. July → L.
    // D7 M12 C5 N13 C5 L11 1→0 5→5 L4 0→0 4→9 D3 6→15 1→1 2→5: sum 95 mod 26 = 17 → R.
    expect(
      encodeFiscalCode({
        familyName: "D'Amico",
        givenName: "Niccolò",
        sex: "M",
        birthDate: "2015-07-04",
        birthPlaceCode: "d612",
      }),
    ).toBe("DMCNCL15L04D612R");
  });

  it("normalises names to A–Z", () => {
    expect(normaliseNameLetters("De Luca-Ñúñez d'Àrco")).toBe("DELUCANUNEZDARCO");
    expect(normaliseNameLetters("Strauß Øster Łukasz")).toBe("STRAUSSOSTERLUKASZ");
    expect(normaliseNameLetters("王")).toBe("");
  });

  it("normalises typed codes", () => {
    expect(normaliseFiscalCode("  rss mra 80a01\th501u ")).toBe("RSSMRA80A01H501U");
    expect(validateFiscalCode(" rssmra80a01h501u ")).toMatchObject({ ok: true, code: "RSSMRA80A01H501U" });
  });
});

// ---------------------------------------------------------------------------------------------
// Problems and messages
// ---------------------------------------------------------------------------------------------

describe("problems", () => {
  const problemOf = (s: string) => {
    const result = validateFiscalCode(s);
    if (result.ok) throw new Error("expected an invalid code");
    return result.problem;
  };

  it("length", () => {
    const problem = problemOf("RSSMRA80A01H501");
    expect(problem).toEqual({ kind: "length", length: 15 });
    expect(italianMessage(problem)).toBe(
      "Il codice fiscale deve avere 16 caratteri (o 11 cifre se provvisorio): ne ha 15",
    );
    expect(italianMessage(problemOf("   "))).toMatch(/^Il codice fiscale è vuoto/);
  });

  it("character not allowed at its position", () => {
    expect(problemOf("RSSMRA8ZA01H501U")).toEqual({
      kind: "character",
      position: 8,
      character: "Z",
      expected: "digit-or-omocodic-letter",
    });
    const problem = problemOf("RSSMRA80101H501U");
    expect(problem).toEqual({ kind: "character", position: 9, character: "1", expected: "letter" });
    expect(italianMessage(problem)).toBe(
      "Carattere non valido in posizione 9: «1» (è ammessa solo una lettera)",
    );
    expect(problemOf("1SSMRA80A01H501U")).toMatchObject({ kind: "character", position: 1 });
    expect(problemOf("RSSMRA80A01H5011")).toMatchObject({ kind: "character", position: 16 });
    // Invisible characters are shown by code point, not as an empty «».
    expect(italianMessage(problemOf("RSSMRA80A01\u200BH501"))).toContain("«U+200B»");
  });

  it("month letter", () => {
    const problem = problemOf("RSSMRA80Z01H501U");
    expect(problem).toEqual({ kind: "month", character: "Z" });
    expect(italianMessage(problem)).toBe(
      "Lettera del mese non valida in posizione 9: «Z» (ammesse A B C D E H L M P R S T)",
    );
  });

  it("day out of range or not in the month", () => {
    for (const code of [
      "RSSMRA80A00H501U",
      "RSSMRA80A32H501U",
      "RSSMRA80A40H501U",
      "RSSMRA80A72H501U",
      "RSSMRA80D31H501U", // 31 April
      "RSSMRA81B29H501U", // 29 February of a year ending in 81
      "RSSMRA80B70H501U", // 30 February, female
    ]) {
      expect(problemOf(code)).toEqual({ kind: "day" });
    }
    // 29 February is fine for a year ending in a multiple of 4 (00 included: 2000 was leap).
    for (const birthDate of ["1980-02-29", "2000-02-29"]) {
      const code = encodeFiscalCode({
        familyName: "Rossi",
        givenName: "Mario",
        sex: "F",
        birthDate,
        birthPlaceCode: "H501",
      });
      expect(validateFiscalCode(code).ok).toBe(true);
    }
  });

  it("check character computed on the code as written", () => {
    const problem = problemOf("RSSMRA80A01H501X");
    expect(problem).toEqual({ kind: "check-character", expected: "U", found: "X" });
    expect(italianMessage(problem)).toBe("Carattere di controllo errato: atteso «U», trovato «X»");
    // An omocodic letter changes the check character: the base code's one is now wrong.
    expect(problemOf("RSSMRA80A01H50MU")).toEqual({ kind: "check-character", expected: "M", found: "U" });
  });

  it("messages never contain the input code", () => {
    const mutatedArb = fc
      .tuple(
        validCodeArb,
        fc.integer({ min: 1, max: 16 }),
        fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.é€"),
      )
      .map(([code, position, character]) => replaceAt(code, position, character));
    const truncatedArb = fc
      .tuple(validCodeArb, fc.integer({ min: 5, max: 15 }))
      .map(([code, length]) => code.slice(0, length));
    const randomArb = fc.string({
      unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
      minLength: 5,
    });
    const wrongProvisionalArb = provisionalArb.map((code) =>
      replaceAt(code, 11, String((Number(code[10]) + 1) % 10)),
    );
    fc.assert(
      fc.property(fc.oneof(mutatedArb, truncatedArb, randomArb, wrongProvisionalArb), (input) => {
        const result = validateFiscalCode(input);
        if (result.ok) return;
        const message = italianMessage(result.problem);
        expect(message).not.toContain(input);
        expect(message).not.toContain(normaliseFiscalCode(input));
        expect(new InvalidFiscalCodeError(result.problem).message).toBe(message);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe("properties", () => {
  it("every generated code is valid, with the level-0 code as its base", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const code = encodeFiscalCode(input);
        const level0 = encodeFiscalCode({ ...input, omocodiaLevel: 0 });
        expect(code).toMatch(
          /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/,
        );
        expect(validateFiscalCode(code)).toEqual({
          ok: true,
          kind: "personal",
          code,
          isOmocodic: input.omocodiaLevel !== 0,
          baseCode: level0,
        });
        expect(baseFiscalCode(code)).toBe(level0);
        // Exactly `level` letters in the seven digit positions, all on the right.
        const letterPositions = omocodicPositions.filter((p) => omocodicLetters.includes(code[p - 1]));
        expect(letterPositions).toEqual([...omocodicPositions].slice(7 - (input.omocodiaLevel ?? 0)));
      }),
      { numRuns: 500 },
    );
  });

  it("every code from realistic Italian names (faker it) is valid and decodes back", () => {
    fc.assert(
      fc.property(
        italianPersonArb,
        birthDateArb,
        placeArb,
        fc.integer({ min: 0, max: 7 }),
        (person, birthDate, birthPlaceCode, omocodiaLevel) => {
          const code = encodeFiscalCode({ ...person, birthDate, birthPlaceCode, omocodiaLevel });
          expect(validateFiscalCode(code).ok).toBe(true);
          expect(code.slice(0, 3)).toMatch(/^[A-Z]{3}$/);
          expect(checkFiscalCodeConsistency(code, { sex: person.sex, birthDate, birthPlaceCode })).toEqual(
            [],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("every single-character substitution of a valid code is caught", () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        for (let position = 1; position <= 16; position++) {
          for (const character of allowedCharacters(position)) {
            if (character === code[position - 1]) continue;
            expect(validateFiscalCode(replaceAt(code, position, character)).ok).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("decode(encode(x)) gives back sex, birth date (within 100 years of the reference) and place", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 36_523 }), (input, ageInDays) => {
        const code = encodeFiscalCode(input);
        const referenceDate = addDays(input.birthDate, ageInDays);
        expect(decodeFiscalCode(code, referenceDate)).toEqual({
          sex: input.sex,
          birthDate: input.birthDate,
          birthPlaceCode: input.birthPlaceCode,
          isForeignBorn: input.birthPlaceCode.startsWith("Z"),
        });
      }),
      { numRuns: 500 },
    );
  });

  it("omocodic letters are accepted in each of the seven positions individually", () => {
    fc.assert(
      fc.property(
        inputArb.map((input) => encodeFiscalCode({ ...input, omocodiaLevel: 0 })),
        fc.constantFrom(...omocodicPositions),
        (code, position) => {
          const digit = Number(code[position - 1]);
          const body = replaceAt(code, position, omocodicLetters[digit]).slice(0, 15);
          const omocodic = body + fiscalCodeCheckCharacter(body);
          expect(validateFiscalCode(omocodic)).toEqual({
            ok: true,
            kind: "personal",
            code: omocodic,
            isOmocodic: true,
            baseCode: code,
          });
          expect(decodeFiscalCode(omocodic, "2100-01-01")).toEqual(decodeFiscalCode(code, "2100-01-01"));
        },
      ),
    );
  });

  it("consistency check flags exactly the fields that differ", () => {
    fc.assert(
      fc.property(inputArb, sexArb, birthDateArb, placeArb, (input, sex, birthDate, birthPlaceCode) => {
        const code = encodeFiscalCode(input);
        const expected = [
          ...(sex !== input.sex ? ["sex"] : []),
          ...(birthDate.slice(2) !== input.birthDate.slice(2) ? ["birth-date"] : []),
          ...(birthPlaceCode !== input.birthPlaceCode ? ["birth-place"] : []),
        ];
        expect(checkFiscalCodeConsistency(code, { sex, birthDate, birthPlaceCode })).toEqual(expected);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Provisional codes
// ---------------------------------------------------------------------------------------------

describe("provisional 11-digit codes", () => {
  it("accepts a valid check digit: 12345678903", () => {
    // Odd positions 1+3+5+7+9 = 25; even 2,4,6,8,0 doubled (minus 9 over 9) = 4+8+3+7+0 = 22.
    // 47 → (10 − 7) mod 10 = 3.
    expect(validateFiscalCode("12345678903")).toEqual({
      ok: true,
      kind: "provisional",
      code: "12345678903",
      isOmocodic: false,
      baseCode: "12345678903",
    });
    expect(baseFiscalCode("12345678903")).toBe("12345678903");
  });

  it("reports a wrong check digit", () => {
    const result = validateFiscalCode("12345678904");
    expect(result).toEqual({ ok: false, problem: { kind: "check-digit", expected: "3", found: "4" } });
    if (!result.ok) {
      expect(italianMessage(result.problem)).toBe("Cifra di controllo errata: attesa «3», trovata «4»");
    }
  });

  it("reports a letter in an 11-character code", () => {
    expect(validateFiscalCode("1234567890A")).toEqual({
      ok: false,
      problem: { kind: "character", position: 11, character: "A", expected: "digit" },
    });
  });

  it("every generated provisional code is valid and every single-digit change is caught", () => {
    fc.assert(
      fc.property(provisionalArb, (code) => {
        expect(validateFiscalCode(code)).toMatchObject({ ok: true, kind: "provisional" });
        for (let position = 1; position <= 11; position++) {
          for (const digit of "0123456789") {
            if (digit === code[position - 1]) continue;
            const result = validateFiscalCode(replaceAt(code, position, digit));
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.problem.kind).toBe("check-digit");
          }
        }
      }),
    );
  });

  it("carries no personal data", () => {
    expect(() => decodeFiscalCode("12345678903")).toThrow(RangeError);
    expect(checkFiscalCodeConsistency("12345678903", { sex: "F" })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Decoding and consistency
// ---------------------------------------------------------------------------------------------

describe("decodeFiscalCode", () => {
  const born1920 = encodeFiscalCode({
    familyName: "Verdi",
    givenName: "Giuseppe",
    sex: "M",
    birthDate: "1920-03-01",
    birthPlaceCode: "D612",
  });

  it("picks the latest century not after the reference date (ambiguous past 100 years)", () => {
    expect(decodeFiscalCode(born1920, "2020-02-29").birthDate).toBe("1920-03-01");
    expect(decodeFiscalCode(born1920, "2020-03-01").birthDate).toBe("2020-03-01");
    expect(decodeFiscalCode(born1920, new Date(2019, 0, 1)).birthDate).toBe("1920-03-01");
  });

  it("skips a non-existent 29 February in a year ending in 00", () => {
    const born2000 = encodeFiscalCode({
      familyName: "Verdi",
      givenName: "Anna",
      sex: "F",
      birthDate: "2000-02-29",
      birthPlaceCode: "D612",
    });
    expect(decodeFiscalCode(born2000, "2150-01-01").birthDate).toBe("2000-02-29"); // 2100 is not leap
    expect(() => decodeFiscalCode(born2000, "1999-12-31")).toThrow(RangeError); // nor is 1900
  });

  it("defaults the reference date to today", () => {
    const today = new Date();
    const code = encodeFiscalCode({
      familyName: "Verdi",
      givenName: "Anna",
      sex: "F",
      birthDate: `${today.getFullYear() - 10}-01-01`,
      birthPlaceCode: "D612",
    });
    expect(decodeFiscalCode(code).birthDate).toBe(`${today.getFullYear() - 10}-01-01`);
  });

  it("decodes the base of an omocodic code", () => {
    expect(decodeFiscalCode("RSSMRA80A01H5LMX", "2025-01-01")).toEqual({
      sex: "M",
      birthDate: "1980-01-01",
      birthPlaceCode: "H501",
      isForeignBorn: false,
    });
  });

  it("throws with the problem on an invalid code", () => {
    expect(() => decodeFiscalCode("RSSMRA80A01H501X")).toThrow(InvalidFiscalCodeError);
    expect(() => baseFiscalCode("RSSMRA80A01H501")).toThrow("ne ha 15");
    expect(() => decodeFiscalCode(born1920, "2020-13-01")).toThrow(RangeError);
  });
});

describe("checkFiscalCodeConsistency", () => {
  it("compares with the decoded base code, ignoring the century", () => {
    expect(
      checkFiscalCodeConsistency("RSSMRA80A01H5LMX", {
        sex: "M",
        birthDate: "1980-01-01",
        birthPlaceCode: "h501",
      }),
    ).toEqual([]);
    expect(checkFiscalCodeConsistency("RSSMRA80A01H501U", { birthDate: "1880-01-01" })).toEqual([]);
    expect(
      checkFiscalCodeConsistency("RSSMRA80A01H501U", {
        sex: "F",
        birthDate: "1980-01-02",
        birthPlaceCode: "D612",
      }),
    ).toEqual(["sex", "birth-date", "birth-place"]);
    expect(checkFiscalCodeConsistency("RSSMRA80A01H501U", {})).toEqual([]);
    expect(checkFiscalCodeConsistency("RSSMRA80A01H501U", { birthDate: "not a date" })).toEqual([
      "birth-date",
    ]);
  });
});

describe("encodeFiscalCode input checks", () => {
  const base: FiscalCodeInput = {
    familyName: "Rossi",
    givenName: "Mario",
    sex: "M",
    birthDate: "1980-01-01",
    birthPlaceCode: "H501",
  };

  it("rejects input the algorithm cannot use", () => {
    expect(() => encodeFiscalCode({ ...base, familyName: "'  " })).toThrow(RangeError);
    expect(() => encodeFiscalCode({ ...base, givenName: "王" })).toThrow(RangeError);
    expect(() => encodeFiscalCode({ ...base, birthDate: "1981-02-29" })).toThrow(RangeError);
    expect(() => encodeFiscalCode({ ...base, birthPlaceCode: "H50" })).toThrow(RangeError);
    expect(() => encodeFiscalCode({ ...base, omocodiaLevel: 8 })).toThrow(RangeError);
    expect(() => encodeFiscalCode({ ...base, omocodiaLevel: 1.5 })).toThrow(RangeError);
  });
});

describe("fiscalCodeSchema", () => {
  it("outputs the normalised code or an Italian message", () => {
    expect(fiscalCodeSchema.parse("rssmra80a01h501u")).toBe("RSSMRA80A01H501U");
    const result = fiscalCodeSchema.safeParse("RSSMRA80A01H501X");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Carattere di controllo errato: atteso «U», trovato «X»");
  });
});
