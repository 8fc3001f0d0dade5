import type { CaseProjection } from "../cases/case-projection.ts";
import { sinbaYes } from "../code-lists/sinba-codes.ts";
import { isoNumericToIstat } from "../territory/countries.ts";
import { addDays } from "../time/calendar.ts";

/**
 * A SINBA record read back from another system's XML (`sirmi sinba import`): its attributes by
 * their XSD names, as strings, and its two lists.
 */
export type ImportedSinbaRecord = {
  attributes: Record<string, string>;
  Prestazioni: string[];
  ComposizioneFamiglia: string[];
};

/** A case event ready for the case pipeline, without its caseId (the shell adds it) nor its id. */
export type PlannedCaseFact = { key: string; type: string; occurredOn: string } & Record<string, unknown>;

export type SinbaRecordFacts = {
  facts: PlannedCaseFact[];
  /** What the record carries and the case file cannot take from it, in Italian. */
  notMapped: string[];
};

const sameContent = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** MM/YYYY → the first day of that month (YYYY-MM-DD). */
function firstDayOf(monthYear: string): string {
  const [month, year] = monthYear.split("/");
  return `${year}-${month}-01`;
}

const withoutUndefined = <Item extends Record<string, unknown>>(item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as Item;

/**
 * The facts that bring a case to what a SINBA record says, given the case as it stands (a pure
 * function; the shell records them through the case pipeline, all or nothing).
 *
 * Dates: a record says how the case stood on its reference day (the flow's day) and dates little
 * else. The state it describes (situation, family, assessment, interventions, foster care) is
 * dated the day before the reference day, never before the case's last fact; episodes that the
 * record reports as ended end that day too (on the reference day when the child still lived in
 * foster care that day); the closure is dated the reference day; a judicial measure, the first
 * day of its MM/YYYY month, never before the opening. Only what differs from the case is written.
 */
export function factsOfSinbaRecord(
  record: ImportedSinbaRecord,
  current: CaseProjection,
  days: { referenceDay: string; today: string },
): SinbaRecordFacts {
  const a = record.attributes;
  const facts: PlannedCaseFact[] = [];
  const notMapped: string[] = [];
  const openedOn = current.opening?.date ?? days.referenceDay;
  const lastFactDay = latestDayOf(current);
  const clampToCase = (day: string) => {
    const latest = [day, openedOn, lastFactDay].sort().at(-1) as string;
    return [latest, days.today].sort()[0];
  };
  const referenceDay = clampToCase(days.referenceDay);
  const stateDay = clampToCase(addDays(referenceDay, -1));

  if (current.opening) {
    const [month, year] = (a.DataPrimaSegnalazione ?? "/").split("/");
    if (
      current.opening.content.firstReportOn !== `${year}-${month}` ||
      current.opening.content.reportSource !== a.FonteSegnalazione
    )
      notMapped.push(
        "La data della prima segnalazione o la fonte differiscono da quelle dell'apertura della cartella: l'apertura non è modificata.",
      );
  }

  const situation = withoutUndefined({
    orphanhood: a.CondizioneMinore,
    livingPlace: a.LuogoVita,
    school: a.ScuolaFrequentata,
    workCondition: a.CondizioneLavoro,
    disability: a.Disabilita,
    disabilityTypes: a.TipoDisabilita ? [a.TipoDisabilita] : undefined,
    certifications: a.InvCivCertificazioni ? [a.InvCivCertificazioni] : undefined,
  });
  if (!sameContent(situation, current.situation?.content))
    facts.push({ key: "situation", type: "situation", occurredOn: stateDay, situation });

  const family = familyOf(record, notMapped);
  if (!sameContent(family, current.family?.content))
    facts.push({ key: "family", type: "family", occurredOn: stateDay, family });

  const answer = (value: string | undefined) => (value ? { values: [value], prevalent: value } : undefined);
  const assessment = withoutUndefined({
    child: answer(a.ValutazioneMinore),
    family: answer(a.ValutazioneFamigliaMinore),
    collaborations: answer(a.CollaborazioniInterventi),
  });
  const lastAssessment = current.assessments.at(-1)?.content;
  const prevalents = (content: typeof lastAssessment) => [
    content?.child.prevalent,
    content?.family?.prevalent,
    content?.collaborations?.prevalent,
  ];
  if (!sameContent(prevalents(assessment as typeof lastAssessment), prevalents(lastAssessment)))
    facts.push({ key: "assessment", type: "assessment", occurredOn: stateDay, assessment });

  const notBeforeOpening = (day: string) => [[day, openedOn].sort()[1], days.today].sort()[0];
  judicialFacts(record, current, notBeforeOpening, days.today, facts, notMapped);
  interventionFacts(record, current, stateDay, facts);
  fosterCareFacts(record, current, { stateDay, referenceDay }, facts, notMapped);

  if (a.CarattereInserimentoResidenziale || a.FormaInserimentoResidenziale || a.EsitoInserimentoStruttura)
    notMapped.push(
      "L'inserimento residenziale non è importato: in S.I.R.MI è il collegamento a un'accoglienza ASMI, da indicare nella cartella.",
    );

  if (a.MotivazioneChiusuraCarico || a.SituazioneChiusuraCarico) {
    const closure = withoutUndefined({
      reason: a.MotivazioneChiusuraCarico,
      situation: a.SituazioneChiusuraCarico,
    });
    if (current.closure === null)
      facts.push({ key: "closure", type: "closure", occurredOn: referenceDay, closure });
    else if (!sameContent(closure, current.closure.content))
      notMapped.push(
        "La cartella è già chiusa con un'altra motivazione o situazione: la chiusura non è modificata.",
      );
  }
  return { facts, notMapped };
}

function latestDayOf(current: CaseProjection): string {
  const days = [
    current.opening?.date,
    current.situation?.date,
    current.family?.date,
    ...current.assessments.map((item) => item.date),
    ...current.measures.map((item) => item.date),
    ...current.interventions.flatMap((item) => [item.from, item.to]),
    ...current.fosterCare.flatMap((item) => [item.date, item.to]),
    ...current.placements.map((item) => item.from),
  ].filter((day): day is string => typeof day === "string");
  return days.sort().at(-1) ?? "0000-01-01";
}

function familyOf(record: ImportedSinbaRecord, notMapped: string[]) {
  const a = record.attributes;
  const parent = (side: "Padre" | "Madre") => {
    const iso = a[`CodiceCittadinanza${side}`];
    const citizenship = iso === undefined ? undefined : isoNumericToIstat(iso);
    if (iso !== undefined && citizenship === undefined)
      notMapped.push(
        `La cittadinanza ${side === "Padre" ? "del padre" : "della madre"} non corrisponde a un paese noto.`,
      );
    const known = [
      iso,
      a[`CodiceRegioneResidenza${side}`],
      a[`TitoloStudio${side}`],
      a[`Occupazione${side}`],
    ];
    if (known.every((value) => value === undefined)) return undefined;
    return withoutUndefined({
      citizenship,
      education: a[`TitoloStudio${side}`],
      occupation: a[`Occupazione${side}`],
    });
  };
  return withoutUndefined({
    household: [...new Set(record.ComposizioneFamiglia)],
    father: parent("Padre"),
    mother: parent("Madre"),
    residenceRegion: a.CodiceRegioneResidenzaPadre ?? a.CodiceRegioneResidenzaMadre,
    iseeMembers: a.NumeroComponentiISEE === undefined ? undefined : Number(a.NumeroComponentiISEE),
    iseeBand: a.FasciaISEEBeneficiario,
  });
}

function judicialFacts(
  record: ImportedSinbaRecord,
  current: CaseProjection,
  clampToCase: (day: string) => string,
  today: string,
  facts: PlannedCaseFact[],
  notMapped: string[],
) {
  const a = record.attributes;
  if (a.ProvvedimentoGiudiziario !== sinbaYes) {
    if (a.SegnalazioneAutoritaGiudiziaria === sinbaYes && current.measures.length === 0)
      notMapped.push(
        "La segnalazione all'autorità giudiziaria senza provvedimento non è importata: in S.I.R.MI si registra con il provvedimento.",
      );
    return;
  }
  if (!a.AutoritaProvvedimento || !a.TipoProvvedimentoGiudiziario || !a.DataProvvedimentoGiudiziario) {
    notMapped.push("Il provvedimento giudiziario non indica autorità, tipo e data: non è importato.");
    return;
  }
  const reportedOn = a.DataSegnalazione ? firstDayOf(a.DataSegnalazione) : undefined;
  const measure = withoutUndefined({
    reportedOn: reportedOn && reportedOn <= today ? reportedOn : undefined,
    authority: a.AutoritaProvvedimento,
    kind: a.TipoProvvedimentoGiudiziario,
    // Code 8 merges post-adoption and art. 403 c.c.: the file cannot say which one it was.
    kindDetail: a.TipoProvvedimentoGiudiziario === "8" ? ("art-403" as const) : undefined,
    parentalResponsibility: a.PotestaTutela,
  });
  if (measure.kind === "8")
    notMapped.push(
      "Il tipo di provvedimento 8 unisce post-adozione e allontanamento d'urgenza (art. 403 c.c.): importato come art. 403 c.c., da verificare.",
    );
  const last = current.measures.at(-1);
  const lastMonth = last ? `${last.date.slice(5, 7)}/${last.date.slice(0, 4)}` : undefined;
  const { kindDetail: _detail, reportedOn: _reported, ...compared } = measure;
  if (
    last &&
    lastMonth === a.DataProvvedimentoGiudiziario &&
    sameContent(compared, {
      authority: last.content.authority,
      kind: last.content.kind,
      parentalResponsibility: last.content.parentalResponsibility,
    })
  )
    return;
  const occurredOn = clampToCase(firstDayOf(a.DataProvvedimentoGiudiziario));
  facts.push({ key: "measure", type: "judicial-measure", occurredOn, measure });
}

function interventionFacts(
  record: ImportedSinbaRecord,
  current: CaseProjection,
  stateDay: string,
  facts: PlannedCaseFact[],
) {
  const codes = [...new Set(record.Prestazioni)];
  const open = current.interventions.filter((item) => item.to === null);
  for (const item of open)
    if (!codes.includes(item.code))
      facts.push({
        key: `intervention-end:${item.eventId}`,
        type: "intervention-end",
        occurredOn: stateDay,
        interventionStart: item.eventId,
      });
  for (const code of codes)
    if (!open.some((item) => item.code === code))
      facts.push({
        key: `intervention-start:${code}`,
        type: "intervention-start",
        occurredOn: stateDay,
        intervention: { code },
      });
}

function fosterCareFacts(
  record: ImportedSinbaRecord,
  current: CaseProjection,
  days: { stateDay: string; referenceDay: string },
  facts: PlannedCaseFact[],
  notMapped: string[],
) {
  const a = record.attributes;
  const parts = [a.FormaInterventoAffido, a.TipoInterventoAffido, a.DurataAffido, a.CarattereAffido];
  if (parts.every((part) => part === undefined)) return;
  if (parts.some((part) => part === undefined)) {
    notMapped.push("L'affido non indica forma, tipo, durata e carattere: non è importato.");
    return;
  }
  const fosterCare = { form: parts[0], kind: parts[1], duration: parts[2], character: parts[3] };
  const open = current.fosterCare.find((episode) => episode.to === null);
  const same = (episode: { content: object }) => {
    const {
      nightsPerWeek: _nights,
      carers: _carers,
      ...content
    } = episode.content as Record<string, unknown>;
    return sameContent(content, fosterCare);
  };
  // Ended on the reference day when the child still lived in foster care that day (LuogoVita 3).
  const endDay = a.LuogoVita === "3" ? days.referenceDay : days.stateDay;
  if (open && !same(open)) {
    notMapped.push("È già aperto un affido diverso da quello del record: l'affido non è importato.");
    return;
  }
  let startKey = open?.eventId;
  if (!open) {
    const closedSame = current.fosterCare.find((episode) => episode.to !== null && same(episode));
    if (closedSame && closedSame.outcome === (a.EsitoAffido ?? null)) return;
    facts.push({
      key: "foster-care-start",
      type: "foster-care-start",
      occurredOn: days.stateDay,
      fosterCare,
    });
    startKey = undefined;
  }
  if (a.EsitoAffido)
    facts.push({
      key: "foster-care-end",
      type: "foster-care-end",
      occurredOn: endDay,
      ...(startKey ? { fosterCareStart: startKey } : { fosterCareStartKey: "foster-care-start" }),
      outcome: a.EsitoAffido,
    });
}
