/**
 * Ten years of foster care, as a stationary process: cases start every day at a steady rate from
 * fifteen years before the ten (so the stock on the first day is already there), their episodes
 * last from weeks to years, end at 18 for most and run on to 21 for some; one in four of those
 * ending "to another family" (outcome 2) goes on with a new episode in the same case. About one
 * case in ten is daytime (character 2) or of under five nights a week: not out of family. The
 * rate is thinned to the wanted number in out-of-family foster care on an ordinary day. A few
 * cases take the minor of a given stay and start near its admission, so that about 1% of those
 * in foster care on a day are also present in a structure (bad data that reports count once).
 *
 * Pure: no database; minors other than those of the given stays are drawn afterwards.
 */
import { firstDayOfMonth, isoOf, monthOf, sampler, seededRandom } from "./bulk.ts";

export type PlannedEpisode = {
  start: number;
  /** Day the episode ended (excluded from it); null while it goes on today. */
  end: number | null;
  /** EsitoAffido, when ended. */
  outcome: string | null;
  /** TipoInterventoAffido: 1 intra-familial, 2 hetero-familial. */
  kind: string;
  /** FormaInterventoAffido: 1 consensual, 2 judicial. */
  form: string;
  /** CarattereAffido: 1 residential, 2 daytime. */
  character: "1" | "2";
  nights: number | null;
};

export type PlannedCase = {
  birthMonth: number;
  episodes: PlannedEpisode[];
  closedOn: number | null;
  /** The end of the last episode is never recorded: the closure of the case on that day ends it. */
  endUnrecorded: boolean;
  /** The minor of a stay that meets this foster care, instead of one from the registry. */
  minorId?: string;
};

/** A stay of a child who did not arrive unaccompanied, as loaded. */
export type KnownStay = { minorId: string; birthMonth: number; admission: number; discharge: number | null };

/** The Ministry's out of family: residential, at least five nights a week (unsaid counts). */
export const isOutOfFamily = (episode: PlannedEpisode) =>
  episode.character === "1" && (episode.nights ?? 7) >= 5;

const startAges = [7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 4, 3].map(
  (weight, age) => [age, weight] as const,
);
const outcomes = [
  ["1", 38],
  ["2", 12],
  ["3", 8],
  ["4", 16],
  ["5", 2],
  ["6", 8],
  ["7", 1],
  ["8", 3],
  ["9", 12],
] as const;
const comeOfAgeOutcomes = [
  ["6", 55],
  ["1", 30],
  ["9", 15],
] as const;

