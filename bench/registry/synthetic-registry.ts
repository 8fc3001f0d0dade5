/**
 * A synthetic registry of minors for benchmarks and for measuring duplicate detection: mostly
 * Italian-born children with a fiscal code, a share of foreign-born children without one (shaped
 * like unaccompanied foreign minors: mostly boys aged 15–17, names from the main countries of
 * arrival, sometimes the conventional 1 January birth date of an age assessment), and
 * near-duplicates — a second record of an earlier child, without fiscal code, written with one
 * realistic difference.
 *
 * Records are produced lazily and only a bounded pool of earlier records is kept, so 1.2 million
 * records cost little memory. Everything is determined by the seed.
 */
import { base, en, Faker, it } from "@faker-js/faker";
import { encodeFiscalCode } from "../../src/domain/identity/fiscal-code-encoding.ts";
import { comuni, countries, poolOf, spellingVariants, table } from "./synthetic-registry-data.ts";

export type SyntheticBirthPlace = { comune: string } | { country: string };

/** The one difference a near-duplicate carries. */
export type Perturbation = "transliteration" | "swapped-names" | "dropped-given-name" | "typo" | "birth-date";

export type SyntheticMinor = {
  /** Position in the generated sequence, from 0. */
  recordId: number;
  /** The real child: a near-duplicate shares it with its original. */
  truthId: number;
  /** recordId of the original for a near-duplicate, null otherwise. */
  duplicateOf: number | null;
  perturbation: Perturbation | null;
  fiscalCode: string | null;
  familyName: string;
  givenName: string;
  sex: "M" | "F";
  birthDate: string;
  /** ISTAT comune code (born in Italy) or ISTAT state code. */
  birthPlace: SyntheticBirthPlace;
  /** ISTAT state code, "100" for Italy. */
  citizenship: string;
};

export type SyntheticRegistryOptions = {
  size: number;
  seed: number;
  /** Share of all records without a fiscal code, near-duplicates included (so at least their share). */
  withoutFiscalCodeShare?: number;
  /** Share of all records that are near-duplicates of an earlier record. */
  nearDuplicateShare?: number;
  /** Ages 0–17 are counted back from this date (YYYY-MM-DD). */
  referenceDate?: string;
};

/** Small, fast and good enough for sampling (Mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayMs = 86_400_000;
const isoByDay = new Map<number, string>();
/** YYYY-MM-DD of a day number, cached: a registry of minors spans some 6,600 days. */
function toIso(day: number): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * dayMs).toISOString().slice(0, 10);
    isoByDay.set(day, iso);
  }
  return iso;
}
/** Day number of a YYYY-MM-DD date; an impossible day rolls over (2025-02-29 → 1 March). */
function toDay(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / dayMs;
}
const isExisting = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && toIso(toDay(iso)) === iso;
const shiftYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** Ages of unaccompanied minors on arrival, with weights: mostly 16 and 17 (Ministry of Labour). */
const unaccompaniedAges = table("17 45; 16 27; 15 13; 14 7; 13 3; 12 2; 10 2; 8 1").map(
  ([age, weight]) => [Number(age), Number(weight)] as const,
);
/** Records kept to draw near-duplicates from; older ones are replaced at random. */
const poolCapacity = 4096;
/** How the one difference of a near-duplicate is chosen, among those the record allows. */
const perturbationWeights = table(
  "transliteration 25; swapped-names 15; dropped-given-name 15; typo 25; birth-date 20",
).map(([perturbation, weight]) => [perturbation as Perturbation, Number(weight)] as const);

type Names = { familyName: string; givenName: string };
/** What a generated child carries besides the identifiers of the sequence. */
type Fields = Omit<SyntheticMinor, "recordId" | "truthId" | "duplicateOf" | "perturbation">;

/** Sampling helpers over one seeded sequence. */
function sampler(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  };
  return { pick, weighted };
}

