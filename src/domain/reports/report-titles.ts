import type { ReportId, ReportParameters } from "./report.ts";

/**
 * The Italian names of the catalogue, one wording for the API, every file and the screen: each
 * report's title and description, and the names of its parameters (columns and code values are
 * in report-labels.ts).
 */

export const reportTitles: Record<ReportId, string> = {
  "out-of-family-stock": "Minori fuori famiglia presenti in struttura",
  admissions: "Ammissioni nelle strutture residenziali",
  discharges: "Dimissioni dalle strutture residenziali",
  "ministry-survey": "Rilevazione Ministero / Regioni sui servizi residenziali per minori",
  "istat-presidi": "Rilevazione ISTAT sui presidi residenziali: strutture per minori",
  occupancy: "Posti e presenze nelle strutture per minori",
  trend: "Andamento mensile dei minori presenti in struttura",
  "procura-list":
    "Elenco semestrale dei minori accolti per la Procura della Repubblica presso il Tribunale per i minorenni",
  timeliness: "Tempestività delle registrazioni",
};

export const reportDescriptions: Record<ReportId, string> = {
  "out-of-family-stock":
    "Minori presenti nel giorno indicato per classe di età e sesso, cittadinanza, tipologia nazionale della struttura, base giuridica, durata dell'accoglienza, provenienza, provincia e zona della struttura.",
  admissions:
    "Accoglienze iniziate nell'anno per provenienza, classe di età all'ammissione, sesso, cittadinanza, base giuridica e modalità (programmata o in emergenza).",
  discharges: "Accoglienze concluse nell'anno per destinazione, motivo, durata, classe di età e sesso.",
  "ministry-survey":
    "Il formato della rilevazione del Ministero e delle Regioni: presenti al 31/12 e dimissioni dell'anno per destinazione.",
  "istat-presidi":
    "Una riga per struttura: posti autorizzati, presenti al 31/12 per sesso e cittadinanza, entrate e uscite dell'anno.",
  occupancy: "Per struttura, per zona e per l'intera Regione: posti autorizzati, presenti e posti liberi.",
  trend: "Minori presenti alla fine di ogni mese, per gruppo di cittadinanza.",
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
