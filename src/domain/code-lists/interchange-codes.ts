import { z } from "zod";
import { type CodeList, type CodeListEntry, codesOf } from "./code-list.ts";
import type {
  SinbaEsitoInserimentoStruttura,
  SinbaFormaInserimentoResidenziale,
} from "./sinba-codes.generated.ts";

/**
 * Enumerations of the interchange standard v1 (ASMI events). The codes are part of a published
 * contract: within version 1 a code is never renamed, removed or given another meaning.
 */

export const eventTypes = [
  { code: "admission", label: "Ammissione" },
  { code: "discharge", label: "Dimissione" },
  { code: "absence-start", label: "Inizio allontanamento" },
  { code: "absence-end", label: "Rientro da allontanamento" },
  { code: "activity", label: "Attività" },
  { code: "correction", label: "Rettifica" },
  { code: "void", label: "Annullamento" },
] as const satisfies CodeList;
export const EventType = z.enum(codesOf(eventTypes));
export type EventType = z.infer<typeof EventType>;

export const eventResultStatuses = [
  { code: "accepted", label: "Accettato" },
  { code: "duplicate", label: "Duplicato" },
  { code: "rejected", label: "Rifiutato" },
] as const satisfies CodeList;
export const EventResultStatus = z.enum(codesOf(eventResultStatuses));
export type EventResultStatus = z.infer<typeof EventResultStatus>;

export const sexes = [
  { code: "M", label: "Maschio" },
  { code: "F", label: "Femmina" },
] as const satisfies CodeList;
export const Sex = z.enum(codesOf(sexes));
export type Sex = z.infer<typeof Sex>;

/** Identifiers a minor may have before, or besides, a fiscal code (`minor.otherIds[].kind`). */
export const otherIdentifierKinds = [
  { code: "stp", label: "Codice STP (straniero temporaneamente presente)" },
  { code: "eni", label: "Codice ENI (europeo non iscritto)" },
  { code: "structure-file", label: "Numero di fascicolo della struttura" },
  { code: "police-file", label: "Numero di fascicolo delle forze dell'ordine" },
] as const satisfies CodeList;
export const OtherIdentifierKind = z.enum(codesOf(otherIdentifierKinds));
export type OtherIdentifierKind = z.infer<typeof OtherIdentifierKind>;

export const admissionKinds = [
  { code: "planned", label: "Programmata" },
  { code: "emergency", label: "In emergenza" },
] as const satisfies CodeList;
export const AdmissionKind = z.enum(codesOf(admissionKinds));
export type AdmissionKind = z.infer<typeof AdmissionKind>;

/**
 * Legal basis of a placement, with the SINBA FormaInserimentoResidenziale it exports as. An
 * emergency removal under art. 403 c.c. is ordered by a public authority and then validated by
 * the court, never agreed with the family, so it exports as judicial ("2").
 */
export const legalBases = [
  { code: "consensual", label: "Consensuale", sinbaPlacementForm: "1" },
  { code: "judicial", label: "Giudiziale", sinbaPlacementForm: "2" },
  { code: "emergency-403", label: "In emergenza (art. 403 c.c.)", sinbaPlacementForm: "2" },
] as const satisfies readonly (CodeListEntry & { sinbaPlacementForm: SinbaFormaInserimentoResidenziale })[];
export const LegalBasis = z.enum(codesOf(legalBases));
export type LegalBasis = z.infer<typeof LegalBasis>;

export const admissionOrigins = [
  { code: "family-of-origin", label: "Famiglia di origine" },
  { code: "relatives", label: "Parenti" },
  { code: "foster-family", label: "Famiglia affidataria" },
  { code: "other-residential", label: "Altra struttura residenziale" },
  { code: "health-facility", label: "Struttura sanitaria" },
  { code: "juvenile-justice", label: "Servizi della giustizia minorile" },
  { code: "no-fixed-abode", label: "Senza fissa dimora" },
  { code: "arrived-from-abroad", label: "Arrivato dall'estero" },
  { code: "other", label: "Altro" },
] as const satisfies CodeList;
export const AdmissionOrigin = z.enum(codesOf(admissionOrigins));
export type AdmissionOrigin = z.infer<typeof AdmissionOrigin>;

