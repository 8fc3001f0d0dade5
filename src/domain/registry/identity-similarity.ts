/**
 * Compares two identities of minors without a fiscal code and says whether they are the same
 * child ("same": link), maybe the same child ("possible": create the record flagged as a possible
 * duplicate and queue the pair for review), or not ("different").
 *
 * Linking two different children merges their histories, which is far worse than asking a
 * reviewer, so "same" is kept narrow: names equal up to spelling noise that never tells two names
 * apart (case, accents, spacing, particles, doubled letters, Y for I, word order, family and given
 * name swapped, words glued together), the same sex and birth date, and no conflicting birth place.
 * Everything that could also describe a twin or a namesake — a typo, a transliteration, a missing
 * second name, a date with two digits swapped — is at most "possible".
 */
import { birthDateRelation, jaroWinkler, nameParticles, nameTokens, phoneticKey } from "./name-matching.ts";

export type ComparableIdentity = {
  familyName: string;
  givenName: string;
  sex: "M" | "F";
  /** ISO date "YYYY-MM-DD". */
  birthDate: string;
  /** ISTAT codes: a comune (6 digits) for people born in Italy, a state (3 digits) otherwise. */
  birthPlace?: { comune?: string; country?: string } | null;
  /** ISTAT state code. */
  citizenship?: string | null;
};

export type IdentityVerdict = "same" | "possible" | "different";

/** Short codes for the reviewer's screen: what differs between the two records, and how. */
export type IdentityMatchReason =
  | "names-swapped"
  | "double-name-partial"
  | "name-spelling-variant"
  | "name-particle-dropped"
  | "name-typo"
  | "names-differ"
  | "sex-differs"
  | "birth-date-day-month-swapped"
  | "birth-date-transposed"
  | "birth-date-one-day-apart"
  | "birth-date-one-digit"
  | "birth-year-off-by-one"
  | "birth-date-differs"
  | "birth-date-conventional"
  | "birth-place-differs"
  | "citizenship-differs";

export type IdentityComparison = {
  /** 0..1, for ranking candidates; the verdict follows the rules below, not a cut on the score. */
  score: number;
  verdict: IdentityVerdict;
  reasons: IdentityMatchReason[];
};

// ---------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------

/**
 * Two words count as the same name, with a typo or a transliteration, from this similarity up.
 * One substituted letter in a five-letter name gives about 0.87 (ROSSI/BOSSI), a dropped letter
 * in a long name 0.95 or more; most unrelated names stay under 0.8 (names sharing a suffix, as
 * MARCHENKO/TKACHENKO at 0.85, are the exception a reviewer sees).
 */
export const closeTokenSimilarity = 0.85;

/**
 * Similarity given to two words with the same phonetic key when Jaro-Winkler says less: the key
 * joins transliterations that share few letters (MOHAMED/MUHAMMAD 0.80, YOUSSEF/YUSUF 0.81), so
 * they rank as close. Never enough for "same": the key also joins MARIO/MARIA and MATTEO/MATTIA.
 */
export const phoneticTokenSimilarity = 0.9;

/** The phonetic key lifts only pairs from this value up: MOHAMED and MEHDI share the key MD at 0.56. */
export const phoneticMinimumJaroWinkler = 0.7;

/**
 * A missing word and a misspelt one together are accepted only when the misspelling is small
 * (a doubled, dropped or swapped letter in a longer name scores 0.93 or more).
 */
export const strongTokenSimilarity = 0.93;

/** A word equal to the other once its leading particle is removed (ELAMRANI/AMRANI). */
export const particleDroppedSimilarity = 0.9;

/**
 * Credit for each word of the longer name left without a partner (Maria Grazia vs Maria): half a
 * word, so a missing second name lowers the name similarity without making it look unrelated.
 */
export const unmatchedTokenCredit = 0.5;

/** Weights of the score. Names carry most of the information; sex only halves the candidates. */
export const scoreWeights = { name: 0.55, birthDate: 0.25, sex: 0.1, birthPlace: 0.1 } as const;

/** Date similarity for a date that differs by a plausible clerical mistake. */
const nearDateSimilarity = 0.6;
/** Place similarity when one or both places are unknown, or only "Italy" is known on one side. */
const unknownPlaceSimilarity = 0.6;
/** Subtracted from the score for different citizenships: weak evidence (dual, changed, mistaken). */
const citizenshipPenalty = 0.05;

/**
 * No "possible" below this score. Every combination of anomalies the rules allow stays above it
 * (partial names, a near date and an unknown place give 0.77): it only drops the weakest names.
 */
export const possibleMinimumScore = 0.75;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Similarities are integers in 0..scale so sums compare exactly whatever the order of addition. */
const scale = 10_000;
/** Longer names are cut: the assignment below tries every subset of the longer side's words. */
const maxTokens = 6;

