import { letterTransliterations } from "../identity/fiscal-code-encoding.ts";

/**
 * Name normalisation, phonetic keys and string similarity for linking records of the same child
 * when no fiscal code is available (newly arrived unaccompanied foreign minors, records from
 * services that did not capture the code).
 *
 * Names of these children reach Italian offices already written in Latin script, transliterated by
 * whoever wrote them down first: French-style in the Maghreb (Achraf, Hicham, Oualid), English-style
 * in South Asia and Egypt (Ashraf, Hisham, Walid), several ways for Ukrainian (Oleksandr,
 * Aleksandr). The functions here make those spellings meet, and list the mistakes clerks make in
 * birth dates; deciding whether two records are the same child is identity-similarity.ts's job.
 */

const transliterablePattern = new RegExp(`[${Object.keys(letterTransliterations).join("")}]`, "gu");

/**
 * Uppercase letters A–Z separated by single spaces: diacritics stripped (Niccolò → NICCOLO,
 * Ștefan → STEFAN), letters without a decomposition transliterated (ß → SS, Ł → L, Þ → TH),
 * apostrophes, hyphens, dots and any other non-letter turned into a space (D'Amico → D AMICO).
 *
 * Uses the compatibility decomposition (NFKD), a superset of NFD, so ligatures and full-width
 * letters typed from foreign keyboards reduce too. Letters of other scripts are dropped: names
 * are expected in Latin script. Idempotent.
 */
export function normaliseName(s: string): string {
  return s
    .replace(transliterablePattern, (c) => letterTransliterations[c])
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]+/g, " ")
    .trim();
}

/**
 * Particles written as a separate word or glued to the next one ("De Luca" / "Deluca",
 * "El Amrani" / "Elamrani", "Ben Ali" / "Benali"). LI and LE are left out: they are common
 * Chinese and Vietnamese family names on their own.
 */
export const nameParticles: ReadonlySet<string> = new Set([
  "D",
  "DA",
  "DAL",
  "DALLA",
  "DALLE",
  "DALL",
  "DE",
  "DEGLI",
  "DEI",
  "DEL",
  "DELLA",
  "DELLE",
  "DELLO",
  "DELL",
  "DI",
  "DOS",
  "DU",
  "LA",
  "LO",
  "VAN",
  "VON",
  "EL",
  "AL",
  "ABU",
  "ABOU",
  "BEN",
  "BIN",
  "IBN",
]);

/**
 * The words of a name, normalised, with particles joined to the word that follows them so that
 * "De Luca", "De  Luca" and "Deluca" give the same token DELUCA (and "D'Amico" gives DAMICO). A
 * particle with no word after it (a name that is only "Di", or ends with "Al") stays a token.
 */
export function nameTokens(s: string): string[] {
  const tokens: string[] = [];
  let pending = "";
  for (const word of normaliseName(s).split(" ")) {
    if (word === "") continue;
    if (nameParticles.has(word)) {
      pending += word;
      continue;
    }
    tokens.push(pending + word);
    pending = "";
  }
  if (pending !== "") tokens.push(pending);
  return tokens;
}

const vowels = new Set(["A", "E", "I", "O", "U"]);
/** Letters that sound as vowels or semivowels at the start of a name: Y and J (Youssef, Jusuf). */
const vowelLike = new Set(["A", "E", "I", "O", "U", "Y", "J"]);

function collapseRepeats(s: string): string {
  return s.replace(/(.)\1+/g, "$1");
}

