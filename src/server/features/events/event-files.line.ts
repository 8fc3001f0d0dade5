import type { EventProblem } from "../../../domain/stays/parse-stay-event.ts";

/** One line of a file: the event to ingest, or the reason it is not one. */
export type ReadLine =
  | { line: number; id?: string; event: unknown; problem?: undefined }
  | { line: number; id?: string; event?: undefined; problem: EventProblem };
