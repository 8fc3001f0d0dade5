import {
  SinbaAutoritaProvvedimento,
  SinbaCarattereAffido,
  SinbaDurataAffido,
  SinbaEsitoAffido,
  SinbaFonteSegnalazione,
  SinbaFormaInterventoAffido,
  SinbaLuogoVita,
  SinbaMotivazioneChiusuraCarico,
  SinbaScuolaFrequentata,
  SinbaSituazioneChiusuraCarico,
  SinbaTipoInterventoAffido,
  SinbaValutazioneMinore,
} from "../../src/domain/code-lists/sinba-codes.ts";
import { addDays } from "../../src/domain/time/calendar.ts";
import { italianChild } from "./registry-fixtures.ts";

/**
 * Realistic case files of a social service's own software, as the case interchange standard
 * carries them: each case opened by the minor's identity, then a situation, an assessment,
 * judicial measures, interventions started and ended, foster-care episodes one after the other,
 * a correction of a fact, a voided fact, and for some a closure. Every event is valid in any
 * order within one request. Deterministic: the same seed gives the same events, ids included.
 */
export type CaseEventOf = Record<string, unknown> & { id: string; type: string; caseId: string };
export type CaseHistory = { caseIds: string[]; events: CaseEventOf[] };

/** mulberry32: a small seeded generator, enough for test data. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidOf(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random() * 4)];
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The same elements in another order, decided by the seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const familyNames = ["Bianchi", "Verdi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco"];
const givenNames = { M: ["Luca", "Marco", "Paolo", "Andrea"], F: ["Giulia", "Sara", "Anna", "Elena"] };

export function generateCaseHistory(
  seed: number,
  options: { cases?: number; from?: string } = {},
): CaseHistory {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const from = options.from ?? "2026-01-10";
  const events: CaseEventOf[] = [];
  const caseIds: string[] = [];
  for (let n = 0; n < (options.cases ?? 4); n++) {
    const caseId = uuidOf(random);
    caseIds.push(caseId);
    const sex = pick(["M", "F"] as const);
    const year = 2009 + Math.floor(random() * 8);
    const minor = italianChild({
      familyName: `${pick(familyNames)}${String.fromCharCode(65 + n)}`,
      givenName: pick(givenNames[sex]),
      sex,
      birthDate: `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    });
    const opened = addDays(from, Math.floor(random() * 30));
    const day = (offset: number) => addDays(opened, offset);
    const fact = (type: string, occurredOn: string, content: Record<string, unknown>): CaseEventOf => {
      const event = { id: uuidOf(random), type, caseId, occurredOn, ...content };
      events.push(event);
      return event;
    };
    fact("case-opened", opened, {
      opening: {
        minor,
        firstReportOn: opened.slice(0, 7),
        reportSource: pick(SinbaFonteSegnalazione.options),
      },
    });
    const situation = fact("situation", day(3), {
      situation: { livingPlace: pick(SinbaLuogoVita.options), school: pick(SinbaScuolaFrequentata.options) },
    });
    const child = pick(SinbaValutazioneMinore.options);
    fact("assessment", day(10), { assessment: { child: { values: [child], prevalent: child } } });
    fact("judicial-measure", day(12), {
      measure: { authority: pick(SinbaAutoritaProvvedimento.options), kind: "1" },
    });
    const intervention = fact("intervention-start", day(15), { intervention: { code: "A1.01" } });
    if (random() < 0.7) fact("intervention-end", day(60), { interventionStart: intervention.id });
    fact("intervention-start", day(20), { intervention: { code: "B2.03" } });
    const fosterCare = () => ({
      form: pick(SinbaFormaInterventoAffido.options),
      kind: pick(SinbaTipoInterventoAffido.options),
      duration: pick(SinbaDurataAffido.options),
      character: pick(SinbaCarattereAffido.options),
    });
    const first = fact("foster-care-start", day(30), { fosterCare: fosterCare() });
    fact("foster-care-end", day(90), { fosterCareStart: first.id, outcome: pick(SinbaEsitoAffido.options) });
    // A second episode that starts the day the first one ends.
    fact("foster-care-start", day(90), { fosterCare: fosterCare() });
    fact("correction", day(40), {
      corrects: situation.id,
      situation: { livingPlace: pick(SinbaLuogoVita.options) },
    });
    const extra = fact("judicial-measure", day(50), {
      measure: { authority: pick(SinbaAutoritaProvvedimento.options), kind: "2" },
    });
    fact("void", day(55), { voids: extra.id });
    if (random() < 0.5)
      fact("closure", day(120), {
        closure: {
          reason: pick(SinbaMotivazioneChiusuraCarico.options),
          situation: pick(SinbaSituazioneChiusuraCarico.options),
        },
      });
  }
  return { caseIds, events };
}
