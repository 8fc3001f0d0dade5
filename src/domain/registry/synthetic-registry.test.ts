import { describe, expect, it } from "vitest";
import {
  generateSyntheticRegistry,
  precisionRecall,
  type SyntheticMinor,
} from "../../../bench/registry/synthetic-registry.ts";
import { checkFiscalCodeConsistency, validateFiscalCode } from "../identity/fiscal-code.ts";
import { compareIdentities } from "./identity-similarity.ts";

const size = 10_000;
const referenceDate = "2026-11-26";
const records = [...generateSyntheticRegistry({ size, seed: 20_261_126, referenceDate })];
const duplicates = records.filter((r) => r.duplicateOf !== null);

describe("generateSyntheticRegistry", () => {
  it("generates the requested records, numbered in order, the same for the same seed", () => {
    expect(records).toHaveLength(size);
    expect(records.map((r) => r.recordId)).toEqual([...Array(size).keys()]);
    // How long generation takes is measured in bench/, never asserted here.
    const again = [...generateSyntheticRegistry({ size: 500, seed: 20_261_126, referenceDate })];
    expect(again).toEqual(records.slice(0, 500));
  });

  it("keeps the shares of records without fiscal code and of near-duplicates", () => {
    const withoutCode = records.filter((r) => r.fiscalCode === null).length / size;
    expect(withoutCode).toBeGreaterThan(0.065);
    expect(withoutCode).toBeLessThan(0.095);
    expect(duplicates.length / size).toBeGreaterThan(0.015);
    expect(duplicates.length / size).toBeLessThan(0.025);
    const noDuplicates = [...generateSyntheticRegistry({ size: 2000, seed: 1, nearDuplicateShare: 0 })];
    expect(noDuplicates.every((r) => r.duplicateOf === null)).toBe(true);
  });

  it("gives valid fiscal codes agreeing with sex, birth date and place of birth", () => {
    const wrong = records.filter(
      (r) =>
        r.fiscalCode !== null &&
        (!validateFiscalCode(r.fiscalCode).ok || checkFiscalCodeConsistency(r.fiscalCode, r).length > 0),
    );
    expect(wrong).toEqual([]);
    expect(records.filter((r) => r.fiscalCode !== null).length).toBeGreaterThan(size * 0.9);
  });

  it("gives minors aged 0–17 on the reference date, Italian or foreign citizens", () => {
    const codeOf = (r: SyntheticMinor) =>
      "comune" in r.birthPlace ? r.birthPlace.comune : r.birthPlace.country;
    const wrong = records.filter(
      (r) =>
        r.birthDate > referenceDate ||
        r.birthDate <= "2008-11-26" ||
        !/^\d{3}$/.test(r.citizenship) ||
        !/^(\d{6}|\d{3})$/.test(codeOf(r)),
    );
    expect(wrong).toEqual([]);
    const foreignBornWithoutCode = records.filter((r) => r.fiscalCode === null && "country" in r.birthPlace);
    expect(foreignBornWithoutCode.length).toBeGreaterThan(0);
  });

  it("links each near-duplicate to one earlier original of the same child, without fiscal code", () => {
    const originals = new Set<number>();
    for (const duplicate of duplicates) {
      const original = records[duplicate.duplicateOf as number];
      expect(original.duplicateOf).toBeNull();
      expect(duplicate.truthId).toBe(original.truthId);
      expect(duplicate.fiscalCode).toBeNull();
      expect(duplicate.perturbation).not.toBeNull();
      expect(originals.has(original.recordId)).toBe(false);
      originals.add(original.recordId);
    }
    const truthIds = new Set(records.map((r) => r.truthId));
    expect(truthIds.size).toBe(size - duplicates.length);
    expect(new Set(duplicates.map((d) => d.perturbation)).size).toBe(5);
  });

  it("is determined by the seed", () => {
    const again = [...generateSyntheticRegistry({ size: 3000, seed: 20_261_126, referenceDate })];
    expect(again).toEqual(records.slice(0, 3000));
    const other = [...generateSyntheticRegistry({ size: 3000, seed: 7, referenceDate })];
    expect(other).not.toEqual(again);
  });
});

describe("compareIdentities on the synthetic registry", () => {
  it("finds near-duplicates and rarely calls two different children the same", () => {
    const recalled = duplicates.filter((d) => {
      const verdict = compareIdentities(records[d.duplicateOf as number], d).verdict;
      return verdict !== "different";
    }).length;
    const recall = recalled / duplicates.length;

    // As many pairs of different children as there are near-duplicates, sharing birth date and
    // sex, one of them without fiscal code: the pairs blocking puts side by side when a record
    // without code arrives. Taken evenly from all such pairs.
    const byBirth = new Map<string, SyntheticMinor[]>();
    for (const record of records) {
      const key = `${record.birthDate}|${record.sex}`;
      byBirth.set(key, [...(byBirth.get(key) ?? []), record]);
    }
    const candidates: [SyntheticMinor, SyntheticMinor][] = [];
    for (const group of byBirth.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i], group[j]];
          if (a.truthId !== b.truthId && (a.fiscalCode === null || b.fiscalCode === null))
            candidates.push([a, b]);
        }
      }
    }
    const step = Math.max(1, Math.floor(candidates.length / duplicates.length));
    const sample = candidates.filter((_, i) => i % step === 0).slice(0, duplicates.length);
    const falseSame = sample.filter(([a, b]) => compareIdentities(a, b).verdict === "same").length;
    const falsePossible = sample.filter(([a, b]) => compareIdentities(a, b).verdict === "possible").length;

    console.log(
      `near-duplicates ${duplicates.length}: recall (same or possible) ${(recall * 100).toFixed(1)}%; ` +
        `${sample.length} pairs of different children with the same birth date and sex ` +
        `(of ${candidates.length}): same ${((falseSame / sample.length) * 100).toFixed(2)}%, ` +
        `possible ${((falsePossible / sample.length) * 100).toFixed(2)}%`,
    );
    expect(sample.length).toBe(duplicates.length);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falseSame / sample.length).toBeLessThanOrEqual(0.005);
  });
});

describe("precisionRecall", () => {
  it("compares unordered pairs, counting repeats once", () => {
    const truth = [
      [1, 2],
      [3, 4],
      [5, 6],
    ] as const;
    const predicted = [
      [2, 1],
      [4, 3],
      [3, 4],
      [7, 8],
    ] as const;
    expect(precisionRecall(truth, predicted)).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 2 / 3,
      recall: 2 / 3,
    });
  });

  it("is perfect on empty inputs", () => {
    expect(precisionRecall([], [])).toMatchObject({ precision: 1, recall: 1 });
  });
});
