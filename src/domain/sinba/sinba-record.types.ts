import type { CaseProjection } from "../cases/case-projection.ts";
import type {
  SinbaCarattereInserimentoResidenziale,
  SinbaEsitoInserimentoStruttura,
  SinbaFasciaEtaBeneficiario,
  SinbaFormaInserimentoResidenziale,
  SinbaTipoInserimentoResidenziale,
} from "../code-lists/sinba-codes.ts";

/**
 * One SINBA record: the attributes of the XSD's `SinbaType`, by their XSD names, already in the
 * national codes (countries ISO 3166 numeric, dates MM/YYYY). Built only by buildSinbaRecord.
 */
export interface SinbaRecord {
  IDBeneficiario: string;
  MinoreStranieroNoAcc: string;
  CondizioneMinore: string;
  LuogoVita: string;
  ScuolaFrequentata: string;
  CondizioneLavoro: string;
  Disabilita: string;
  TipoDisabilita?: string;
  InvCivCertificazioni?: string;
  CodiceCittadinanzaPadre?: string;
  CodiceCittadinanzaMadre?: string;
  CodiceRegioneResidenzaPadre?: string;
  CodiceRegioneResidenzaMadre?: string;
  TitoloStudioPadre?: string;
  TitoloStudioMadre?: string;
  OccupazionePadre?: string;
  OccupazioneMadre?: string;
  DataPrimaSegnalazione: string;
  FonteSegnalazione: string;
  ValutazioneMinore: string;
  ValutazioneFamigliaMinore: string;
  SegnalazioneAutoritaGiudiziaria: string;
  DataSegnalazione?: string;
  ProvvedimentoGiudiziario: string;
  DataProvvedimentoGiudiziario?: string;
  AutoritaProvvedimento?: string;
  PotestaTutela?: string;
  TipoProvvedimentoGiudiziario?: string;
  FormaInterventoAffido?: string;
  TipoInterventoAffido?: string;
  DurataAffido?: string;
  CarattereAffido?: string;
  EsitoAffido?: string;
  CarattereInserimentoResidenziale?: string;
  FormaInserimentoResidenziale?: string;
  TipoInserimentoResidenziale?: string;
  EsitoInserimentoStruttura?: string;
  MotivazioneChiusuraCarico?: string;
  SituazioneChiusuraCarico?: string;
  CollaborazioniInterventi?: string;
  NumeroComponentiISEE?: string;
  FasciaEtaBeneficiario: SinbaFasciaEtaBeneficiario;
  FasciaISEEBeneficiario?: string;
  AnnoNascita: string;
  CodiceRegioneResidenza?: string;
  CodiceNazioneResidenza: string;
  /** The child elements: at least one intervention code, at least one household member. */
  Prestazioni: string[];
  ComposizioneFamiglia: string[];
}