/** A word of a name in the forms the comparison needs. */
type Token = { written: string; canonical: string; phonetic: string; withoutParticle: string[] };

/** Spelling differences that never tell two names apart: doubled letters, Y written for I. */
function canonicalToken(token: string): string {
  return token.replace(/Y/g, "I").replace(/(.)\1+/g, "$1");
}

/** The word without each particle it may start with (DELUCA → LUCA, ELAMRANI → AMRANI). */
function particleFreeForms(word: string): string[] {
  const forms: string[] = [];
  for (let length = 1; length <= 5 && length <= word.length - 2; length++) {
    if (nameParticles.has(word.slice(0, length))) forms.push(canonicalToken(word.slice(length)));
  }
  return forms;
}

function makeToken(word: string): Token {
  return {
    written: word,
    canonical: canonicalToken(word),
    phonetic: phoneticKey(word),
    withoutParticle: particleFreeForms(word),
  };
}

/** How a pair of words matched, as bits so that an alignment can carry the set of kinds. */
const tokenMatch = { exact: 1, particle: 2, phonetic: 4, typo: 8 } as const;
type TokenMatch = (typeof tokenMatch)[keyof typeof tokenMatch];

function tokenSimilarity(a: Token, b: Token): { value: number; match: TokenMatch } {
  if (a.canonical === b.canonical) return { value: scale, match: tokenMatch.exact };
  // Both spellings: collapsing doubled letters shortens a word, and a wrong letter in a short
  // word weighs more (ROSSI/BOSSI 0.87, ROSI/BOSI 0.83).
  const jw = Math.max(jaroWinkler(a.canonical, b.canonical), jaroWinkler(a.written, b.written));
  let value = jw;
  let match: TokenMatch = tokenMatch.typo;
  if (a.withoutParticle.includes(b.canonical) || b.withoutParticle.includes(a.canonical)) {
    value = Math.max(jw, particleDroppedSimilarity);
    match = tokenMatch.particle;
  } else if (a.phonetic !== "" && a.phonetic === b.phonetic && jw >= phoneticMinimumJaroWinkler) {
    value = Math.max(jw, phoneticTokenSimilarity);
    match = tokenMatch.phonetic;
  }
  // Below scale: only canonical equality is an exact match.
  return { value: Math.min(scale - 1, Math.round(value * scale)), match };
}

/** The best pairing found: total and weakest similarity, kinds of match (bits), identical words. */
type Alignment = {
  sum: number;
  min: number;
  kinds: number;
  identical: number;
  shorter: number;
  longer: number;
};

/**
 * Best one-to-one pairing of the words of two names: the largest total similarity, then the
 * largest weakest pair. Exhaustive over subsets of the longer side, so it does not depend on word
 * order and gives the same result both ways round.
 */
function align(xs: Token[], ys: Token[]): Alignment {
  const [short, long] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
  const similarities = short.map((word) => long.map((other) => tokenSimilarity(word, other)));
  type State = { sum: number; min: number; kinds: number; identical: number };
  // Indexed by the set of words of the longer name already paired, as a bit mask.
  let states: (State | undefined)[] = [{ sum: 0, min: scale, kinds: 0, identical: 0 }];
  for (const row of similarities) {
    const nextStates: (State | undefined)[] = new Array(1 << long.length);
    for (let mask = 0; mask < states.length; mask++) {
      const state = states[mask];
      if (state === undefined) continue;
      for (let j = 0; j < row.length; j++) {
        if (mask & (1 << j)) continue;
        const { value, match } = row[j];
        const identical = state.identical + (match === tokenMatch.exact ? 1 : 0);
        const candidate = {
          sum: state.sum + value,
          min: Math.min(state.min, value),
          kinds: state.kinds | match,
          identical,
        };
        const current = nextStates[mask | (1 << j)];
        if (current === undefined || better(candidate, current)) nextStates[mask | (1 << j)] = candidate;
      }
    }
    states = nextStates;
  }
  let best: State = { sum: 0, min: short.length === 0 ? scale : 0, kinds: 0, identical: 0 };
  for (const state of states) if (state !== undefined && better(state, best)) best = state;
  return { ...best, shorter: short.length, longer: long.length };
}

function better(a: { sum: number; min: number }, b: { sum: number; min: number }): boolean {
  return a.sum > b.sum || (a.sum === b.sum && a.min > b.min);
}

/** How the names relate, from most to least alike. */
type NameClass = "exact" | "partial" | "close" | "weak";
const nameClassRank: Record<NameClass, number> = { exact: 3, partial: 2, close: 1, weak: 0 };

type NameComparison = { nameClass: NameClass; similarity: number; alignment: Alignment };

