import { type CodeList, labelOf } from "../code-lists/code-list.ts";
import {
  admissionKinds,
  admissionOrigins,
  dischargeDestinations,
  dischargeReasons,
  legalBases,
  sexes,
} from "../code-lists/interchange-codes.ts";
import { sinbaEsitoAffido } from "../code-lists/sinba-codes.ts";
import { nationalStructureTypes, structureStatuses } from "../code-lists/structure-codes.ts";
import {
  ageClasses,
  citizenshipGroups,
  fosterForms,
  fosterKinds,
  lengthOfStayClasses,
  outOfFamilySettings,
  provenances,
} from "./report-classes.ts";

/**
 * The Italian words of every report, one wording for the screen and for every file: the names of
 * dimensions, measures and descriptive columns, and the labels of code values. The JSON answer
 * keeps the codes; people read these.
 */

const columnLabels: Record<string, string> = {
  ageClass: "Classe di età",
  ageClassAtAdmission: "Classe di età all'ammissione",
  sex: "Sesso",
  citizenshipGroup: "Cittadinanza",
  citizenship: "Cittadinanza",
  italianForeign: "Italiani / stranieri",
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
  structureStatus: "Stato della struttura",
  name: "Denominazione",
  comune: "Comune",
  month: "Mese",
  monthEnd: "Fine mese",
  year: "Anno",
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
  referringService: "Servizio inviante",
  stayRef: "Riferimento dell'accoglienza",
  msna: "Minore straniero non accompagnato",
  eventType: "Tipo di evento",
  issue: "Problema dei dati",
  severalStays: "Più accoglienze presenti",
  bothSettings: "In struttura e in affidamento nello stesso giorno",
  setting: "Collocamento",
  fosterKind: "Tipo di affido",
  fosterForm: "Forma dell'affido",
  fosterOutcome: "Esito dell'affido",
  structureVersionMissing: "Struttura senza versione ASSO alla data",
  count: "Numero",
  minors: "Minori",
  present: "Presenti",
  occupied: "Posti occupati",
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
  events: "Eventi registrati",
  median: "Giorni (mediana)",
  medianDays: "Giorni (mediana)",
  p90: "Giorni (90° percentile)",
  p90Days: "Giorni (90° percentile)",
  percentile90Days: "Giorni (90° percentile)",
  shareOver7Days: "Quota oltre 7 giorni",
  over7Days: "Oltre 7 giorni",
  occupancyRate: "Tasso di occupazione",
};

const valueLists: Record<string, CodeList> = {
  ageClass: ageClasses,
  ageClassAtAdmission: ageClasses,
  sex: [...sexes, { code: "unknown", label: "Non noto" }],
  citizenshipGroup: citizenshipGroups,
  italianForeign: [
    { code: "italian", label: "Italiani" },
    { code: "foreign", label: "Stranieri" },
  ],
  nationalType: nationalStructureTypes,
  structureStatus: structureStatuses,
  legalBasis: legalBases,
  lengthOfStay: lengthOfStayClasses,
  provenance: provenances,
  setting: outOfFamilySettings,
  fosterKind: fosterKinds,
  fosterForm: fosterForms,
  fosterOutcome: [...sinbaEsitoAffido, { code: "unknown", label: "Esito non indicato" }],
  origin: admissionOrigins,
  kind: admissionKinds,
  admissionKind: admissionKinds,
  destination: dischargeDestinations,
  reason: dischargeReasons,
  area: [{ code: "region", label: "Intera Regione" }],
  issue: [
    { code: "several-present-stays", label: "Minori con più accoglienze presenti" },
    { code: "structure-version-missing", label: "Struttura senza versione ASSO alla data" },
    { code: "in-both-settings", label: "Minori in struttura e in affidamento nello stesso giorno" },
    { code: "age-unknown", label: "Età non nota" },
  ],
};

/** Values every dimension may take besides its own list. */
const commonValues: Record<string, string> = {
  unknown: "Non noto",
  total: "Totale",
  yes: "Sì",
  no: "No",
  other: "Altro",
  none: "Nessuno",
  region: "Intera Regione",
};

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

/** Whether a column of a report has an Italian name (a test checks that every column does). */
export function hasReportColumnLabel(name: string): boolean {
  return name in columnLabels;
}

/** The Italian name of a dimension, measure or descriptive column. */
export function reportColumnLabel(name: string): string {
  return columnLabels[name] ?? humanise(name);
}

/** Dimensions whose values are months. */
export function isMonthDimension(dimension: string): boolean {
  return dimension === "month" || dimension === "monthEnd";
}

/** The code lists whose codes a person may meet in a report (for the test of untranslated codes). */
export function reportValueLists(): CodeList[] {
  return Object.values(valueLists);
}

/**
 * The Italian label of a dimension's value: from the dimension's code list, a zone's name (zones
 * are defined by each Region: their names are passed in), a date or a month in Italian; other
 * values (structure codes and names, pseudonyms) are shown as they are.
 */
export function reportValueLabel(
  dimension: string,
  value: string | number | null | undefined,
  zoneNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === "") return "Non indicato";
  if (typeof value === "number") return String(value);
  if ((dimension === "zone" || dimension === "zoneCode") && zoneNames.has(value))
    return zoneNames.get(value) as string;
  const list = valueLists[dimension];
  const listed = list ? labelOf(list, value) : undefined;
  if (listed) return listed;
  if (isMonthDimension(dimension) && /^\d{4}-\d{2}/.test(value)) return italianMonth(value.slice(0, 7));
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return italianDate(value);
  return commonValues[value] ?? value;
}

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