/**
 * A phonetic key meant for blocking: spellings of the same name by different offices should give
 * the same key, at the price of also joining some different names (Mohamed and Mahmoud both give
 * MD, Hassan and Hussein HSN). It never decides a match alone.
 *
 * Rules, applied left to right on the normalised letters with spaces removed and doubled letters
 * collapsed (MOHAMMED → MOHAMED):
 * - SCH, SH, SC before E/I/Y → S (Sherif, Schirin, Italian "sci");
 * - CH → K at the start before a consonant (Christian = Cristian), S elsewhere: Maghreb French
 *   spellings use CH for the English SH (Achraf/Ashraf, Aicha/Aisha, Rachid/Rashid). Italian
 *   Chiara and Michele get S too, consistently, so they still meet their own spelling;
 * - KH → K, GH → G, DH → D, TH → T, PH → F (Moustapha/Mustafa), CK and Q → K, X → KS,
 *   Z → S, W → V, C before E/I/Y → S, other C → K; XH (Albanian) and DJ are read as J;
 * - OU → U, but at the start before a vowel → V (Oualid = Walid);
 * - H is kept only as the first letter (Hussein/Husain/Hossein → HSN);
 * - vowels, Y and J are dropped except at the start, where any of them gives A (Ahmed/Ahmad →
 *   AMD, Youssef/Yusuf/Josef → ASF, Oleksandr/Aleksandr → ALKSNDR). Dropping medial and final
 *   vowels absorbs the short vowels transliteration invents (Muhammad/Mohamed);
 * - repeated symbols are collapsed at the end.
 * Deterministic and idempotent: a key is its own key.
 */
export function phoneticKey(s: string): string {
  const letters = collapseRepeats(normaliseName(s).replace(/ /g, ""));
  let key = "";
  let i = 0;
  const at = (k: number) => letters[k] ?? "";
  while (i < letters.length) {
    const c = letters[i];
    const next = at(i + 1);
    const pair = c + next;
    const initial = i === 0;
    let symbol = "";
    let width = 2;
    if (pair === "SC" && at(i + 2) === "H") {
      symbol = "S";
      width = 3;
    } else if (pair === "SH" || (pair === "SC" && "EIY".includes(at(i + 2)) && at(i + 2) !== "")) {
      symbol = "S";
    } else if (pair === "CH") {
      const following = at(i + 2);
      symbol = initial && following !== "" && !vowelLike.has(following) ? "K" : "S";
    } else if (pair === "KH" || pair === "CK") {
      symbol = "K";
    } else if (pair === "GH") {
      symbol = "G";
    } else if (pair === "DH") {
      symbol = "D";
    } else if (pair === "TH") {
      symbol = "T";
    } else if (pair === "PH") {
      symbol = "F";
    } else if (pair === "XH" || pair === "DJ") {
      symbol = initial ? "A" : "";
    } else if (pair === "OU") {
      symbol = initial ? (vowels.has(at(i + 2)) ? "V" : "A") : "";
    } else {
      width = 1;
      if (vowelLike.has(c)) symbol = initial ? "A" : "";
      else if (c === "H") symbol = initial ? "H" : "";
      else if (c === "C") symbol = "EIY".includes(next) && next !== "" ? "S" : "K";
      else if (c === "Q") symbol = "K";
      else if (c === "X") symbol = "KS";
      else if (c === "Z") symbol = "S";
      else if (c === "W") symbol = "V";
      else symbol = c;
    }
    key += symbol;
    i += width;
  }
  return collapseRepeats(key);
}

/** Jaro similarity of two strings, 0 (nothing in common) to 1 (equal). */
function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
}

/** Winkler's prefix bonus applies only above this Jaro value, as in his original definition. */
const winklerBoostThreshold = 0.7;
const winklerPrefixScale = 0.1;
const winklerMaxPrefix = 4;

/**
 * Jaro-Winkler similarity, 0..1: Jaro similarity raised for a common prefix of up to four
 * characters (scale 0.1) when Jaro exceeds 0.7. Compares the strings as given (callers normalise).
 * MARTHA/MARHTA ≈ 0.961, DWAYNE/DUANE = 0.84, DIXON/DICKSONX ≈ 0.813.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= winklerBoostThreshold) return j;
  let prefix = 0;
  while (prefix < winklerMaxPrefix && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix++;
  }
  return j + prefix * winklerPrefixScale * (1 - j);
}

export type BlockingInput = {
  familyName: string;
  givenName: string;
  /** ISO date "YYYY-MM-DD". */
  birthDate: string;
  sex: "M" | "F";
};

/**
 * Keys under which a record is filed to find candidate matches: birth date, sex and the phonetic
 * key of the first word of the family name, and the same with the first word of the given name.
 * Two records meet when they share any key, so a swapped family/given order, or a typo in one of
 * the two names, still brings them together. Birth date and sex must be equal: use
 * lookupBlockingKeys to also search under plausible mistakes in the date.
 */
export function blockingKeys(identity: BlockingInput): string[] {
  return keysFor(identity, identity.birthDate);
}

