import type { CaseProjection } from "../cases/case-projection.ts";
import { sinbaNo, sinbaYes } from "../code-lists/sinba-codes.ts";
import { regionCodeOfComune } from "../territory/comune.ts";
import { istatToIsoNumeric, italyIsoNumeric } from "../territory/countries.ts";
import { ageBandOf, missingField, monthYear, notConvertible, outOfRange } from "./sinba-fields.ts";
import type {
  SinbaField,
  SinbaMissingField,
  SinbaPlacement,
  SinbaRecord,
  SinbaRecordInput,
  SinbaRecordResult,
} from "./sinba-record.types.ts";

type Episode = { from: string; to: string | null };

/**
 * The episode a record reports: the one in progress on the reference day, otherwise the last one
 * closed since the previous flow (any closed one, for a first flow), never one that starts later.
 */
export function reportedEpisode<Item extends Episode>(
  episodes: readonly Item[],
  referenceDay: string,
  previousFlowDay: string | null,
): Item | undefined {
  const started = episodes.filter((episode) => episode.from <= referenceDay);
  const current = started.filter((episode) => episode.to === null || episode.to >= referenceDay);
  if (current.length > 0) return current.sort((a, b) => a.from.localeCompare(b.from)).at(-1);
  const closed = started
    .filter((episode) => episode.to !== null && (previousFlowDay === null || episode.to > previousFlowDay))
    .sort((a, b) => (a.to as string).localeCompare(b.to as string));
  return closed.at(-1);
}

/** The dated parts of the case as they stood on the reference day. */
function asOnDay(projection: CaseProjection, day: string) {
  const onOrBefore = <Item extends { date: string }>(items: Item[]) =>
    items.filter((item) => item.date <= day);
  const notAfter = <Item extends { date: string }>(item: Item | null) =>
    item && item.date <= day ? item : null;
  return {
    situation: notAfter(projection.situation),
    family: notAfter(projection.family),
    assessment: onOrBefore(projection.assessments).at(-1) ?? null,
    measures: onOrBefore(projection.measures),
    closure: notAfter(projection.closure),
  };
}

function withoutUndefined(record: Record<string, unknown>): void {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
}

/**
 * One SINBA record for a case and a reference moment (a pure function): single-valued attributes
 * take the prevalent value, dates become MM/YYYY, the age band comes from the age on the reference
 * day, countries are converted from ISTAT to ISO 3166 numeric here and only here, IDBeneficiario
 * is the minor's pseudonym. When a required attribute cannot be filled, the answer is the list of
 * what is missing, field by field, with the part of the case file that fills it: never a record.
 */
