import { AppError } from "../../../domain/errors/app-error.ts";
import { eventProblem } from "../../../domain/stays/parse-stay-event.ts";
import { readCsvLines } from "./event-files.csv.ts";
import type { ReadLine } from "./event-files.line.ts";

export type { ReadLine } from "./event-files.line.ts";

export type EventFileFormat = "jsonl" | "csv";

const mediaTypes: Record<string, EventFileFormat> = {
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "text/csv": "csv",
};
export const eventFileMediaTypes = Object.keys(mediaTypes);

/** The format named by a Content-Type header; only UTF-8 is accepted as charset. */
export function formatOf(contentType: string | undefined): EventFileFormat {
  const [type, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const format = mediaTypes[type];
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice(8);
  if (!format || (charset !== undefined && charset.replaceAll('"', "") !== "utf-8"))
    throw new AppError(
      "unsupported-media-type",
      "Un file di eventi è application/x-ndjson, application/jsonl oppure text/csv, in UTF-8.",
    );
  return format;
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("invalid-request", "Il file non è codificato in UTF-8.");
  }
}

function idOf(value: unknown): string | undefined {
  const id = value && typeof value === "object" ? (value as { id?: unknown }).id : undefined;
  return typeof id === "string" && id.length <= 64 ? id : undefined;
}

/** PostgreSQL text cannot hold U+0000: such an event could never be stored. */
const hasNul = (text: string) => text.includes("\u0000") || text.includes("\\u0000");

function readJsonLines(text: string): ReadLine[] {
  const lines: ReadLine[] = [];
  text.split("\n").forEach((content, index) => {
    const trimmed = content.trim();
    if (trimmed === "") return;
    const line = index + 1;
    let event: unknown;
    try {
      event = JSON.parse(trimmed);
    } catch {
      lines.push({ line, problem: eventProblem("invalid-json-shape", "", "La riga non è JSON valido.") });
      return;
    }
    if (hasNul(trimmed))
      lines.push({
        line,
        id: idOf(event),
        problem: eventProblem("invalid-json-shape", "", "Carattere nullo."),
      });
    else lines.push({ line, id: idOf(event), event });
  });
  return lines;
}

/**
 * Turns the bytes of a file into its lines. A file that is not UTF-8, is empty or whose CSV header
 * is unusable is refused as a whole; a single unreadable line is rejected on its own.
 */
export function readEventFile(bytes: Buffer, format: EventFileFormat): ReadLine[] {
  if (bytes.length === 0) throw new AppError("invalid-request", "Il file è vuoto.");
  const text = decodeUtf8(bytes);
  const lines = format === "csv" ? readCsvLines(text) : readJsonLines(text);
  if (lines.length === 0) throw new AppError("invalid-request", "Il file non contiene alcun evento.");
  return lines.map((line) =>
    line.event !== undefined && hasNul(JSON.stringify(line.event))
      ? { line: line.line, id: line.id, problem: eventProblem("invalid-json-shape", "", "Carattere nullo.") }
      : line,
  );
}
