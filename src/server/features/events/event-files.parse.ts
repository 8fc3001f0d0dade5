import { AppError } from "../../../domain/errors/app-error.ts";
import { type EventProblem, eventProblem } from "../../../domain/stays/parse-stay-event.ts";
import { findTextProblem, textProblemMessage } from "../../http/storable-text.ts";
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
export const caseEventFileMediaTypes = eventFileMediaTypes.filter((type) => mediaTypes[type] === "jsonl");

/**
 * The format named by a Content-Type header; only UTF-8 is accepted as charset. Case events are
 * nested objects (lists, identities, carers): their files are JSON Lines only.
 */
export function formatOf(contentType: string | undefined, kind: "stay" | "case" = "stay"): EventFileFormat {
  const [type, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const format = mediaTypes[type];
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice(8);
  if (!format || (charset !== undefined && charset.replaceAll('"', "") !== "utf-8"))
    throw new AppError(
      "unsupported-media-type",
      kind === "case"
        ? "Un file di eventi delle cartelle è application/x-ndjson o application/jsonl (un evento JSON per riga), in UTF-8."
        : "Un file di eventi è application/x-ndjson, application/jsonl oppure text/csv, in UTF-8.",
    );
  if (kind === "case" && format === "csv")
    throw new AppError(
      "unsupported-media-type",
      "Un file di eventi delle cartelle è in JSON Lines (application/x-ndjson o application/jsonl): " +
        "gli eventi delle cartelle sono oggetti annidati e non hanno un tracciato CSV.",
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

/**
 * A line that could never be stored (U+0000, a lone surrogate) or is nested deeper than any event
 * is rejected on its own, judged without recursion whatever its depth.
 */
function unstorableProblem(event: unknown): EventProblem | undefined {
  const problem = findTextProblem(event);
  return problem && eventProblem("invalid-json-shape", problem.pointer, textProblemMessage(problem));
}

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
    lines.push({ line, id: idOf(event), event });
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
  return lines.map((line) => {
    const id = line.id !== undefined && findTextProblem(line.id) === undefined ? line.id : undefined;
    const problem = line.event === undefined ? undefined : unstorableProblem(line.event);
    if (problem) return { line: line.line, id, problem };
    return { ...line, id };
  });
}
