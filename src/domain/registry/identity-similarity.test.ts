import { fakerIT } from "@faker-js/faker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ComparableIdentity, compareIdentities } from "./identity-similarity.ts";
import { nameTokens } from "./name-matching.ts";

const luca: ComparableIdentity = {
  familyName: "Rossi",
  givenName: "Luca",
  sex: "M",
  birthDate: "2012-03-04",
  birthPlace: { comune: "048017" },
  citizenship: "100",
};
const mohamed: ComparableIdentity = {
  familyName: "Ali",
  givenName: "Mohamed",
  sex: "M",
  birthDate: "2009-05-12",
  birthPlace: { country: "419" },
  citizenship: "419",
};
const with_ = (base: ComparableIdentity, changes: Partial<ComparableIdentity>) => ({ ...base, ...changes });

describe("compareIdentities on hand-made cases", () => {
  it.each<[string, string, ComparableIdentity, ComparableIdentity, string[]]>([
    ["identical records", "same", luca, { ...luca }, []],
    [
      "case, accents and spacing",
      "same",
      with_(luca, { givenName: "Lùca " }),
      with_(luca, { familyName: "ROSSI" }),
      [],
    ],
    // Nothing else differs, and the same words in the other field are a common clerical slip.
    [
      "family and given name swapped",
      "same",
      luca,
      with_(luca, { familyName: "Luca", givenName: "Rossi" }),
      ["names-swapped"],
    ],
    [
      "particle glued",
      "same",
      with_(luca, { familyName: "De Luca" }),
      with_(luca, { familyName: "Deluca" }),
      [],
    ],
    [
      "double name glued",
      "same",
      with_(luca, { givenName: "Gian Luca" }),
      with_(luca, { givenName: "Gianluca" }),
      [],
    ],
    // Doubled letters never tell two names apart.
    ["Mohamed / Mohammed", "same", mohamed, with_(mohamed, { givenName: "Mohammed" }), []],
    [
      "Alessandro / Alesandro",
      "same",
      with_(luca, { givenName: "Alessandro" }),
      with_(luca, { givenName: "Alesandro" }),
      [],
    ],
    // A transliteration that changes vowels could also be another name: a reviewer decides.
    [
      "Mohamed / Muhammad",
      "possible",
      mohamed,
      with_(mohamed, { givenName: "Muhammad" }),
      ["name-spelling-variant"],
    ],
    [
      "Youssef / Yusuf",
      "possible",
      with_(mohamed, { givenName: "Youssef" }),
      with_(mohamed, { givenName: "Yusuf" }),
      ["name-spelling-variant"],
    ],
    [
      "one-letter typo in a long name",
      "possible",
      with_(luca, { givenName: "Alessandro" }),
      with_(luca, { givenName: "Alessadnro" }),
      ["name-typo"],
    ],
    ["typo in the family name", "same", luca, with_(luca, { familyName: "Rosi" }), []],
    [
      "wrong letter in the family name",
      "possible",
      luca,
      with_(luca, { familyName: "Bossi" }),
      ["name-typo"],
    ],
    [
      "second given name missing",
      "possible",
      with_(luca, { givenName: "Maria Grazia", sex: "F" }),
      with_(luca, { givenName: "Maria", sex: "F" }),
      ["double-name-partial"],
    ],
    [
      "particle dropped",
      "possible",
      with_(mohamed, { familyName: "El Amrani" }),
      with_(mohamed, { familyName: "Amrani" }),
      ["name-particle-dropped"],
    ],
    [
      "day and month swapped",
      "possible",
      luca,
      with_(luca, { birthDate: "2012-04-03" }),
      ["birth-date-day-month-swapped"],
    ],
    [
      "day digits swapped",
      "possible",
      with_(luca, { birthDate: "2012-03-12" }),
      with_(luca, { birthDate: "2012-03-21" }),
      ["birth-date-transposed"],
    ],
    [
      "year one off",
      "possible",
      mohamed,
      with_(mohamed, { birthDate: "2008-05-12" }),
      ["birth-year-off-by-one"],
    ],
    [
      "born in another comune",
      "possible",
      luca,
      with_(luca, { birthPlace: { comune: "100005" } }),
      ["birth-place-differs"],
    ],
    [
      "another comune, doubled letters",
      "possible",
      luca,
      with_(luca, { givenName: "Lucca", familyName: "Rosi", birthPlace: { comune: "100005" } }),
      ["birth-place-differs"],
    ],
    [
      "another comune and another spelling",
      "different",
      luca,
      with_(luca, { givenName: "Luka", birthPlace: { comune: "100005" } }),
      ["name-spelling-variant", "birth-place-differs"],
    ],
    [
      "namesakes born abroad on 1 January",
      "possible",
      with_(mohamed, { birthDate: "2009-01-01" }),
      with_(mohamed, { birthDate: "2009-01-01" }),
      ["birth-date-conventional"],
    ],
    [
      "born in Italy on 1 January",
      "same",
      with_(luca, { birthDate: "2012-01-01" }),
      with_(luca, { birthDate: "2012-01-01" }),
      [],
    ],
    ["sex typed wrong", "possible", luca, with_(luca, { sex: "F" }), ["sex-differs"]],
    [
      "another birth date",
      "different",
      luca,
      with_(luca, { birthDate: "2013-07-09" }),
      ["birth-date-differs"],
    ],
    [
      "another child",
      "different",
      luca,
      with_(luca, { familyName: "Bianchi", givenName: "Marco" }),
      ["names-differ"],
    ],
    [
      "only a given name",
      "possible",
      with_(mohamed, { familyName: "" }),
      with_(mohamed, { familyName: "" }),
      [],
    ],
    [
      "unknown state of birth",
      "same",
      with_(mohamed, { birthPlace: { country: "999" } }),
      with_(mohamed, { birthPlace: { country: "436" } }),
      [],
    ],
  ])("%s → %s", (_, verdict, a, b, reasons) => {
    const result = compareIdentities(a, b);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons).toEqual(reasons);
  });

  it.each([
    ["Mario", "Maria", "F"],
    ["Luca", "Lucia", "F"],
    ["Luca", "Lucia", "M"],
    ["Mario", "Maria", "M"],
    ["Marco", "Mirco", "M"],
    ["Matteo", "Mattia", "M"],
    ["Francesco", "Francesca", "M"],
    ["Giulio", "Giulia", "M"],
    ["Gaia", "Gioia", "F"],
    ["Maria Grazia", "Maria Luisa", "F"],
    ["Mohamed", "Mahmoud", "M"],
  ])("twins %s and %s (%s) are never the same child", (first, second, sex) => {
    const twin = with_(luca, { givenName: first, sex: sex as "M" | "F" });
    const result = compareIdentities(twin, with_(twin, { givenName: second }));
    expect(result.verdict).not.toBe("same");
  });

  it("ranks the exact record above a typo, a typo above another child", () => {
    const exact = compareIdentities(luca, { ...luca }).score;
    const typo = compareIdentities(luca, with_(luca, { familyName: "Bossi" })).score;
    const other = compareIdentities(luca, with_(luca, { familyName: "Bianchi", givenName: "Marco" })).score;
    expect(exact).toBe(1);
    expect(typo).toBeLessThan(exact);
    expect(other).toBeLessThan(typo);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const { male, female } = fakerIT.definitions.person.first_name as { male: string[]; female: string[] };
const familyNames = (fakerIT.definitions.person.last_name as { generic: string[] }).generic;
const foreignNames = [
  "Mohamed",
  "Muhammad",
  "Youssef",
  "Yusuf",
  "Ahmed",
  "Ahmad",
  "Hussein",
  "Diallo",
  "Oleksandr",
];
const nameArb = fc.oneof(
  fc.constantFrom(...male, ...female, ...foreignNames),
  fc.tuple(fc.constantFrom(...male, ...foreignNames), fc.constantFrom(...male)).map(([a, b]) => `${a} ${b}`),
);
const dateArb = fc.constantFrom(
  "2009-01-01",
  "2009-01-10",
  "2009-10-01",
  "2010-01-01",
  "2012-03-04",
  "2012-04-03",
);
const placeArb = fc.constantFrom(
  null,
  {},
  { comune: "048017" },
  { comune: "100005" },
  { country: "419" },
  { country: "100" },
);
const identityArb: fc.Arbitrary<ComparableIdentity> = fc.record({
  familyName: fc.oneof(fc.constantFrom(...familyNames.slice(0, 50)), nameArb),
  givenName: nameArb,
  sex: fc.constantFrom("M" as const, "F" as const),
  birthDate: dateArb,
  birthPlace: placeArb,
  citizenship: fc.constantFrom(null, "100", "419"),
});

/** Spellings of a given name once the noise the matcher ignores is removed: glued, word order. */
const canonical = (word: string) => word.replace(/Y/g, "I").replace(/(.)\1+/g, "$1");
const spellings = (name: string) => [
  canonical(nameTokens(name).join("")),
  nameTokens(name).map(canonical).sort().join(" "),
];

describe("compareIdentities properties", () => {
  it("is symmetric", () => {
    fc.assert(
      fc.property(identityArb, identityArb, (a, b) => {
        expect(compareIdentities(a, b)).toEqual(compareIdentities(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it("finds a record the same as itself, only possibly so on a conventional 1 January abroad", () => {
    fc.assert(
      fc.property(identityArb, (a) => {
        const conventional = a.birthDate.endsWith("-01-01") && !a.birthPlace?.comune;
        const { verdict, score } = compareIdentities(a, structuredClone(a));
        expect(verdict).toBe(conventional ? "possible" : "same");
        expect(score).toBeGreaterThan(0.9);
      }),
    );
  });

  it("never calls two children with different given names the same, whatever else agrees", () => {
    fc.assert(
      fc.property(identityArb, nameArb, (a, otherGiven) => {
        const [glued, sorted] = spellings(a.givenName);
        const [otherGlued, otherSorted] = spellings(otherGiven);
        fc.pre(glued !== otherGlued && sorted !== otherSorted);
        fc.pre(!nameTokens(a.familyName).some((word) => nameTokens(otherGiven).includes(word)));
        expect(compareIdentities(a, { ...a, givenName: otherGiven }).verdict).not.toBe("same");
      }),
      { numRuns: 500 },
    );
  });

  it("is never the same with another sex or birth date, and different for unrelated dates", () => {
    fc.assert(
      fc.property(identityArb, (a) => {
        expect(compareIdentities(a, { ...a, sex: a.sex === "M" ? "F" : "M" }).verdict).not.toBe("same");
        expect(compareIdentities(a, { ...a, birthDate: "2015-06-17" }).verdict).toBe("different");
      }),
    );
  });

  it("keeps the score within 0..1", () => {
    fc.assert(
      fc.property(identityArb, identityArb, (a, b) => {
        const { score } = compareIdentities(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });
});