function classify(alignment: Alignment): NameComparison {
  const { sum, min, identical, shorter, longer } = alignment;
  const similarity = shorter === 0 ? 0 : (sum / scale + unmatchedTokenCredit * (longer - shorter)) / longer;
  // A single word on one side (a missing family or given name) is never enough for a link.
  // "Close" needs one word spelt the same, so that two slips never pass for one; a missing word
  // on top of a misspelt one only with a small misspelling.
  const minimum = (longer === shorter ? closeTokenSimilarity : strongTokenSimilarity) * scale;
  let nameClass: NameClass = "weak";
  if (shorter >= 2 && sum === shorter * scale) nameClass = shorter === longer ? "exact" : "partial";
  else if (identical >= 1 && min >= minimum && longer - shorter <= 1) nameClass = "close";
  return { nameClass, similarity, alignment };
}

/**
 * The ways the words of one identity can be read: as written first, then with the words of the
 * given or family name glued (Maria Grazia = Mariagrazia).
 */
function nameViews(family: Token[], given: Token[]): Token[][] {
  const glue = (tokens: Token[]) => [makeToken(tokens.map((t) => t.canonical).join(""))];
  const views = [[...family, ...given]];
  if (given.length > 1) views.push([...family, ...glue(given)]);
  if (family.length > 1) views.push([...glue(family), ...given]);
  if (given.length > 1 && family.length > 1) views.push([...glue(family), ...glue(given)]);
  return views.map((view) => view.slice(0, maxTokens));
}

function tokensOf(name: string): Token[] {
  return nameTokens(name).slice(0, maxTokens).map(makeToken);
}

function compareNames(a: ComparableIdentity, b: ComparableIdentity) {
  const [familyA, givenA, familyB, givenB] = [a.familyName, a.givenName, b.familyName, b.givenName].map(
    tokensOf,
  );
  let best: NameComparison | undefined;
  const viewsA = nameViews(familyA, givenA);
  const viewsB = nameViews(familyB, givenB);
  views: for (const [i, viewA] of viewsA.entries()) {
    for (const [j, viewB] of viewsB.entries()) {
      const candidate = classify(align(viewA, viewB));
      // Glued on both sides, words only count when spelt the same: two different second names
      // share a long prefix once glued (MAHMOUDIBRAHIM/MAHMOUDOMAR) and would look like a typo.
      if (i > 0 && j > 0 && nameClassRank[candidate.nameClass] < nameClassRank.partial) continue;
      const rank = nameClassRank[candidate.nameClass] - (best ? nameClassRank[best.nameClass] : -1);
      if (!best || rank > 0 || (rank === 0 && candidate.similarity > best.similarity)) best = candidate;
      // Nothing reads better than exact names with every word paired.
      if (best.nameClass === "exact" && best.similarity === 1) break views;
    }
  }
  const found = best as NameComparison;
  if (found.nameClass === "weak") return { ...found, swapped: false };
  const straight = align(familyA, familyB).sum + align(givenA, givenB).sum;
  const crossed = align(familyA, givenB).sum + align(givenA, familyB).sum;
  return { ...found, swapped: crossed > straight };
}

// ---------------------------------------------------------------------------------------------
// Birth date, place, citizenship
// ---------------------------------------------------------------------------------------------

/**
 * 1 January is the date an age assessment gives a child without documents, so for children born
 * abroad it is shared by many who are not the same: with it, equal names and place are not enough
 * to link. In a synthetic registry with 15% of such dates among unaccompanied minors, 9 in 10
 * wrong links were namesakes born "on 1 January".
 */
function isConventionalBirthDate(a: ComparableIdentity, b: ComparableIdentity): boolean {
  const bornInItaly = Boolean(a.birthPlace?.comune?.trim() || b.birthPlace?.comune?.trim());
  return a.birthDate === b.birthDate && a.birthDate.endsWith("-01-01") && !bornInItaly;
}

const italyCountryCode = "100";
/** ISTAT uses 999 for a state that is unknown or for stateless people: not a known value. */
const unknownCountryCodes = new Set(["", "999"]);

function countryOf(place: ComparableIdentity["birthPlace"]): string | undefined {
  const comune = place?.comune?.trim();
  if (comune) return italyCountryCode;
  const country = place?.country?.trim().toUpperCase();
  return country === undefined || unknownCountryCodes.has(country) ? undefined : country;
}

type PlaceRelation = "equal" | "unknown" | "differs";

