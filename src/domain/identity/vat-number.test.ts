import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numericCheckDigit } from "./fiscal-code.ts";
import { encodeFiscalCode } from "./fiscal-code-encoding.ts";
import {
  normaliseVatNumber,
  operatorTaxCodeSchema,
  validateOperatorTaxCode,
  validateVatNumber,
  vatNumberSchema,
} from "./vat-number.ts";

const vatNumberArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join(""))
  .map((first10) => first10 + numericCheckDigit(first10));

describe("validateVatNumber", () => {
  it("accepts hand-checked numbers", () => {
    // 0 0 7 4 3 1 1 0 1 5: odd positions 0+7+3+1+1 = 12; even 0,4,1,0,5 doubled
    // (minus 9 over 9) = 0+8+2+0+1 = 11; 23 → (10 − 3) mod 10 = 7.
    expect(validateVatNumber("00743110157")).toEqual({ ok: true, code: "00743110157" });
    // 1 2 3 4 5 6 7 8 9 0: 25 + (4+8+3+7+0) = 47 → 3.
    expect(validateVatNumber("12345678903")).toEqual({ ok: true, code: "12345678903" });
  });

  it("normalises spaces and the IT prefix", () => {
    expect(normaliseVatNumber(" it 007 431 101 57 ")).toBe("00743110157");
    expect(validateVatNumber("IT00743110157")).toEqual({ ok: true, code: "00743110157" });
  });

  it("reports length, characters and check digit with Italian messages", () => {
    expect(validateVatNumber("0074311015")).toEqual({
      ok: false,
      problem: { kind: "length", length: 10 },
      message: "La partita IVA deve avere 11 cifre: ne ha 10",
    });
    expect(validateVatNumber("")).toMatchObject({
      ok: false,
      message: "La partita IVA è vuota: deve avere 11 cifre",
    });
    expect(validateVatNumber("0074311O157")).toEqual({
      ok: false,
      problem: { kind: "character", position: 8, character: "O", expected: "digit" },
      message: "Carattere non valido in posizione 8: «O» (è ammessa solo una cifra)",
    });
    expect(validateVatNumber("00743110158")).toEqual({
      ok: false,
      problem: { kind: "check-digit", expected: "7", found: "8" },
      message: "Cifra di controllo errata: attesa «7», trovata «8»",
    });
  });

  it("accepts every generated number and catches every single-digit change, without echoing it", () => {
    fc.assert(
      fc.property(vatNumberArb, (code) => {
        expect(validateVatNumber(code)).toEqual({ ok: true, code });
        for (let position = 1; position <= 11; position++) {
          for (const digit of "0123456789") {
            if (digit === code[position - 1]) continue;
            const changed = code.slice(0, position - 1) + digit + code.slice(position);
            const result = validateVatNumber(changed);
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.message).not.toContain(changed);
          }
        }
      }),
    );
  });
});

describe("validateOperatorTaxCode", () => {
  it("accepts a partita IVA or numeric code", () => {
    expect(validateOperatorTaxCode("00743110157")).toEqual({
      ok: true,
      kind: "numeric",
      code: "00743110157",
    });
    expect(validateOperatorTaxCode("IT00743110157")).toEqual({
      ok: true,
      kind: "numeric",
      code: "00743110157",
    });
  });

  it("accepts a personal fiscal code, omocodic included", () => {
    expect(validateOperatorTaxCode("rssmra80a01h501u")).toEqual({
      ok: true,
      kind: "personal",
      code: "RSSMRA80A01H501U",
    });
    expect(validateOperatorTaxCode("RSSMRA80A01H5LMX")).toMatchObject({ ok: true, kind: "personal" });
  });

  it("reports problems with Italian messages", () => {
    expect(validateOperatorTaxCode("007431101")).toEqual({
      ok: false,
      problem: { kind: "length", length: 9 },
      message: "Il codice fiscale o la partita IVA deve avere 11 cifre o 16 caratteri: ne ha 9",
    });
    expect(validateOperatorTaxCode("00743110158")).toMatchObject({
      ok: false,
      problem: { kind: "check-digit" },
      message: "Cifra di controllo errata: attesa «7», trovata «8»",
    });
    expect(validateOperatorTaxCode("RSSMRA80A01H501X")).toMatchObject({
      ok: false,
      problem: { kind: "check-character", expected: "U", found: "X" },
    });
  });

  it("accepts generated personal codes and partite IVA", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          vatNumberArb,
          fc
            .record({
              birthDate: fc.constantFrom("1950-05-17", "1999-12-31", "2004-02-29"),
              level: fc.integer({ min: 0, max: 7 }),
              sex: fc.constantFrom("M" as const, "F" as const),
            })
            .map(({ birthDate, level, sex }) =>
              encodeFiscalCode({
                familyName: "Esposito",
                givenName: "Chiara",
                sex,
                birthDate,
                birthPlaceCode: "F839",
                omocodiaLevel: level,
              }),
            ),
        ),
        (code) => {
          expect(validateOperatorTaxCode(code)).toMatchObject({ ok: true, code });
        },
      ),
    );
  });
});

describe("schemas", () => {
  it("normalise valid values and report Italian messages", () => {
    expect(vatNumberSchema.parse("IT 00743110157")).toBe("00743110157");
    expect(vatNumberSchema.safeParse("123").error?.issues[0].message).toBe(
      "La partita IVA deve avere 11 cifre: ne ha 3",
    );
    expect(operatorTaxCodeSchema.parse("rssmra80a01h501u")).toBe("RSSMRA80A01H501U");
    expect(operatorTaxCodeSchema.safeParse("RSSMRA80A01H501X").success).toBe(false);
  });
});
