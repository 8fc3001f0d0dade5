import { parse } from "csv-parse/sync";
import { AppError } from "../../../domain/errors/app-error.ts";
import { type EventProblem, eventProblem } from "../../../domain/stays/parse-stay-event.ts";
import type { ReadLine } from "./event-files.line.ts";

/**
 * The flat CSV layout of interchange events: one column per field, named by its path in the JSON
 * event with dots. An empty cell is an absent field; multi-valued fields are separated by `|`.
 */
const textColumns = [
  "id",
  "type",
  "structureCode",
  "stayRef",
  "occurredOn",
  "minor.fiscalCode",
  "minor.familyName",
  "minor.givenName",
  "minor.sex",
  "minor.birthDate",
  "minor.birthPlace.comune",
  "minor.birthPlace.country",
  "minor.citizenship",
  "minor.residenceComune",
  "admission.kind",
  "admission.legalBasis",
  "admission.referringService.code",
  "admission.referringService.comune",
  "admission.origin",
  "discharge.reason",
  "discharge.destination",
  "absence.kind",
  "activity.code",
  "activity.until",
  "corrects",
  "voids",
  "reason",
] as const;
const numberColumns = ["sequence", "activity.hours"] as const;
const booleanColumns = ["minor.unaccompaniedForeignMinor", "admission.withParent"] as const;
/** `7|2`: SINBA codes, the first one prevalent. */
const listColumns = ["admission.reasons"] as const;
/** `stp:STP090201001|eni:ENI123`: kind and value of each identifier. */
const identifierColumns = ["minor.otherIds"] as const;

export const csvColumns: readonly string[] = [
  ...textColumns.slice(0, 5),
  ...numberColumns.slice(0, 1),
  ...textColumns.slice(5, 7),
  ...identifierColumns,
  ...textColumns.slice(7),
  ...booleanColumns,
  ...listColumns,
  ...numberColumns.slice(1),
];

const kindOf = new Map<string, "text" | "number" | "boolean" | "list" | "identifiers">([
  ...textColumns.map((name) => [name, "text"] as const),
  ...numberColumns.map((name) => [name, "number"] as const),
  ...booleanColumns.map((name) => [name, "boolean"] as const),
  ...listColumns.map((name) => [name, "list"] as const),
  ...identifierColumns.map((name) => [name, "identifiers"] as const),
]);

class CellProblem extends Error {
  constructor(readonly problem: EventProblem) {
    super(problem.message);
  }
}

function pointerOf(column: string) {
  return `/${column.replaceAll(".", "/")}`;
}

function cellValueOf(column: string, cell: string): unknown {
  const kind = kindOf.get(column);
  if (kind === "number") {
    const value = Number(cell);
    if (!/^-?\d+(\.\d+)?$/.test(cell.trim()) || !Number.isFinite(value))
      throw new CellProblem(
        eventProblem("invalid-json-shape", pointerOf(column), `La colonna ${column} deve essere un numero.`),
      );
    return value;
  }
  if (kind === "boolean") {
    if (cell === "true") return true;
    if (cell === "false") return false;
    throw new CellProblem(
      eventProblem("invalid-json-shape", pointerOf(column), `La colonna ${column} vale true oppure false.`),
    );
  }
  if (kind === "list") return cell.split("|");
  if (kind === "identifiers")
    return cell.split("|").map((pair) => {
      const colon = pair.indexOf(":");
      if (colon < 1)
        throw new CellProblem(
          eventProblem(
            "invalid-json-shape",
            pointerOf(column),
            `La colonna ${column} elenca coppie tipo:valore separate da |.`,
          ),
        );
      return { kind: pair.slice(0, colon), value: pair.slice(colon + 1) };
    });
  return cell;
}

function eventOf(header: string[], cells: string[]): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  header.forEach((column, index) => {
    const cell = cells[index] ?? "";
    if (cell === "") return;
    const path = column.split(".");
    let target = event;
    for (const key of path.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = cellValueOf(column, cell);
  });
  return event;
}

function checkHeader(header: string[] | undefined): string[] {
  if (!header) throw new AppError("invalid-request", "Il file CSV non contiene la riga di intestazione.");
  const unknown = header.filter((column) => !kindOf.has(column));
  if (unknown.length > 0)
    throw new AppError(
      "invalid-request",
      `Colonne sconosciute nell'intestazione del file CSV: ${unknown.slice(0, 10).join(", ")}.`,
    );
  const repeated = header.filter((column, index) => header.indexOf(column) !== index);
  if (repeated.length > 0)
    throw new AppError("invalid-request", `Colonne ripetute nell'intestazione: ${repeated.join(", ")}.`);
  if (!header.includes("id") || !header.includes("type"))
    throw new AppError("invalid-request", "L'intestazione del file CSV deve contenere le colonne id e type.");
  return header;
}

type CsvRecord = { record: string[]; raw: string; info: { lines: number } };

/**
 * Reads a CSV file: the header names the columns (any order, any subset of the layout); each
 * record becomes an event or, when it cannot, a rejection of its line with `invalid-json-shape`.
 */
export function readCsvLines(text: string): ReadLine[] {
  const lines: ReadLine[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = Number(error?.lines ?? 0);
      if (line > 1)
        lines.push({
          line,
          problem: eventProblem(
            "invalid-json-shape",
            "",
            `Riga CSV non leggibile: ${csvReason(error?.code)}`,
          ),
        });
      return undefined;
    },
  }) as unknown as CsvRecord[];
  const header = checkHeader(records[0]?.record.map((column) => column.trim()));
  if (lines.length > 0 && lines[0].line <= records[0].info.lines)
    throw new AppError("invalid-request", "La riga di intestazione del file CSV non è leggibile.");
  for (const { record, raw, info } of records.slice(1)) {
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    const idIndex = header.indexOf("id");
    const id = record[idIndex] || undefined;
    if (record.length !== header.length) {
      lines.push({ line, id, problem: eventProblem("invalid-json-shape", "", csvReason("length")) });
      continue;
    }
    try {
      lines.push({ line, id, event: eventOf(header, record) });
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      lines.push({ line, id, problem: error.problem });
    }
  }
  return lines.sort((a, b) => a.line - b.line);
}

function csvReason(code: string | undefined): string {
  if (code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || code === "length")
    return "il numero di colonne non corrisponde all'intestazione.";
  if (code === "CSV_QUOTE_NOT_CLOSED") return "virgolette aperte e mai chiuse.";
  return "virgolette o separatori non validi.";
}