export function planFosterCare(options: {
  /** Day number of today: episodes are open or ended as known today. */
  today: number;
  /** Minors in out-of-family foster care on an ordinary day of the ten years. */
  present: number;
  /** Stays to draw the minors also in a structure from. */
  stays: readonly KnownStay[];
  /** Share of those in foster care on a day who are also present in a structure. */
  inBothShare?: number;
  seed?: number;
}): { cases: PlannedCase[]; meanPresent: number; meanInBoth: number } {
  const random = seededRandom(options.seed ?? 23);
  const { pick, weighted, between, normal } = sampler(random);
  const { today, stays } = options;
  const windowStart = today - 3653;
  const sampleDays = Array.from(
    { length: 40 },
    (_, sample) => windowStart + Math.floor(((sample + 0.5) * (today - windowStart)) / 40),
  );
  /** The sample days on which the minor is in out-of-family foster care. */
  const coveredDays = (planned: PlannedCase) =>
    sampleDays.filter((day) =>
      planned.episodes.some(
        (episode) => isOutOfFamily(episode) && episode.start <= day && (episode.end ?? Infinity) > day,
      ),
    );
  const stockOf = (list: PlannedCase[]) =>
    list.reduce((total, planned) => total + coveredDays(planned).length, 0) / sampleDays.length;

  const planCase = (firstDay: number, birthMonth: number, outOfFamily: boolean): PlannedCase => {
    const eighteen = firstDayOfMonth(birthMonth + 216);
    const twentyOne = firstDayOfMonth(birthMonth + 252) - 1;
    const prosieguo = random() < 0.25;
    const form = weighted([
      ["1", 40],
      ["2", 60],
    ] as const);
    const daytime = !outOfFamily && random() < 0.5;
    const episodes: PlannedEpisode[] = [];
    for (let start = firstDay; episodes.length < 3 && start <= today; ) {
      let end = start + Math.max(30, Math.round(Math.exp(Math.log(700) + 0.9 * normal())));
      let outcome: string = weighted(outcomes);
      if (end > eighteen && (!prosieguo || start >= eighteen - 60)) {
        end = Math.max(start + 30, eighteen + between(0, 30));
        outcome = weighted(comeOfAgeOutcomes);
      }
      if (end > twentyOne) {
        end = Math.max(start + 1, twentyOne);
        outcome = weighted(comeOfAgeOutcomes);
      }
      const ended = end <= today;
      episodes.push({
        start,
        end: ended ? end : null,
        outcome: ended ? outcome : null,
        kind: weighted([
          ["1", 45],
          ["2", 55],
        ] as const),
        form,
        character: daytime ? "2" : "1",
        nights: outOfFamily ? (random() < 0.7 ? null : between(5, 7)) : daytime ? null : between(1, 4),
      });
      if (!ended || outcome !== "2" || end >= eighteen - 60 || random() < 0.75) break;
      start = end + between(0, 10);
    }
    const last = episodes[episodes.length - 1];
    let closedOn: number | null = null;
    let endUnrecorded = false;
    if (last.end !== null) {
      if (random() < 0.04) {
        closedOn = last.end;
        endUnrecorded = true;
      } else if (random() < 0.6) {
        const day = last.end + between(0, 180);
        closedOn = day <= today ? day : null;
      }
    }
    return { birthMonth, episodes, closedOn, endUnrecorded };
  };

  // Minors also in a structure: a foster care that starts within two months of an admission
  // (before or after it), until the wanted share of an ordinary day is in both.
  const withStay: PlannedCase[] = [];
  const usedMinors = new Set<string>();
  const wantedInBoth = (options.inBothShare ?? 0.01) * options.present * sampleDays.length;
  let inBoth = 0;
  for (
    let attempt = 0;
    attempt < 50 * options.present && stays.length > 0 && inBoth < wantedInBoth;
    attempt++
  ) {
    const stay = pick(stays);
    const start = stay.admission + between(-60, 60);
    if (usedMinors.has(stay.minorId) || start < windowStart - 365 || start > today) continue;
    // Born by then, and under 17 and a half.
    if (start < firstDayOfMonth(stay.birthMonth + 1) || start >= firstDayOfMonth(stay.birthMonth + 210))
      continue;
    const planned: PlannedCase = { ...planCase(start, stay.birthMonth, true), minorId: stay.minorId };
    const stayEnd = stay.discharge ?? Infinity;
    const meets = planned.episodes.some(
      (episode) => episode.start < stayEnd && (episode.end ?? Infinity) > stay.admission,
    );
    if (!meets) continue;
    usedMinors.add(stay.minorId);
    inBoth += coveredDays(planned).filter((day) => stay.admission <= day && stayEnd > day).length;
    withStay.push(planned);
  }

  // Everybody else, thinned to the wanted stock; a tenth of the cases are not out of family.
  const rate = options.present / 650;
  const planned: PlannedCase[] = [];
  let carry = 0;
  for (let day = windowStart - 15 * 365; day <= today; day++) {
    carry += rate / 0.9;
    for (; carry >= 1; carry--) {
      const outOfFamily = random() < 0.9;
      const birthMonth = monthOf(isoOf(day)) - weighted(startAges) * 12 - between(0, 11);
      planned.push(planCase(day, birthMonth, outOfFamily));
    }
  }
  const keep = Math.min(1, Math.max(0, options.present - stockOf(withStay)) / stockOf(planned));
  const cases = [
    ...planned
      .filter(() => random() < keep)
      .filter((c) => c.episodes.some((episode) => (episode.end ?? Infinity) > windowStart)),
    ...withStay,
  ];
  return { cases, meanPresent: stockOf(cases), meanInBoth: inBoth / sampleDays.length };
}
