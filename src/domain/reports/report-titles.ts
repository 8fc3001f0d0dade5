import type { ReportId, ReportParameters } from "./report.ts";

/**
 * The Italian names of the catalogue, one wording for the API, every file and the screen: each
 * report's title and description, and the names of its parameters (columns and code values are
 * in report-labels.ts).
 */

export const reportTitles: Record<ReportId, string> = {
  "out-of-family-stock": "Minori fuori famiglia: servizi residenziali e affidamento familiare",
  admissions: "Ammissioni nelle strutture residenziali e affidamenti familiari iniziati",
  discharges: "Dimissioni dalle strutture residenziali e affidamenti familiari conclusi",
  "ministry-survey":
    "Rilevazione Ministero / Regioni: bambini e ragazzi in affidamento familiare e nei servizi residenziali",
  "istat-presidi": "Rilevazione ISTAT sui presidi residenziali: strutture per minori",
  occupancy: "Posti e presenze nelle strutture per minori",
  trend: "Andamento mensile dei minori fuori famiglia",
  "procura-list":
    "Elenco semestrale dei minori accolti per la Procura della Repubblica presso il Tribunale per i minorenni",
  timeliness: "Tempestività delle registrazioni",
};

export const reportDescriptions: Record<ReportId, string> = {
  "out-of-family-stock":
    "Minori fuori famiglia nel giorno indicato, nei servizi residenziali e in affidamento familiare, affiancati e insieme: per collocamento, classe di età e sesso, cittadinanza; le strutture per tipologia nazionale, base giuridica, durata dell'accoglienza, provenienza, provincia e zona; l'affidamento per tipo e forma, durata e provenienza.",
  admissions:
    "Accoglienze iniziate nell'anno per provenienza, classe di età all'ammissione, sesso, cittadinanza, base giuridica e modalità (programmata o in emergenza); affidamenti familiari iniziati per classe di età e sesso, tipo e forma.",
  discharges:
    "Accoglienze concluse nell'anno per destinazione, motivo, durata, classe di età e sesso; affidamenti familiari conclusi per esito, durata, classe di età e sesso.",
  "ministry-survey":
    "Il formato della rilevazione del Ministero e delle Regioni, nelle sue due parti: minori in affidamento familiare e nei servizi residenziali al 31/12, dimissioni dell'anno per destinazione e affidamenti conclusi per esito.",
  "istat-presidi":
    "Una riga per struttura: posti autorizzati, presenti al 31/12 per sesso e cittadinanza, entrate e uscite dell'anno.",
  occupancy: "Per struttura, per zona e per l'intera Regione: posti autorizzati, presenti e posti liberi.",
  trend:
    "Minori fuori famiglia alla fine di ogni mese, nei servizi residenziali e in affidamento familiare; i presenti nei servizi residenziali per gruppo di cittadinanza.",
  "procura-list":
    "Elenco nominativo dei minori accolti nel semestre da una struttura, per l'obbligo semestrale verso la Procura della Repubblica presso il Tribunale per i minorenni. Riservato al responsabile della struttura.",
  timeliness:
    "Per struttura: giorni tra il fatto e la sua registrazione (mediana, 90° percentile, quota oltre 7 giorni).",
};

/** Filters every aggregate report accepts besides its own parameters. */
export const filterParameterNames = ["structure", "zone", "province"] as const;

export const parameterLabels: Record<keyof ReportParameters, string> = {
  date: "Giorno di riferimento",
  year: "Anno",
  from: "Dal",
  to: "Al",
  structure: "Struttura (codice)",
  semester: "Semestre",
  zone: "Zona distretto",
  province: "Provincia",
};
