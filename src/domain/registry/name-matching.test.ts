import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BlockingInput,
  birthDateRelation,
  birthDateVariants,
  blockingKeys,
  jaroWinkler,
  lookupBlockingKeys,
  nameTokens,
  normaliseName,
  phoneticKey,
} from "./name-matching.ts";

const latinLetters = [..."abcdefghijklmnopqrstuvwxyzàáâäãåçèéêëìíîïñòóôöõùúûüýÿșțăčšžćđłøæœß"];
/** Names in Latin script with accents, separators and mixed case. */
const latinNameArb = fc
  .array(fc.constantFrom(...latinLetters, " ", "'", "-", "."), { minLength: 1, maxLength: 24 })
  .chain((chars) =>
    fc
      .array(fc.boolean(), { minLength: chars.length, maxLength: chars.length })
      .map((upper) => chars.map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")),
  );

describe("normaliseName", () => {
  it.each([
    ["  Ștefan-Łukasz  O'Brien. ", "STEFAN LUKASZ O BRIEN"],
    ["Niccolò", "NICCOLO"],
    ["Groß", "GROSS"],
    ["Ærø", "AERO"],
    ["Þórður", "THORDUR"],
    ["Đorđević", "DORDEVIC"],
    ["D’Amico", "D AMICO"],
    ["Ｍａｒｉａ", "MARIA"],
    ["Ævar\tMüller", "AEVAR MULLER"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it("gives only letters A–Z separated by single spaces, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const normalised = normaliseName(s);
        expect(normalised).toMatch(/^([A-Z]+( [A-Z]+)*)?$/);
        expect(normaliseName(normalised)).toBe(normalised);
      }),
    );
  });

  it("ignores case and diacritics", () => {
    fc.assert(
      fc.property(latinNameArb, (s) => {
        const normalised = normaliseName(s);
        expect(normaliseName(s.toLowerCase())).toBe(normalised);
        expect(normaliseName(s.toUpperCase())).toBe(normalised);
        expect(normaliseName(s.normalize("NFD").replace(/\p{M}/gu, ""))).toBe(normalised);
      }),
    );
  });
});

describe("nameTokens", () => {
  it.each([
    ["De Luca", ["DELUCA"]],
    ["Deluca", ["DELUCA"]],
    ["D'Amico", ["DAMICO"]],
    ["Dell'Acqua", ["DELLACQUA"]],
    ["De La Cruz", ["DELACRUZ"]],
    ["El Amrani", ["ELAMRANI"]],
    ["Maria Grazia", ["MARIA", "GRAZIA"]],
    ["Mohamed Ben Ali", ["MOHAMED", "BENALI"]],
    ["Li Wei", ["LI", "WEI"]],
    ["Di", ["DI"]],
    ["Rossi Di", ["ROSSI", "DI"]],
    [" - ", []],
  ])("%j → %j", (input, expected) => {
    expect(nameTokens(input)).toEqual(expected);
  });
});

describe("phoneticKey", () => {
  it.each([
    [["MOHAMED", "Mohammed", "Muhammad", "Mohammad", "Mohamad"]],
    [["Youssef", "Yousef", "Yusuf", "Josef", "Jusuf"]],
    [["Ahmed", "Ahmad"]],
    [["Hussein", "Husain", "Hossein", "Hussain"]],
    [["Achraf", "Ashraf"]],
    [["Hicham", "Hisham"]],
    [["Rachid", "Rashid"]],
    [["Aicha", "Aisha"]],
    [["Oualid", "Walid"]],
    [["Mustafa", "Moustapha", "Mostafa"]],
    [["Ousmane", "Usman"]],
    [["Christian", "Cristian", "Kristian"]],
    [["Oleksandr", "Aleksandr", "Alexander"]],
    [["Zeeshan", "Zishan"]],
    [["Xhesika", "Jessica"]],
    [["De Luca", "Deluca", "DE LUCA"]],
    [["Niccolò", "Nicolo"]],
  ])("%j share a key", (names) => {
    const keys = new Set(names.map(phoneticKey));
    expect(keys.size).toBe(1);
  });

  it.each([
    ["Luca", "Lucia"],
    ["Rossi", "Bianchi"],
    ["Mohamed", "Ahmed"],
    ["Youssef", "Hussein"],
  ])("%s and %s have different keys", (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it("is a fixed point on its own output and ignores case and diacritics", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        expect(phoneticKey(phoneticKey(s))).toBe(phoneticKey(s));
      }),
    );
    fc.assert(
      fc.property(latinNameArb, (s) => {
        expect(phoneticKey(s.toLowerCase())).toBe(phoneticKey(s.toUpperCase()));
        expect(phoneticKey(s.normalize("NFD").replace(/\p{M}/gu, ""))).toBe(phoneticKey(s));
      }),
    );
  });
});