/** One typing mistake, never on the first letter: a wrong, missing, doubled or swapped letter. */
function withTypo(name: string, random: () => number): string {
  const { pick } = sampler(random);
  const isLetter = (i: number) => i < name.length && /\p{L}/u.test(name[i]);
  const positions = Array.from({ length: name.length }, (_, i) => i).filter(
    (i) => i > 0 && isLetter(i) && isLetter(i - 1),
  );
  if (positions.length === 0) return name + name.slice(-1);
  const i = pick(positions);
  const kind = random();
  if (kind < 0.3) {
    const replacement = pick([..."aeioulnrstmcd"].filter((c) => c !== name[i].toLowerCase()));
    return name.slice(0, i) + replacement + name.slice(i + 1);
  }
  if (kind < 0.55 || !isLetter(i + 1)) return name.slice(0, i) + name.slice(i + 1);
  if (kind < 0.8) return name.slice(0, i) + name[i] + name.slice(i);
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

/** Another spelling of the whole name or of one of its words, if one is known. */
function withVariant(name: string, random: () => number): string | undefined {
  const { pick } = sampler(random);
  const whole = spellingVariants.get(name);
  if (whole) return pick(whole);
  const parts = name.split(" ");
  const known = [...parts.keys()].filter((i) => spellingVariants.has(parts[i]));
  if (known.length === 0) return undefined;
  const i = pick(known);
  parts[i] = pick(spellingVariants.get(parts[i]) ?? [parts[i]]);
  return parts.join(" ");
}

/**
 * Generates `size` records lazily. Near-duplicates are drawn half from children without a fiscal
 * code and half from those with one (a service that did not record it), each original at most
 * once, so the true duplicate pairs are exactly [duplicateOf, recordId].
 */
export function* generateSyntheticRegistry(options: SyntheticRegistryOptions): Generator<SyntheticMinor> {
  const { size, seed, withoutFiscalCodeShare = 0.08, nearDuplicateShare = 0.02 } = options;
  const referenceDate = options.referenceDate ?? "2026-11-26";
  if (!isExisting(referenceDate)) throw new RangeError("referenceDate must be an existing date YYYY-MM-DD");
  const random = seededRandom(seed);
  const { pick, weighted } = sampler(random);
  const faker = new Faker({ locale: [it, en, base] });
  faker.seed(seed);
  const arrivalTable = countries.map((c) => [c, c.arrivals] as const);
  const residentTable = countries.map((c) => [c, c.residents] as const);
  // Near-duplicates carry no fiscal code, so originals get fewer for the total share to hold.
  const without = Math.max(0, (withoutFiscalCodeShare - nearDuplicateShare) / (1 - nearDuplicateShare));
  const referenceDay = toDay(referenceDate);
  const firstMinorDay = toDay(shiftYears(referenceDate, -18)) + 1;
  const withCodePool: SyntheticMinor[] = [];
  const withoutCodePool: SyntheticMinor[] = [];
  let nextTruthId = 0;

  const remember = (pool: SyntheticMinor[], record: SyntheticMinor) => {
    if (pool.length < poolCapacity) pool.push(record);
    else pool[Math.floor(random() * poolCapacity)] = record;
  };
  const takeFrom = (pool: SyntheticMinor[]): SyntheticMinor | undefined => {
    if (pool.length === 0) return undefined;
    const index = Math.floor(random() * pool.length);
    const record = pool[index];
    pool[index] = pool[pool.length - 1];
    pool.pop();
    return record;
  };
  const italian = poolOf("italian");
  const italianGiven = (sex: "M" | "F") =>
    random() < 0.4
      ? pick(sex === "M" ? italian.male : italian.female)
      : faker.person.firstName(sex === "M" ? "male" : "female");
  const withSecond = (first: string, second: string | undefined) =>
    second === undefined || second === first ? first : `${first} ${second}`;
  const italianNames = (sex: "M" | "F"): Names => ({
    familyName: random() < 0.3 ? pick(italian.family) : faker.person.lastName(),
    givenName: withSecond(italianGiven(sex), random() < 0.06 ? italianGiven(sex) : undefined),
  });
  const foreignNames = (origin: string, sex: "M" | "F", secondNameShare: number): Names => {
    const pool = poolOf(origin);
    const given = sex === "M" ? pool.male : pool.female;
    const first = pick(given);
    return {
      familyName: pick(pool.family),
      givenName: withSecond(first, random() < secondNameShare ? pick(given) : undefined),
    };
  };

  const unaccompanied = (): Fields => {
    const { istatCode: countryCode, origin } = weighted(arrivalTable);
    const sex = random() < 0.88 ? "M" : "F";
    const age = weighted(unaccompaniedAges);
    const latest = toDay(shiftYears(referenceDate, -age));
    const earliest = toDay(shiftYears(referenceDate, -age - 1)) + 1;
    let birthDate = toIso(earliest + Math.floor(random() * (latest - earliest + 1)));
    // An age assessment without documents often yields 1 January of the estimated year.
    const firstOfYear = `${birthDate.slice(0, 4)}-01-01`;
    if (random() < 0.15 && toDay(firstOfYear) >= earliest) birthDate = firstOfYear;
    const { familyName, givenName } = foreignNames(origin, sex, 0.25);
    const birthPlace = { country: countryCode };
    return { fiscalCode: null, familyName, givenName, sex, birthDate, birthPlace, citizenship: countryCode };
  };

  const resident = (): Fields => {
    const sex = random() < 0.513 ? "M" : "F";
    const birthDate = toIso(firstMinorDay + Math.floor(random() * (referenceDay - firstMinorDay + 1)));
    const kind = random();
    let names: Names;
    let birthPlace: SyntheticBirthPlace;
    let birthPlaceCode: string;
    let citizenship = "100";
    if (kind < 0.8) {
      names = italianNames(sex);
      const comune = weighted(comuni);
      [birthPlace, birthPlaceCode] = [{ comune: comune.istatCode }, comune.belfiore];
    } else {
      // Children of foreign citizens: most born in Italy, some abroad.
      const country = weighted(residentTable);
      names = foreignNames(country.origin, sex, 0.15);
      citizenship = country.istatCode;
      const comune = weighted(comuni);
      [birthPlace, birthPlaceCode] =
        kind < 0.92
          ? [{ comune: comune.istatCode }, comune.belfiore]
          : [{ country: country.istatCode }, country.belfiore];
    }
    // A few codes are omocodic, as the Agenzia issues when two people would share one.
    const omocodiaLevel = random() < 0.001 ? 1 : 0;
    const { familyName, givenName } = names;
    const fiscalCode = encodeFiscalCode({
      familyName,
      givenName,
      sex,
      birthDate,
      birthPlaceCode,
      omocodiaLevel,
    });
    return { fiscalCode, familyName, givenName, sex, birthDate, birthPlace, citizenship };
  };

  /**
   * Day and month swapped, else the day's digits swapped, else the year one off (an age
   * assessment), else one day off (29 February has no other reading): the first that exists and
   * keeps the child a minor.
   */
  const perturbDate = (date: string): string => {
    const [y, m, d] = date.split("-");
    const day = toDay(date);
    const candidates = [
      `${y}-${d}-${m}`,
      `${y}-${m}-${d[1]}${d[0]}`,
      shiftYears(date, 1),
      shiftYears(date, -1),
    ];
    for (const candidate of [...candidates, toIso(day + 1), toIso(day - 1)]) {
      const candidateDay = toDay(candidate);
      const isMinor = candidateDay <= referenceDay && candidateDay >= firstMinorDay;
      if (candidate !== date && isExisting(candidate) && isMinor) return candidate;
    }
    return date;
  };

  const nearDuplicate = (recordId: number, of: SyntheticMinor): SyntheticMinor => {
    let { familyName, givenName, birthDate } = of;
    const givenVariant = withVariant(givenName, random);
    const familyVariant = withVariant(familyName, random);
    const canDrop = givenName.includes(" ");
    // Only the differences this record allows: a variant spelling needs a known one.
    const perturbation = weighted(
      perturbationWeights.filter(
        ([kind]) =>
          (kind !== "transliteration" || givenVariant !== undefined || familyVariant !== undefined) &&
          (kind !== "dropped-given-name" || canDrop),
      ),
    );
    if (perturbation === "transliteration") {
      if (givenVariant !== undefined && (familyVariant === undefined || random() < 0.6))
        givenName = givenVariant;
      else if (familyVariant !== undefined) familyName = familyVariant;
    } else if (perturbation === "swapped-names") {
      [familyName, givenName] = [givenName, familyName];
    } else if (perturbation === "dropped-given-name") {
      givenName = givenName.split(" ").slice(0, -1).join(" ");
    } else if (perturbation === "birth-date") {
      birthDate = perturbDate(birthDate);
    } else if (random() < 0.5) {
      givenName = withTypo(givenName, random);
    } else {
      familyName = withTypo(familyName, random);
    }
    // Some services keep names in capitals: no difference to matching, but realistic input.
    if (random() < 0.3) [familyName, givenName] = [familyName.toUpperCase(), givenName.toUpperCase()];
    const identifiers = { recordId, duplicateOf: of.recordId, perturbation, fiscalCode: null };
    return { ...of, ...identifiers, familyName, givenName, birthDate };
  };

  for (let recordId = 0; recordId < size; recordId++) {
    if (random() < nearDuplicateShare) {
      const [preferred, other] =
        random() < 0.5 ? [withoutCodePool, withCodePool] : [withCodePool, withoutCodePool];
      const of = takeFrom(preferred) ?? takeFrom(other);
      if (of) {
        yield nearDuplicate(recordId, of);
        continue;
      }
    }
    const fields = random() < without ? unaccompanied() : resident();
    // Properties listed one by one: spreading objects of two shapes is several times slower.
    const record: SyntheticMinor = {
      recordId,
      truthId: nextTruthId++,
      duplicateOf: null,
      perturbation: null,
      fiscalCode: fields.fiscalCode,
      familyName: fields.familyName,
      givenName: fields.givenName,
      sex: fields.sex,
      birthDate: fields.birthDate,
      birthPlace: fields.birthPlace,
      citizenship: fields.citizenship,
    };
    remember(record.fiscalCode === null ? withoutCodePool : withCodePool, record);
    yield record;
  }
}

export type RecordPair = readonly [number, number];

export type PrecisionRecall = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was predicted. */
  precision: number;
  /** 1 when there was nothing to find. */
  recall: number;
};

/**
 * Precision and recall of predicted duplicate pairs against the true ones (for a generated
 * registry: [duplicateOf, recordId] of every near-duplicate). Pairs are unordered; repeats count
 * once.
 */
export function precisionRecall(
  truthPairs: Iterable<RecordPair>,
  predictedPairs: Iterable<RecordPair>,
): PrecisionRecall {
  const key = ([a, b]: RecordPair) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const truth = new Set([...truthPairs].map(key));
  const predicted = new Set([...predictedPairs].map(key));
  let truePositives = 0;
  for (const pair of predicted) if (truth.has(pair)) truePositives++;
  const falsePositives = predicted.size - truePositives;
  const falseNegatives = truth.size - truePositives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: predicted.size === 0 ? 1 : truePositives / predicted.size,
    recall: truth.size === 0 ? 1 : truePositives / truth.size,
  };
}