export const dischargeReasons = [
  { code: "project-completed", label: "Conclusione del progetto" },
  { code: "came-of-age", label: "Raggiungimento della maggiore età" },
  { code: "court-order", label: "Provvedimento dell'autorità giudiziaria" },
  { code: "transferred", label: "Trasferimento" },
  { code: "ran-away", label: "Allontanamento volontario" },
  { code: "repatriated", label: "Rimpatrio" },
  { code: "other", label: "Altro" },
] as const satisfies CodeList;
export const DischargeReason = z.enum(codesOf(dischargeReasons));
export type DischargeReason = z.infer<typeof DischargeReason>;

/** Ministry survey categories, with the SINBA EsitoInserimentoStruttura they export as. */
export const dischargeDestinations = [
  { code: "family-of-origin", label: "Rientro nella famiglia di origine", sinbaOutcome: "1" },
  { code: "foster-family", label: "Famiglia affidataria", sinbaOutcome: "2" },
  { code: "pre-adoptive-family", label: "Famiglia adottiva o preadottiva", sinbaOutcome: "3" },
  { code: "other-residential", label: "Altra struttura residenziale", sinbaOutcome: "4" },
  { code: "health-facility", label: "Struttura sanitaria", sinbaOutcome: "5" },
  { code: "independent-living", label: "Vita autonoma", sinbaOutcome: "6" },
  { code: "repatriated", label: "Rimpatrio", sinbaOutcome: "7" },
  { code: "unknown", label: "Destinazione ignota", sinbaOutcome: "8" },
  { code: "other", label: "Altro", sinbaOutcome: "9" },
] as const satisfies readonly (CodeListEntry & { sinbaOutcome: SinbaEsitoInserimentoStruttura })[];
export const DischargeDestination = z.enum(codesOf(dischargeDestinations));
export type DischargeDestination = z.infer<typeof DischargeDestination>;

export function sinbaOutcomeOf(destination: DischargeDestination): SinbaEsitoInserimentoStruttura {
  const entry = dischargeDestinations.find((candidate) => candidate.code === destination);
  if (!entry) {
    throw new Error(`Unknown discharge destination: ${destination}`);
  }
  return entry.sinbaOutcome;
}

export function sinbaPlacementFormOf(legalBasis: LegalBasis): SinbaFormaInserimentoResidenziale {
  const entry = legalBases.find((candidate) => candidate.code === legalBasis);
  if (!entry) {
    throw new Error(`Unknown legal basis: ${legalBasis}`);
  }
  return entry.sinbaPlacementForm;
}

export const absenceKinds = [
  { code: "ran-away", label: "Allontanamento volontario" },
  { code: "hospital", label: "Ricovero ospedaliero" },
  { code: "family-visit", label: "Rientro temporaneo in famiglia" },
  { code: "other", label: "Altro" },
] as const satisfies CodeList;
export const AbsenceKind = z.enum(codesOf(absenceKinds));
export type AbsenceKind = z.infer<typeof AbsenceKind>;

/** Default activity list; the Region may extend it, never reuse a code for another activity. */
export const activityCodes = [
  { code: "school", label: "Frequenza scolastica" },
  { code: "vocational-training", label: "Formazione professionale" },
  { code: "work-placement", label: "Inserimento lavorativo o tirocinio" },
  { code: "language-course", label: "Corso di lingua italiana" },
  { code: "health-care", label: "Cure sanitarie" },
  { code: "psychological-support", label: "Sostegno psicologico" },
  { code: "protected-family-meetings", label: "Incontri protetti con la famiglia" },
  {
    code: "individual-educational-plan",
    label: "Progetto educativo individualizzato (redazione o revisione)",
  },
  { code: "legal-support", label: "Assistenza legale" },
  { code: "sport-and-leisure", label: "Sport e tempo libero" },
] as const satisfies CodeList;
export const ActivityCode = z.enum(codesOf(activityCodes));
export type ActivityCode = z.infer<typeof ActivityCode>;