describe("jaroWinkler", () => {
  it.each([
    ["MARTHA", "MARHTA", 0.961],
    ["DWAYNE", "DUANE", 0.84],
    ["DIXON", "DICKSONX", 0.813],
    ["ABC", "ABC", 1],
    ["ABC", "XYZ", 0],
    ["", "", 1],
    ["", "A", 0],
  ])("%s / %s ≈ %d", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it("is symmetric, within 0..1, and 1 only for equal strings", () => {
    const word = fc.string({ unit: fc.constantFrom(..."ABCDEFG"), maxLength: 12 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const value = jaroWinkler(a, b);
        expect(value).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(value === 1).toBe(a === b);
      }),
    );
  });
});

describe("blocking keys", () => {
  const mario = {
    familyName: "De Luca",
    givenName: "Mario Luigi",
    birthDate: "2012-03-04",
    sex: "M" as const,
  };

  it("holds birth date, sex and the phonetic key of each name's first word", () => {
    expect(blockingKeys(mario).sort()).toEqual(["2012-03-04|M|DLK", "2012-03-04|M|MR"]);
  });

  it("meets the same child with swapped names, a typo in one name or another spelling", () => {
    const keys = new Set(blockingKeys(mario));
    const meets = (other: Partial<BlockingInput>) =>
      blockingKeys({ ...mario, ...other }).some((k) => keys.has(k));
    expect(meets({ familyName: "Mario", givenName: "De Luca" })).toBe(true);
    expect(meets({ familyName: "Deluca", givenName: "Marco" })).toBe(true);
    expect(meets({ familyName: "Dr Lucca", givenName: "Mario" })).toBe(true);
    expect(meets({ sex: "F" })).toBe(false);
    expect(meets({ birthDate: "2012-03-05" })).toBe(false);
  });

  it("gives unique keys and none for empty names", () => {
    expect(blockingKeys({ ...mario, familyName: "Mario", givenName: "Mario" })).toEqual(["2012-03-04|M|MR"]);
    expect(blockingKeys({ ...mario, familyName: "", givenName: "'" })).toEqual([]);
  });

  it("looks up under plausible mistakes in the birth date", () => {
    // 2090 is no birth date of a minor, but the variants know no calendar: a lookup finds nothing.
    expect(birthDateVariants("2009-03-04").sort()).toEqual([
      "2008-03-04",
      "2009-04-03",
      "2010-03-04",
      "2090-03-04",
    ]);
    expect(birthDateVariants("2009-12-21")).toContain("2009-12-12");
    expect(birthDateVariants("2009-02-28")).not.toContain("2009-28-02");
    expect(birthDateVariants("2008-02-29")).not.toContain("2009-02-29");
    expect(birthDateVariants("2009-13-01")).toEqual([]);
    const stored = new Set(blockingKeys({ ...mario, birthDate: "2012-04-03" }));
    expect(lookupBlockingKeys(mario).some((k) => stored.has(k))).toBe(true);
  });
});

describe("birthDateRelation", () => {
  it.each([
    ["2012-03-04", "2012-03-04", "equal"],
    ["2012-03-04", "2012-04-03", "birth-date-day-month-swapped"],
    ["2012-03-12", "2012-03-21", "birth-date-transposed"],
    ["2012-03-04", "2021-03-04", "birth-date-transposed"],
    ["2012-03-31", "2012-04-01", "birth-date-one-day-apart"],
    ["2010-01-01", "2009-01-01", "birth-year-off-by-one"],
    ["2012-03-04", "2012-03-09", "birth-date-one-digit"],
    ["2012-01-23", "2012-02-13", "birth-date-differs"],
    ["2012-03-04", "2013-07-09", "birth-date-differs"],
    ["2012-03-04", "04/03/2012", "birth-date-differs"],
  ])("%s / %s → %s", (a, b, expected) => {
    expect(birthDateRelation(a, b)).toBe(expected);
    expect(birthDateRelation(b, a)).toBe(expected);
  });

  it("calls every variant used for lookups a near date", () => {
    for (const date of ["2009-03-04", "2012-12-21", "2016-02-29", "2010-01-01"]) {
      for (const variant of birthDateVariants(date)) {
        expect(birthDateRelation(date, variant)).not.toMatch(/^(equal|birth-date-differs)$/);
      }
    }
  });
});