function keysFor(identity: BlockingInput, birthDate: string): string[] {
  const keys = new Set<string>();
  for (const name of [identity.familyName, identity.givenName]) {
    const first = nameTokens(name)[0];
    if (first === undefined) continue;
    const key = phoneticKey(first);
    if (key !== "") keys.add(`${birthDate}|${identity.sex}|${key}`);
  }
  return [...keys];
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether s is an existing date written YYYY-MM-DD. */
function isExistingDate(s: string): boolean {
  const match = isoDatePattern.exec(s);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === s;
}

/**
 * Dates a clerk could have written instead of this one: day and month swapped (03-04 for 04-03),
 * two adjacent digits of the day, month or year swapped (12 for 21), the year one off (age
 * assessments of foreign minors often disagree by a year). Only existing dates, without the date
 * itself.
 */
export function birthDateVariants(birthDate: string): string[] {
  if (!isExistingDate(birthDate)) return [];
  const [year, month, day] = birthDate.split("-");
  const candidates = [`${year}-${day}-${month}`];
  const digits = year + month + day;
  // Swaps inside a field only: the last two digits of the year (positions 2–3), the month (4–5),
  // the day (6–7). Swapping the century digits gives no plausible birth date of a minor.
  for (const i of [2, 4, 6]) {
    const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    candidates.push(`${swapped.slice(0, 4)}-${swapped.slice(4, 6)}-${swapped.slice(6)}`);
  }
  for (const delta of [-1, 1]) candidates.push(`${Number(year) + delta}-${month}-${day}`);
  return [...new Set(candidates)].filter((d) => d !== birthDate && isExistingDate(d));
}

/** How two birth dates relate: equal, one plausible clerical mistake apart, or different. */
export type BirthDateRelation =
  | "equal"
  | "birth-date-day-month-swapped"
  | "birth-date-transposed"
  | "birth-date-one-day-apart"
  | "birth-year-off-by-one"
  | "birth-date-one-digit"
  | "birth-date-differs";

/**
 * The mistakes a clerk makes copying a date — day and month swapped, two adjacent digits of the
 * year's last two, the month or the day swapped (as in birthDateVariants), one day off, the year
 * one off, one digit wrong — or "birth-date-differs" for anything else or a malformed date.
 */
export function birthDateRelation(a: string, b: string): BirthDateRelation {
  if (a === b) return "equal";
  const ma = isoDatePattern.exec(a);
  const mb = isoDatePattern.exec(b);
  if (!ma || !mb) return "birth-date-differs";
  const [ya, mo, da] = [Number(ma[1]), Number(ma[2]), Number(ma[3])];
  const [yb, mob, db] = [Number(mb[1]), Number(mb[2]), Number(mb[3])];
  if (ya === yb && mo === db && da === mob) return "birth-date-day-month-swapped";
  const digitsA = ma[1] + ma[2] + ma[3];
  const digitsB = mb[1] + mb[2] + mb[3];
  const differing: number[] = [];
  for (let i = 0; i < 8; i++) if (digitsA[i] !== digitsB[i]) differing.push(i);
  const [first, second] = differing;
  const swappedPair = digitsA[first] === digitsB[second] && digitsA[second] === digitsB[first];
  if (differing.length === 2 && [2, 4, 6].includes(first) && second === first + 1 && swappedPair) {
    return "birth-date-transposed";
  }
  const days = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
  if (Math.abs(days(ya, mo, da) - days(yb, mob, db)) === 1) return "birth-date-one-day-apart";
  if (mo === mob && da === db && Math.abs(ya - yb) === 1) return "birth-year-off-by-one";
  if (differing.length === 1) return "birth-date-one-digit";
  return "birth-date-differs";
}

/**
 * Keys to look up when searching candidates for a new record: its own blocking keys plus those of
 * the plausible mistakes in its birth date (birthDateVariants), so a duplicate whose date was
 * mistyped is still found. Stored records are filed under blockingKeys only.
 */
export function lookupBlockingKeys(identity: BlockingInput): string[] {
  const keys = new Set(keysFor(identity, identity.birthDate));
  for (const variant of birthDateVariants(identity.birthDate)) {
    for (const key of keysFor(identity, variant)) keys.add(key);
  }
  return [...keys];
}
