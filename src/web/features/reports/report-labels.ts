import { type CodeList, labelOf } from "../../../domain/code-lists/code-list.ts";
import {
  admissionKinds,
  admissionOrigins,
  dischargeDestinations,
  dischargeReasons,
  legalBases,
} from "../../../domain/code-lists/interchange-codes.ts";
import { nationalStructureTypes } from "../../../domain/code-lists/structure-codes.ts";
import {
  ageClasses,
  citizenshipGroups,
  lengthOfStayClasses,
  provenances,
} from "../../../domain/reports/report-classes.ts";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { formatYearMonth } from "../registry/identity-labels.ts";

/** Column headings of report tables, by dimension or measure name. */
const columnLabels: Record<string, string> = {
  ageClass: "Classe d'età",
  ageClassAtAdmission: "Classe d'età all'ingresso",
  sex: "Sesso",
  citizenshipGroup: "Cittadinanza",
  citizenship: "Cittadinanza",
  italianForeign: "Italiani / stranieri",
  nationalType: "Tipologia nazionale",
  legalBasis: "Base giuridica",
  lengthOfStay: "Durata dell'accoglienza",
  provenance: "Provenienza territoriale",
  province: "Provincia",
  zone: "Zona distretto",
  origin: "Provenienza all'ingresso",
  destination: "Destinazione all'uscita",
  reason: "Motivo dell'uscita",
  kind: "Tipo di ingresso",
  admissionKind: "Tipo di ingresso",
  month: "Mese",
  monthEnd: "Fine mese",
  year: "Anno",
  structure: "Struttura (codice)",
  structureCode: "Struttura (codice)",
  structureName: "Denominazione",
  zoneCode: "Zona distretto (codice)",
  zoneName: "Zona distretto",
  name: "Denominazione",
  comune: "Comune",
  area: "Ambito",
  day: "Giorno",
  msna: "MSNA",
  count: "Minori",
  minors: "Minori",
  freePlaces: "Posti liberi",
  emergencyExtraPlaces: "Posti aggiuntivi in emergenza",
  msnaShare: "Quota di MSNA",
  share: "Quota",
  occupancyRate: "Tasso di occupazione",
  percentile90Days: "90° percentile (giorni)",
  over7Days: "Oltre 7 giorni",
  authorisedPlaces: "Posti autorizzati",
  present: "Presenti",
  free: "Posti liberi",
  occupied: "Posti occupati",
  structures: "Strutture",
  entries: "Entrate",
  exits: "Uscite",
  admissions: "Entrate",
  discharges: "Uscite",
  presentMaleItalian: "Presenti maschi italiani",
  presentMaleForeign: "Presenti maschi stranieri",
  presentFemaleItalian: "Presenti femmine italiane",
  presentFemaleForeign: "Presenti femmine straniere",
  median: "Mediana (giorni)",
  medianDays: "Mediana (giorni)",
  p90: "90° percentile (giorni)",
  p90Days: "90° percentile (giorni)",
  shareOver7Days: "Quota oltre 7 giorni",
  events: "Fatti registrati",
  pseudonym: "Pseudonimo",
};

const sexLabels: CodeList = [
  { code: "M", label: "Maschi" },
  { code: "F", label: "Femmine" },
];

const italianForeign: CodeList = [
  { code: "italian", label: "Italiani" },
  { code: "foreign", label: "Stranieri" },
];

/** The code list that names the values of each dimension. */
const valueLists: Record<string, CodeList> = {
  ageClass: ageClasses,
  ageClassAtAdmission: ageClasses,
  sex: sexLabels,
  citizenshipGroup: citizenshipGroups,
  italianForeign,
  nationalType: nationalStructureTypes,
  legalBasis: legalBases,
  lengthOfStay: lengthOfStayClasses,
  provenance: provenances,
  origin: admissionOrigins,
  destination: dischargeDestinations,
  reason: dischargeReasons,
  kind: admissionKinds,
  admissionKind: admissionKinds,
};

const commonValues: Record<string, string> = {
  unknown: "Non noto",
  total: "Totale",
  other: "Altro",
  none: "Nessuno",
  region: "Intera Regione",
};

/** Dimensions whose values are months: the chart is a line. */
export function isMonthDimension(dimension: string): boolean {
  return dimension === "month" || dimension === "monthEnd";
}

/** "ageClass" → "Age class" when no label is known: better than a bare identifier. */
function humanised(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function columnLabel(name: string): string {
  return columnLabels[name] ?? humanised(name);
}

export type ValueLabeller = (dimension: string, value: string | number | null) => string;

/**
 * The Italian label of a dimension value. Zones come from the reference API, so their names are
 * passed in; anything unknown is shown as it is.
 */
export function valueLabellerOf(zoneNames: Map<string, string> = new Map()): ValueLabeller {
  return (dimension, value) => {
    if (value === null || value === undefined) return "—";
    const text = String(value);
    if (dimension === "zone" && zoneNames.has(text)) return zoneNames.get(text) as string;
    if (isMonthDimension(dimension)) return formatYearMonth(text.slice(0, 7));
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatItalianDate(text);
    const list = valueLists[dimension];
    const label = list ? labelOf(list, text) : undefined;
    return label ?? commonValues[text] ?? text;
  };
}

const integer = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("it-IT", { style: "percent", maximumFractionDigits: 1 });

/** A measure as Italian readers expect it: thousands separated, shares as percentages. */
export function formatMeasure(measure: string, value: number): string {
  if (/share|ratio|rate/i.test(measure))
    return value <= 1 ? percent.format(value) : `${decimal.format(value)} %`;
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}