export function buildSinbaRecord(input: SinbaRecordInput): SinbaRecordResult {
  const { projection, referenceDay: day, previousFlowDay, minor } = input;
  const missing: SinbaMissingField[] = [];
  const need = <Value>(
    value: Value | undefined | null,
    field: SinbaField,
    part: SinbaMissingField["part"],
  ) => {
    if (value === undefined || value === null) missing.push(missingField(field, part));
    return value ?? undefined;
  };
  const opening = projection.opening && projection.opening.date <= day ? projection.opening : null;
  if (!opening) {
    return { ok: false, missing: [missingField("DataPrimaSegnalazione", "opening")] };
  }
  const { situation, family, assessment, measures, closure } = asOnDay(projection, day);
  const foster = reportedEpisode(
    projection.fosterCare.map((episode) => ({ ...episode, from: episode.date })),
    day,
    previousFlowDay,
  );
  const placement = reportedEpisode<SinbaPlacement>(input.placements, day, previousFlowDay);
  const fosterNow = foster && (foster.to === null || foster.to >= day) ? foster : undefined;
  const placementNow = placement && (placement.to === null || placement.to >= day) ? placement : undefined;
  const livingPlace = fosterNow
    ? "3"
    : placementNow
      ? placementNow.isHealthStructure
        ? "5"
        : "4"
      : situation?.content.livingPlace;

  const sit = situation?.content;
  const disability = need(sit?.disability, "Disabilita", "situation");
  const disabilityType = sit?.disabilityTypes?.[0];
  if (disability === sinbaYes && disabilityType === undefined)
    missing.push(missingField("TipoDisabilita", "situation"));

  const household = family?.content.household ?? [];
  if (household.length === 0) missing.push(missingField("ComposizioneFamiglia", "family"));
  const interventions = reportedInterventions(projection, day, previousFlowDay);
  if (interventions.length === 0) missing.push(missingField("Prestazioni", "interventions"));

  const childProblem = need(assessment?.content.child.prevalent, "ValutazioneMinore", "assessment");
  const familyProblem = need(
    assessment?.content.family?.prevalent,
    "ValutazioneFamigliaMinore",
    "assessment",
  );

  const citizenship = (country: string | undefined, field: SinbaField) => {
    if (country === undefined) return undefined;
    const iso = istatToIsoNumeric(country);
    if (iso === undefined) missing.push(notConvertible(field, "family"));
    return iso;
  };
  const father = family?.content.father;
  const mother = family?.content.mother;
  const parentsRegion = family?.content.residenceRegion;

  const reported = measures.filter((measure) => measure.content.reportedOn !== undefined).at(-1);
  const measure = measures.at(-1);

  const ageBand = minor.ageOnReferenceDay === null ? undefined : ageBandOf(minor.ageOnReferenceDay);
  if (minor.ageOnReferenceDay === null) missing.push(missingField("FasciaEtaBeneficiario", "registry"));
  else if (ageBand === undefined)
    missing.push(
      outOfRange(
        "FasciaEtaBeneficiario",
        "registry",
        "l'età nel giorno di riferimento non è tra 0 e 21 anni",
      ),
    );
  if (minor.birthYear === null) missing.push(missingField("AnnoNascita", "registry"));

  let residenceCountry: string | undefined;
  let residenceRegion: string | undefined;
  if (minor.residence === null) missing.push(missingField("CodiceNazioneResidenza", "registry"));
  else if ("comune" in minor.residence) {
    residenceCountry = italyIsoNumeric;
    residenceRegion = /^\d{6}$/.test(minor.residence.comune)
      ? regionCodeOfComune(minor.residence.comune)
      : undefined;
  } else {
    residenceCountry = istatToIsoNumeric(minor.residence.country);
    if (residenceCountry === undefined) missing.push(notConvertible("CodiceNazioneResidenza", "registry"));
  }
  if (!minor.pseudonym || minor.pseudonym.length > 20)
    missing.push(missingField("IDBeneficiario", "registry"));

  const record = {
    IDBeneficiario: minor.pseudonym,
    MinoreStranieroNoAcc: minor.unaccompanied ? sinbaYes : sinbaNo,
    CondizioneMinore: need(sit?.orphanhood, "CondizioneMinore", "situation"),
    LuogoVita: need(livingPlace, "LuogoVita", "situation"),
    ScuolaFrequentata: need(sit?.school, "ScuolaFrequentata", "situation"),
    CondizioneLavoro: need(sit?.workCondition, "CondizioneLavoro", "situation"),
    Disabilita: disability,
    TipoDisabilita: disability === sinbaYes ? disabilityType : undefined,
    InvCivCertificazioni: disability === sinbaYes ? sit?.certifications?.[0] : undefined,
    CodiceCittadinanzaPadre: citizenship(father?.citizenship, "CodiceCittadinanzaPadre"),
    CodiceCittadinanzaMadre: citizenship(mother?.citizenship, "CodiceCittadinanzaMadre"),
    CodiceRegioneResidenzaPadre: father ? parentsRegion : undefined,
    CodiceRegioneResidenzaMadre: mother ? parentsRegion : undefined,
    TitoloStudioPadre: father?.education,
    TitoloStudioMadre: mother?.education,
    OccupazionePadre: father?.occupation,
    OccupazioneMadre: mother?.occupation,
    DataPrimaSegnalazione: monthYear(opening.content.firstReportOn),
    FonteSegnalazione: opening.content.reportSource,
    ValutazioneMinore: childProblem,
    ValutazioneFamigliaMinore: familyProblem,
    SegnalazioneAutoritaGiudiziaria: reported ? sinbaYes : sinbaNo,
    DataSegnalazione: reported?.content.reportedOn ? monthYear(reported.content.reportedOn) : undefined,
    ProvvedimentoGiudiziario: measure ? sinbaYes : sinbaNo,
    DataProvvedimentoGiudiziario: measure ? monthYear(measure.date) : undefined,
    AutoritaProvvedimento: measure?.content.authority,
    PotestaTutela: measure?.content.parentalResponsibility,
    TipoProvvedimentoGiudiziario: measure?.content.kind,
    FormaInterventoAffido: foster?.content.form,
    TipoInterventoAffido: foster?.content.kind,
    DurataAffido: foster?.content.duration,
    CarattereAffido: foster?.content.character,
    EsitoAffido: foster && foster.to !== null && foster.to <= day ? (foster.outcome ?? undefined) : undefined,
    CarattereInserimentoResidenziale: placement?.character ?? undefined,
    FormaInserimentoResidenziale: placement
      ? (placement.form ?? (measures.some((item) => item.date <= placement.from) ? "2" : "1"))
      : undefined,
    TipoInserimentoResidenziale: placement?.withParent,
    EsitoInserimentoStruttura:
      placement && placement.to !== null && placement.to <= day
        ? (placement.outcome ?? undefined)
        : undefined,
    MotivazioneChiusuraCarico: closure?.content.reason,
    SituazioneChiusuraCarico: closure?.content.situation,
    CollaborazioniInterventi: assessment?.content.collaborations?.prevalent,
    // The XSD stops at 9 (maxInclusive): a larger household is reported as 9, "9 or more".
    NumeroComponentiISEE:
      family?.content.iseeMembers === undefined ? undefined : String(Math.min(9, family.content.iseeMembers)),
    FasciaEtaBeneficiario: ageBand,
    FasciaISEEBeneficiario: family?.content.iseeBand,
    AnnoNascita: minor.birthYear === null ? undefined : String(minor.birthYear).padStart(4, "0"),
    CodiceRegioneResidenza: residenceRegion,
    CodiceNazioneResidenza: residenceCountry,
    Prestazioni: interventions,
    ComposizioneFamiglia: [...new Set(household)],
  };
  if (missing.length > 0) return { ok: false, missing: dedupe(missing) };
  withoutUndefined(record);
  return { ok: true, record: record as SinbaRecord };
}

/**
 * The interventions a record lists: those in progress on the reference day or ended since the
 * previous flow; when there is none (every intervention ended before the previous flow: a later
 * placement, the closure), the last ones that ended, so that a case that had interventions can
 * always report its changes and its closure.
 */
function reportedInterventions(projection: CaseProjection, day: string, previousFlowDay: string | null) {
  const started = projection.interventions.filter((item) => item.from <= day);
  const recent = started.filter(
    (item) => item.to === null || previousFlowDay === null || item.to > previousFlowDay,
  );
  const lastEnd = started.reduce((last, item) => (item.to !== null && item.to > last ? item.to : last), "");
  const reported = recent.length > 0 ? recent : started.filter((item) => item.to === lastEnd);
  return [...new Set(reported.map((item) => item.code))];
}

function dedupe(missing: SinbaMissingField[]): SinbaMissingField[] {
  const seen = new Set<string>();
  return missing.filter((item) => {
    const key = `${item.field}|${item.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