function compareBirthPlaces(a: ComparableIdentity, b: ComparableIdentity): PlaceRelation {
  const comuneA = a.birthPlace?.comune?.trim();
  const comuneB = b.birthPlace?.comune?.trim();
  if (comuneA && comuneB) return comuneA === comuneB ? "equal" : "differs";
  const countryA = countryOf(a.birthPlace);
  const countryB = countryOf(b.birthPlace);
  if (countryA === undefined || countryB === undefined) return "unknown";
  if (countryA !== countryB) return "differs";
  // Born in Italy on both sides, the comune known on one side only: nothing learned.
  return countryA === italyCountryCode ? "unknown" : "equal";
}

function citizenshipsDiffer(a: ComparableIdentity, b: ComparableIdentity): boolean {
  const ca = a.citizenship?.trim().toUpperCase() ?? "";
  const cb = b.citizenship?.trim().toUpperCase() ?? "";
  return !unknownCountryCodes.has(ca) && !unknownCountryCodes.has(cb) && ca !== cb;
}

// ---------------------------------------------------------------------------------------------
// Verdict
// ---------------------------------------------------------------------------------------------

/** A stable order of the two identities, so that the result never depends on argument order. */
function orderKey(identity: ComparableIdentity): string {
  const { familyName, givenName, sex, birthDate, birthPlace: place, citizenship } = identity;
  return JSON.stringify([familyName, givenName, sex, birthDate, place?.comune, place?.country, citizenship]);
}

function nameReasons(names: ReturnType<typeof compareNames>): IdentityMatchReason[] {
  if (names.nameClass === "weak") return ["names-differ"];
  const reasons: IdentityMatchReason[] = [];
  if (names.swapped) reasons.push("names-swapped");
  if (names.alignment.longer > names.alignment.shorter) reasons.push("double-name-partial");
  const { kinds } = names.alignment;
  if (kinds & tokenMatch.phonetic) reasons.push("name-spelling-variant");
  if (kinds & tokenMatch.particle) reasons.push("name-particle-dropped");
  if (kinds & tokenMatch.typo) reasons.push("name-typo");
  return reasons;
}

/**
 * Compares two identities. Rules, in order:
 * 1. birth dates neither equal nor one clerical mistake apart → "different";
 * 2. different sex → "possible" only with exact names, equal date and no conflicting place (a
 *    sex typed wrong), otherwise "different";
 * 3. names unrelated (some word of the shorter name has no partner at closeTokenSimilarity) →
 *    "different";
 * 4. exact names, equal date and no conflicting birth place → "same", but only "possible" when
 *    the date is the conventional 1 January of a child born abroad;
 * 5. otherwise "possible" when the anomalies — a near date, names only partial or close, a
 *    conflicting birth place (which counts twice: two children born in different places are
 *    usually two children) — add up to at most two and the score reaches possibleMinimumScore;
 *    "different" beyond that.
 * Symmetric: compareIdentities(a, b) and compareIdentities(b, a) give the same result.
 */
export function compareIdentities(a: ComparableIdentity, b: ComparableIdentity): IdentityComparison {
  if (orderKey(b) < orderKey(a)) [a, b] = [b, a];
  const names = compareNames(a, b);
  const date = birthDateRelation(a.birthDate, b.birthDate);
  const sexEqual = a.sex === b.sex;
  const place = compareBirthPlaces(a, b);
  const citizenshipDiffers = citizenshipsDiffer(a, b);

  const dateSimilarity = date === "equal" ? 1 : date === "birth-date-differs" ? 0 : nearDateSimilarity;
  const placeSimilarity = place === "equal" ? 1 : place === "unknown" ? unknownPlaceSimilarity : 0;
  const raw =
    scoreWeights.name * names.similarity +
    scoreWeights.birthDate * dateSimilarity +
    scoreWeights.sex * (sexEqual ? 1 : 0) +
    scoreWeights.birthPlace * placeSimilarity -
    (citizenshipDiffers ? citizenshipPenalty : 0);
  const score = Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;

  const reasons = nameReasons(names);
  if (!sexEqual) reasons.push("sex-differs");
  if (date !== "equal") reasons.push(date);
  if (place === "differs") reasons.push("birth-place-differs");
  if (citizenshipDiffers) reasons.push("citizenship-differs");

  const exact = names.nameClass === "exact";
  let verdict: IdentityVerdict;
  if (date === "birth-date-differs" || names.nameClass === "weak") verdict = "different";
  else if (!sexEqual) verdict = exact && date === "equal" && place !== "differs" ? "possible" : "different";
  else if (exact && date === "equal" && place !== "differs") {
    verdict = isConventionalBirthDate(a, b) ? "possible" : "same";
    if (verdict === "possible") reasons.push("birth-date-conventional");
  } else {
    const anomalies = (date !== "equal" ? 1 : 0) + (exact ? 0 : 1) + (place === "differs" ? 2 : 0);
    verdict = anomalies <= 2 && score >= possibleMinimumScore ? "possible" : "different";
  }
  return { score, verdict, reasons };
}