/** The XSD attributes in the XSD's order, for a stable serialisation and digest. */
export const sinbaAttributeOrder = [
  "IDBeneficiario",
  "MinoreStranieroNoAcc",
  "CondizioneMinore",
  "LuogoVita",
  "ScuolaFrequentata",
  "CondizioneLavoro",
  "Disabilita",
  "TipoDisabilita",
  "InvCivCertificazioni",
  "CodiceCittadinanzaPadre",
  "CodiceCittadinanzaMadre",
  "CodiceRegioneResidenzaPadre",
  "CodiceRegioneResidenzaMadre",
  "TitoloStudioPadre",
  "TitoloStudioMadre",
  "OccupazionePadre",
  "OccupazioneMadre",
  "DataPrimaSegnalazione",
  "FonteSegnalazione",
  "ValutazioneMinore",
  "ValutazioneFamigliaMinore",
  "SegnalazioneAutoritaGiudiziaria",
  "DataSegnalazione",
  "ProvvedimentoGiudiziario",
  "DataProvvedimentoGiudiziario",
  "AutoritaProvvedimento",
  "PotestaTutela",
  "TipoProvvedimentoGiudiziario",
  "FormaInterventoAffido",
  "TipoInterventoAffido",
  "DurataAffido",
  "CarattereAffido",
  "EsitoAffido",
  "CarattereInserimentoResidenziale",
  "FormaInserimentoResidenziale",
  "TipoInserimentoResidenziale",
  "EsitoInserimentoStruttura",
  "MotivazioneChiusuraCarico",
  "SituazioneChiusuraCarico",
  "CollaborazioniInterventi",
  "NumeroComponentiISEE",
  "FasciaEtaBeneficiario",
  "FasciaISEEBeneficiario",
  "AnnoNascita",
  "CodiceRegioneResidenza",
  "CodiceNazioneResidenza",
] as const satisfies readonly (keyof SinbaRecord)[];
export type SinbaAttribute = (typeof sinbaAttributeOrder)[number];
/** The record's fields, and the sender's two the ente's settings fill (IdentificazioneFlusso/Ente). */
export type SinbaField =
  | SinbaAttribute
  | "Prestazioni"
  | "ComposizioneFamiglia"
  | "Indirizzo"
  | "CFOperatore";

/**
 * A residential placement of the case as the shell resolved it from the linked ASMI stay: dates,
 * the residential character from the structure's ISTAT character × function as it was then, the
 * outcome from the discharge destination. Null where the stay or the structure does not say.
 */
export interface SinbaPlacement {
  stayId: string;
  from: string;
  to: string | null;
  character: SinbaCarattereInserimentoResidenziale | null;
  /** Consensual or judicial, from the stay's legal basis; otherwise judicial when a measure preceded it. */
  form?: SinbaFormaInserimentoResidenziale;
  /** With or without a parent, when the stay says. */
  withParent?: SinbaTipoInserimentoResidenziale;
  /** A health (sanitaria) structure: the child then lives "in struttura residenziale sanitaria". */
  isHealthStructure?: boolean;
  outcome: SinbaEsitoInserimentoStruttura | null;
}

/**
 * Everything the record needs besides the case: what the registry knows of the minor outside the
 * vault (pseudonym, residence), what the shell read in the vault (the birth date, given here as the
 * year and the age on the reference day only), and the placements resolved from ASMI.
 */
export interface SinbaRecordInput {
  /** The case "as known at" the reference moment (projectCase(events, asOf)). */
  projection: CaseProjection;
  /** The reference day (YYYY-MM-DD): the day the record describes. */
  referenceDay: string;
  /** The reference day of the case's previous flow, if any: episodes closed since then still count. */
  previousFlowDay: string | null;
  minor: {
    pseudonym: string;
    /** Year of birth and completed years on the reference day; null when the vault has no birth date. */
    birthYear: number | null;
    ageOnReferenceDay: number | null;
    /** Unaccompanied foreign minor (MSNA), as a stay or the registry says. */
    unaccompanied: boolean;
    /** Residence: an ISTAT comune (Italy) or an ISTAT country code abroad; null when unknown. */
    residence: { comune: string } | { country: string } | null;
  };
  placements: SinbaPlacement[];
}

/** The part of the case file (its form) that fills a field. */
export type SinbaCasePart =
  | "opening"
  | "situation"
  | "family"
  | "assessment"
  | "judicial"
  | "interventions"
  | "foster-care"
  | "placements"
  | "closure"
  | "registry"
  | "ente";

/** One thing a record cannot do without, field by field, in Italian. */
export interface SinbaMissingField {
  field: SinbaField;
  /** `not-valid`: the record was built but the XSD refused it (a defect, reported instead of sent). */
  code: "missing" | "not-convertible" | "out-of-range" | "not-valid";
  part: SinbaCasePart;
  message: string;
}

export type SinbaRecordResult =
  | { ok: true; record: SinbaRecord }
  | { ok: false; missing: SinbaMissingField[] };