/** Errors reject one event; the label is the default Italian message sent back to the sender. */
export const validationErrorCodes = [
  { code: "invalid-json-shape", group: "structural", label: "L'evento non rispetta la struttura prevista." },
  { code: "unknown-type", group: "structural", label: "Il tipo di evento non è previsto." },
  { code: "unknown-structure", group: "structural", label: "La struttura indicata non è registrata." },
  {
    code: "structure-not-allowed",
    group: "structural",
    label: "Il client non è abilitato a inviare eventi per questa struttura.",
  },
  {
    code: "id-reused",
    group: "structural",
    label: "L'identificativo dell'evento è già stato usato con un contenuto diverso.",
  },
  { code: "date-invalid", group: "structural", label: "La data non è valida." },
  { code: "date-in-future", group: "structural", label: "La data non può essere futura." },
  {
    code: "unknown-code",
    group: "structural",
    label: "Il codice indicato non appartiene alla lista prevista.",
  },
  {
    code: "fiscal-code-invalid",
    group: "identity",
    label: "Il codice fiscale non è valido (formato o carattere di controllo).",
  },
  {
    code: "fiscal-code-mismatch",
    group: "identity",
    label: "Il codice fiscale non corrisponde al sesso o alla data di nascita indicati.",
  },
  {
    code: "identity-incomplete",
    group: "identity",
    label: "In assenza del codice fiscale occorrono cognome, nome, sesso e data di nascita.",
  },
  {
    code: "stay-exists",
    group: "stay",
    label: "Esiste già un'ammissione per questo riferimento di accoglienza.",
  },
  {
    code: "discharge-before-admission",
    group: "stay",
    label: "La data di dimissione precede la data di ammissione.",
  },
  { code: "unknown-stay", group: "stay", label: "L'evento da rettificare o annullare non esiste." },
  {
    code: "absence-end-before-start",
    group: "stay",
    label: "Il rientro è datato prima dell'inizio dell'allontanamento che chiude.",
  },
  {
    code: "discharge-exists",
    group: "stay",
    label: "La dimissione di questa accoglienza è già registrata: inviare una rettifica.",
  },
] as const satisfies readonly (CodeListEntry & { group: "structural" | "identity" | "stay" })[];
export const ValidationErrorCode = z.enum(codesOf(validationErrorCodes));
export type ValidationErrorCode = z.infer<typeof ValidationErrorCode>;

/** Warnings accompany an accepted event. */
export const validationWarningCodes = [
  {
    code: "waiting-for-admission",
    label: "Dimissione registrata in attesa dell'ammissione: sarà applicata al suo arrivo.",
  },
  { code: "capacity-exceeded", label: "Le presenze superano i posti autorizzati della struttura." },
  { code: "age-over-21", label: "Il minore ha superato i 21 anni di età." },
  { code: "late-report", label: "Evento comunicato oltre 7 giorni dopo la data in cui è avvenuto." },
  { code: "possible-duplicate-minor", label: "Possibile doppione in anagrafe: la scheda sarà verificata." },
  {
    code: "overlapping-stay",
    label:
      "Il minore risulta accolto in un'altra struttura negli stessi giorni: le due accoglienze sono segnalate da rettificare.",
  },
  {
    code: "outside-stay",
    label: "L'evento è datato fuori dai giorni dell'accoglienza: è conservato ma non conteggiato.",
  },
] as const satisfies CodeList;
export const ValidationWarningCode = z.enum(codesOf(validationWarningCodes));
export type ValidationWarningCode = z.infer<typeof ValidationWarningCode>;
