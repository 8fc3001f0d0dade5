import type { SinbaFasciaEtaBeneficiario } from "../code-lists/sinba-codes.ts";
import type { SinbaCasePart, SinbaField, SinbaMissingField } from "./sinba-record.types.ts";

/** What each required field is, in Italian, and the part of the case file that fills it. */
export const sinbaFieldLabels: Record<SinbaField, string> = {
  IDBeneficiario: "l'identificativo del beneficiario",
  MinoreStranieroNoAcc: "se è un minore straniero non accompagnato",
  CondizioneMinore: "la condizione del minore (orfano o no)",
  LuogoVita: "dove vive il minore",
  ScuolaFrequentata: "la scuola frequentata",
  CondizioneLavoro: "la condizione lavorativa del minore",
  Disabilita: "se il minore ha una disabilità",
  TipoDisabilita: "il tipo di disabilità",
  InvCivCertificazioni: "le certificazioni di invalidità civile",
  CodiceCittadinanzaPadre: "la cittadinanza del padre",
  CodiceCittadinanzaMadre: "la cittadinanza della madre",
  CodiceRegioneResidenzaPadre: "la regione di residenza del padre",
  CodiceRegioneResidenzaMadre: "la regione di residenza della madre",
  TitoloStudioPadre: "il titolo di studio del padre",
  TitoloStudioMadre: "il titolo di studio della madre",
  OccupazionePadre: "l'occupazione del padre",
  OccupazioneMadre: "l'occupazione della madre",
  DataPrimaSegnalazione: "il mese della prima segnalazione",
  FonteSegnalazione: "la fonte della segnalazione",
  ValutazioneMinore: "il problema prevalente del minore",
  ValutazioneFamigliaMinore: "il problema prevalente della famiglia",
  SegnalazioneAutoritaGiudiziaria: "la segnalazione all'autorità giudiziaria",
  DataSegnalazione: "il mese della segnalazione all'autorità giudiziaria",
  ProvvedimentoGiudiziario: "il provvedimento giudiziario",
  DataProvvedimentoGiudiziario: "il mese del provvedimento giudiziario",
  AutoritaProvvedimento: "l'autorità del provvedimento",
  PotestaTutela: "la responsabilità genitoriale o tutela",
  TipoProvvedimentoGiudiziario: "il tipo di provvedimento giudiziario",
  FormaInterventoAffido: "la forma dell'affido",
  TipoInterventoAffido: "il tipo di affido",
  DurataAffido: "la durata dell'affido",
  CarattereAffido: "il carattere dell'affido",
  EsitoAffido: "l'esito dell'affido",
  CarattereInserimentoResidenziale: "il carattere dell'inserimento residenziale",
  FormaInserimentoResidenziale: "la forma dell'inserimento residenziale",
  TipoInserimentoResidenziale: "il tipo di inserimento residenziale",
  EsitoInserimentoStruttura: "l'esito dell'inserimento in struttura",
  MotivazioneChiusuraCarico: "la motivazione della chiusura",
  SituazioneChiusuraCarico: "la situazione alla chiusura",
  CollaborazioniInterventi: "la collaborazione prevalente con altri servizi",
  NumeroComponentiISEE: "il numero dei componenti ISEE",
  FasciaEtaBeneficiario: "la fascia d'età del minore",
  FasciaISEEBeneficiario: "la fascia ISEE",
  AnnoNascita: "l'anno di nascita del minore",
  CodiceRegioneResidenza: "la regione di residenza del minore",
  CodiceNazioneResidenza: "lo Stato di residenza del minore",
  Prestazioni: "almeno una prestazione",
  ComposizioneFamiglia: "almeno un componente del nucleo familiare",
  Indirizzo: "il codice catastale del comune dell'ente",
  CFOperatore: "il codice fiscale o la partita IVA dell'ente",
};

/** The Italian name of each part of the case file, as the forms are titled. */
export const sinbaCasePartLabels: Record<SinbaCasePart, string> = {
  opening: "Apertura",
  situation: "Situazione del minore",
  family: "Famiglia",
  assessment: "Valutazione",
  judicial: "Autorità giudiziaria",
  interventions: "Prestazioni",
  "foster-care": "Affido familiare",
  placements: "Inserimenti residenziali",
  closure: "Chiusura",
  registry: "Anagrafe del minore",
  ente: "Dati dell'ente",
};

export function missingField(field: SinbaField, part: SinbaCasePart): SinbaMissingField {
  return {
    field,
    code: "missing",
    part,
    message: `Manca ${sinbaFieldLabels[field]} (da compilare in «${sinbaCasePartLabels[part]}»).`,
  };
}

export function notConvertible(field: SinbaField, part: SinbaCasePart): SinbaMissingField {
  return {
    field,
    code: "not-convertible",
    part,
    message: `Per ${sinbaFieldLabels[field]} lo Stato indicato non ha un codice ISO 3166 numerico che SINBA accetti: correggerlo in «${sinbaCasePartLabels[part]}».`,
  };
}

export function outOfRange(field: SinbaField, part: SinbaCasePart, why: string): SinbaMissingField {
  return {
    field,
    code: "out-of-range",
    part,
    message: `${capitalise(sinbaFieldLabels[field])} non è ammessa da SINBA: ${why} (da verificare in «${sinbaCasePartLabels[part]}»).`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** YYYY-MM or YYYY-MM-DD → MM/YYYY, the XSD's DataMeseAnnoType. */
export function monthYear(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * FasciaEtaBeneficiario from the completed years on the reference day: 0–2 → "0-3 anni" (1), …,
 * 15 and over → "15-18 anni" (6). A case may stay open past 18 (a closure at majority, a measure
 * extended to 21): such a young adult is reported in the last band, which is the only one SINBA has.
 */
export function ageBandOf(age: number): SinbaFasciaEtaBeneficiario | undefined {
  if (!Number.isInteger(age) || age < 0 || age > 21) return undefined;
  return String(Math.min(6, Math.floor(age / 3) + 1)) as SinbaFasciaEtaBeneficiario;
}
