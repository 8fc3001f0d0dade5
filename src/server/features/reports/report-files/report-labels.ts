import {
  admissionKinds,
  admissionOrigins,
  type CodeList,
  dischargeDestinations,
  dischargeReasons,
  legalBases,
  nationalStructureTypes,
  sexes,
} from "../../../../domain/code-lists/index.ts";
import type { ReportId, ReportParameters } from "../../../../domain/reports/report.ts";
import {
  ageClasses,
  citizenshipGroups,
  lengthOfStayClasses,
  provenances,
} from "../../../../domain/reports/report-classes.ts";

/**
 * Italian words of the report files: titles of the catalogue, names of dimensions, measures and
 * parameters, and the labels of code values. The JSON answer keeps the codes; files show these.
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

const dimensionLabels: Record<string, string> = {
  ageClass: "Classe di età",
  ageClassAtAdmission: "Classe di età all'ammissione",
  sex: "Sesso",
  citizenshipGroup: "Cittadinanza",
  citizenship: "Cittadinanza",
  nationalType: "Tipologia nazionale della struttura",
  legalBasis: "Base giuridica",
  lengthOfStay: "Durata dell'accoglienza",
  provenance: "Provenienza",
  province: "Provincia",
  zone: "Zona distretto",
  zoneCode: "Zona distretto (codice)",
  zoneName: "Zona distretto",
  origin: "Provenienza all'ammissione",
  kind: "Modalità di ammissione",
  admissionKind: "Modalità di ammissione",
  destination: "Destinazione",
  reason: "Motivo della dimissione",
  structure: "Struttura (codice)",
  structureCode: "Struttura (codice)",
  structureName: "Struttura",
  name: "Denominazione",
  comune: "Comune",
  month: "Mese",
  day: "Giorno",
  area: "Ambito",
  pseudonym: "Pseudonimo",
  fiscalCode: "Codice fiscale",
  familyName: "Cognome",
  givenName: "Nome",
  birthDate: "Data di nascita",
  birthPlace: "Luogo di nascita",
  admissionDate: "Data di ammissione",
  dischargeDate: "Data di dimissione",
  stayRef: "Riferimento dell'accoglienza",
  msna: "Minore straniero non accompagnato",
  eventType: "Tipo di evento",
  issue: "Problema dei dati",
  severalStays: "Più accoglienze presenti",
  structureVersionMissing: "Struttura senza versione ASSO alla data",
};

const measureLabels: Record<string, string> = {
  count: "Numero",
  minors: "Minori",
  present: "Presenti",
  authorisedPlaces: "Posti autorizzati",
  emergencyExtraPlaces: "Posti aggiuntivi in emergenza",
  free: "Posti liberi",
  freePlaces: "Posti liberi",
  structures: "Strutture",
  entries: "Entrate nell'anno",
  exits: "Uscite nell'anno",
  admissions: "Ammissioni",
  discharges: "Dimissioni",
  presentItalianM: "Presenti al 31/12 italiani maschi",
  presentItalianF: "Presenti al 31/12 italiane femmine",
  presentForeignM: "Presenti al 31/12 stranieri maschi",
  presentForeignF: "Presenti al 31/12 straniere femmine",
  presentCitizenshipUnknown: "Presenti al 31/12 con cittadinanza non nota",
  presentYoungAdults: "Presenti al 31/12 di 18-21 anni",
  msnaShare: "Quota di MSNA",
  share: "Quota",
  events: "Eventi",
  medianDays: "Giorni (mediana)",
  p90Days: "Giorni (90° percentile)",
  percentile90Days: "Giorni (90° percentile)",
  shareOver7Days: "Quota oltre 7 giorni",
  over7Days: "Oltre 7 giorni",
  occupancyRate: "Tasso di occupazione",
};

const valueLabels: Record<string, CodeList> = {
  ageClass: ageClasses,
  ageClassAtAdmission: ageClasses,
  sex: [...sexes, { code: "unknown", label: "Non noto" }],
  citizenshipGroup: citizenshipGroups,
  nationalType: nationalStructureTypes,
  legalBasis: legalBases,
  lengthOfStay: lengthOfStayClasses,
  provenance: provenances,
  origin: admissionOrigins,
  kind: admissionKinds,
  admissionKind: admissionKinds,
  destination: dischargeDestinations,
  reason: dischargeReasons,
  area: [{ code: "region", label: "Intera Regione" }],
  issue: [
    { code: "several-present-stays", label: "Minori con più accoglienze presenti" },
    { code: "structure-version-missing", label: "Struttura senza versione ASSO alla data" },
    { code: "age-unknown", label: "Età non nota" },
  ],
};

const genericValueLabels: Record<string, string> = {
  unknown: "Non noto",
  yes: "Sì",
  no: "No",
  other: "Altro",
  none: "Nessuno",
  region: "Intera Regione",
};

export function labelOfDimension(dimension: string): string {
  return dimensionLabels[dimension] ?? measureLabels[dimension] ?? humanise(dimension);
}

export function labelOfMeasure(measure: string): string {
  return measureLabels[measure] ?? dimensionLabels[measure] ?? humanise(measure);
}

/** The Italian label of a dimension's value; values without a list (codes, names) stay as they are. */
export function labelOfValue(dimension: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "Non indicato";
  if (typeof value === "number") return String(value);
  const list = valueLabels[dimension];
  const listed = list?.find((entry) => entry.code === value)?.label;
  if (listed) return listed;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return italianDate(value);
  if (dimension === "month" && /^\d{4}-\d{2}$/.test(value)) return italianMonth(value);
  return genericValueLabels[value] ?? value;
}

export function labelOfParameter(name: keyof ReportParameters, value: string | number): string {
  if (typeof value === "number") return String(value);
  if (name === "semester") {
    const match = /^(\d{4})-([12])$/.exec(value);
    if (match) return `${match[2]}° semestre ${match[1]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return italianDate(value);
  return value;
}

const months = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

function italianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function italianMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split("-");
  return `${months[Number(month) - 1] ?? month} ${year}`;
}

/** camelCase or kebab-case to a readable phrase, for a column nobody has named yet. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("-", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
