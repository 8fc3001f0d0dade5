import type { ReportId, ReportParameters } from "../../../../domain/reports/report.ts";
import { reportColumnLabel, reportValueLabel } from "../../../../domain/reports/report-labels.ts";

/**
 * Italian words of the report files: titles of the catalogue and names of parameters; the names
 * of columns and the labels of code values are the domain's (`domain/reports/report-labels.ts`),
 * the same on screen.
 */

export const reportTitles: Record<ReportId, string> = {
  "out-of-family-stock": "Minori fuori famiglia presenti in struttura",
  admissions: "Ammissioni nelle strutture residenziali",
  discharges: "Dimissioni dalle strutture residenziali",
  "ministry-survey": "Rilevazione Ministero / Regioni sui servizi residenziali per minori",
  "istat-presidi": "Rilevazione ISTAT sui presidi residenziali: strutture per minori",
  occupancy: "Posti e presenze nelle strutture per minori",
  trend: "Andamento mensile delle presenze",
  "procura-list": "Elenco semestrale dei minori accolti per la Procura minorile",
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

/** Zone names by code: zones are the Region's own, so files read their names from the database. */
export type FileLabels = { zoneNames: ReadonlyMap<string, string> };

export const noFileLabels: FileLabels = { zoneNames: new Map() };

export function labelOfDimension(dimension: string): string {
  return reportColumnLabel(dimension);
}

export function labelOfMeasure(measure: string): string {
  return reportColumnLabel(measure);
}

/** The Italian label of a dimension's value; values without a list (codes, names) stay as they are. */
export function labelOfValue(
  dimension: string,
  value: string | number | null | undefined,
  labels: FileLabels = noFileLabels,
): string {
  return reportValueLabel(dimension, value, labels.zoneNames);
}

export function labelOfParameter(
  name: keyof ReportParameters,
  value: string | number,
  labels: FileLabels = noFileLabels,
): string {
  if (typeof value === "number") return String(value);
  if (name === "zone") return labels.zoneNames.get(value) ?? value;
  if (name === "semester") {
    const match = /^(\d{4})-([12])$/.exec(value);
    if (match) return `${match[2]}° semestre ${match[1]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return italianDate(value);
  return value;
}

function italianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
