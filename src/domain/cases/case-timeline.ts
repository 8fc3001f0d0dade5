import { labelOf } from "../code-lists/code-list.ts";
import { absenceKinds, dischargeDestinations, dischargeReasons } from "../code-lists/interchange-codes.ts";
import {
  sinbaAutoritaProvvedimento,
  sinbaEsitoAffido,
  sinbaFonteSegnalazione,
  sinbaFormaInterventoAffido,
  sinbaMotivazioneChiusuraCarico,
  sinbaTipoInterventoAffido,
  sinbaTipoProvvedimentoGiudiziario,
  sinbaValutazioneMinore,
} from "../code-lists/sinba-codes.ts";
import type { CaseProjection } from "./case-projection.ts";
import type { TimelineEntry, TimelineEntryKind } from "./case-timeline-api.schema.ts";

/** A stay of the child as the timeline reads it: the effective facts' ids and days. */
export type TimelineStay = {
  stayId: string;
  structureName: string;
  admission: { eventId: string; date: string } | null;
  discharge: { eventId: string; date: string; reason: string; destination: string } | null;
  absences: { eventId: string; kind: string; from: string; to: string | null }[];
  /** The absence-end events, by day: the return of the absence that ends that day. */
  absenceEnds: { eventId: string; date: string }[];
};

const titles: Record<TimelineEntryKind, string> = {
  "case-opened": "Apertura della cartella",
  situation: "Situazione del minore",
  family: "Famiglia",
  assessment: "Valutazione",
  "judicial-measure": "Provvedimento giudiziario",
  "intervention-start": "Inizio di una prestazione",
  "intervention-end": "Fine di una prestazione",
  "foster-care-start": "Inizio dell'affido familiare",
  "foster-care-end": "Fine dell'affido familiare",
  placement: "Collocamento in struttura collegato",
  "transfer-requested": "Richiesta di trasferimento ad altro servizio",
  "transfer-accepted": "Trasferimento accettato",
  "case-closed": "Chiusura della cartella",
  assignment: "Assegnazione a un operatore",
  admission: "Ammissione in struttura",
  "absence-start": "Inizio di un'assenza",
  "absence-end": "Rientro in struttura",
  discharge: "Dimissione dalla struttura",
};

export const timelineTitleOf = (kind: TimelineEntryKind) => titles[kind];

const joined = (...parts: (string | undefined | null | false)[]) =>
  parts.filter((part): part is string => typeof part === "string" && part.length > 0).join(" · ") || null;

/**
 * One minor-centred timeline from the case's projection and the child's stays in every structure,
 * most recent first (same day: the later fact first, stays' facts after the case's at equal rank).
 * The service's operators are named by `operatorNames` (the people of the service only).
 */
export function buildCaseTimeline(
  projection: CaseProjection,
  stays: TimelineStay[],
  operatorNames: ReadonlyMap<string, string> = new Map(),
): TimelineEntry[] {
  const entries: (TimelineEntry & { rank: number })[] = [];
  let rank = 0;
  const add = (
    kind: TimelineEntryKind,
    date: string,
    eventId: string,
    detail: string | null,
    stay?: { stayId: string; structureName: string },
  ) => {
    entries.push({
      date,
      kind,
      source: stay ? "stay" : "case",
      eventId,
      stayId: stay?.stayId ?? null,
      structureName: stay?.structureName ?? null,
      title: titles[kind],
      detail,
      rank: rank++,
    });
  };
  const structureOf = new Map(stays.map((stay) => [stay.stayId, stay.structureName]));

  const { opening } = projection;
  if (opening)
    add(
      "case-opened",
      opening.date,
      opening.eventId,
      joined(
        `Prima segnalazione ${opening.content.firstReportOn}`,
        labelOf(sinbaFonteSegnalazione, opening.content.reportSource),
      ),
    );
  if (projection.situation) add("situation", projection.situation.date, projection.situation.eventId, null);
  if (projection.family) add("family", projection.family.date, projection.family.eventId, null);
  for (const assessment of projection.assessments) {
    const prevalent = assessment.content.child.prevalent;
    add(
      "assessment",
      assessment.date,
      assessment.eventId,
      prevalent ? `Prevalente: ${labelOf(sinbaValutazioneMinore, prevalent) ?? "—"}` : null,
    );
  }
  for (const measure of projection.measures)
    add(
      "judicial-measure",
      measure.date,
      measure.eventId,
      joined(
        labelOf(sinbaTipoProvvedimentoGiudiziario, measure.content.kind),
        labelOf(sinbaAutoritaProvvedimento, measure.content.authority),
      ),
    );
  for (const intervention of projection.interventions) {
    add("intervention-start", intervention.from, intervention.eventId, `Prestazione ${intervention.code}`);
    if (intervention.to)
      add("intervention-end", intervention.to, intervention.eventId, `Prestazione ${intervention.code}`);
  }
  for (const episode of projection.fosterCare) {
    add(
      "foster-care-start",
      episode.date,
      episode.eventId,
      joined(
        labelOf(sinbaFormaInterventoAffido, episode.content.form),
        labelOf(sinbaTipoInterventoAffido, episode.content.kind),
      ),
    );
    if (episode.to)
      add(
        "foster-care-end",
        episode.to,
        episode.eventId,
        episode.outcome ? `Esito: ${labelOf(sinbaEsitoAffido, episode.outcome) ?? "—"}` : null,
      );
  }
  for (const placement of projection.placements)
    add(
      "placement",
      placement.from,
      placement.eventId,
      structureOf.get(placement.stayId) ?? "Struttura non più consultabile",
    );
  const { transfer } = projection;
  if (transfer) {
    add(
      "transfer-requested",
      transfer.requestedOn,
      transfer.eventId,
      `Al servizio ${transfer.toServiceCode}`,
    );
    if (transfer.acceptedOn)
      add(
        "transfer-accepted",
        transfer.acceptedOn,
        transfer.eventId,
        `Dal servizio ${transfer.toServiceCode}`,
      );
  }
  if (projection.closure)
    add(
      "case-closed",
      projection.closure.date,
      projection.closure.eventId,
      projection.closure.content.reason
        ? (labelOf(sinbaMotivazioneChiusuraCarico, projection.closure.content.reason) ?? null)
        : null,
    );
  // A projection stored before assignments existed has none.
  for (const assignment of projection.assignments ?? [])
    add(
      "assignment",
      assignment.from,
      assignment.eventId,
      `Assegnata a ${operatorNames.get(assignment.operatorId) ?? "un operatore non più del servizio"}`,
    );

  for (const stay of stays) {
    const where = { stayId: stay.stayId, structureName: stay.structureName };
    if (stay.admission)
      add("admission", stay.admission.date, stay.admission.eventId, stay.structureName, where);
    for (const absence of stay.absences) {
      add("absence-start", absence.from, absence.eventId, labelOf(absenceKinds, absence.kind) ?? null, where);
      const end = absence.to
        ? stay.absenceEnds.find((candidate) => candidate.date === absence.to)
        : undefined;
      if (absence.to && end)
        add("absence-end", absence.to, end.eventId, labelOf(absenceKinds, absence.kind) ?? null, where);
    }
    if (stay.discharge)
      add(
        "discharge",
        stay.discharge.date,
        stay.discharge.eventId,
        joined(
          labelOf(dischargeReasons, stay.discharge.reason),
          labelOf(dischargeDestinations, stay.discharge.destination),
        ),
        where,
      );
  }
  return entries
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.rank - a.rank))
    .map(({ rank: _rank, ...entry }) => entry);
}
