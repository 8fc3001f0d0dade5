import type { EventOutcome } from "../../domain/events/events-api.schema.ts";
import type { EventProblem } from "../../domain/stays/parse-stay-event.ts";
import {
  type BackoffPolicy,
  backoffDelay,
  defaultBackoff,
  isRetryableStatus,
  networkErrorCode,
  retryAfterMs,
} from "./backoff.ts";
import { batchesOf, type NumberedEvent, parseJsonLines, type UnreadableLine } from "./lines.ts";
import { requestHeaders, type SigningKey } from "./token.ts";

/** Most events the server accepts in one request (interchange standard v1). */
export const maxBatchSize = 1000;
export const defaultAttempts = 8;

/** One problem of a rejected event (`previously` when rejected by an earlier send), with its line. */
export type Rejection = { line: number; id: string; previously: boolean } & EventProblem;

export type SendSummary = {
  accepted: number;
  duplicate: number;
  rejected: number;
  rejections: Rejection[];
  unreadable: UnreadableLine[];
};

export type SendOptions = {
  url: string;
  clientId: string;
  signing: SigningKey;
  batchSize?: number;
  integrity?: boolean;
  attempts?: number;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  onProgress?: (sent: number, total: number) => void;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  sleep?: (ms: number) => Promise<void>;
};

/** A failure that ends the whole send; the events confirmed so far are in `summary`. */
export class SendEventsError extends Error {
  constructor(
    message: string,
    readonly summary?: SendSummary,
  ) {
    super(message);
    this.name = "SendEventsError";
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function problemOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const problem = JSON.parse(text) as { detail?: unknown; title?: unknown; code?: unknown };
    const detail = typeof problem.detail === "string" ? problem.detail : problem.title;
    const code = typeof problem.code === "string" ? ` [${problem.code}]` : "";
    if (typeof detail === "string" || code) return `${detail ?? ""}${code}`.trim();
  } catch {}
  return text.slice(0, 200) || response.statusText;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function isResults(body: unknown, count: number): body is { results: EventOutcome[] } {
  const results = (body as { results?: unknown } | null)?.results;
  return Array.isArray(results) && results.length === count;
}

/** One request, retried on 429, 502, 503, 504 and network errors: re-sending is safe (idempotent ids). */
export async function postBatch(events: unknown[], options: SendOptions): Promise<EventOutcome[]> {
  const attempts = options.attempts ?? defaultAttempts;
  const sleep = options.sleep ?? wait;
  const body = JSON.stringify({ events });
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    let serverDelay: number | undefined;
    try {
      const headers = await requestHeaders(options.signing, {
        clientId: options.clientId,
        audience: options.url,
        body,
        integrity: options.integrity ?? false,
      });
      const response = await fetch(options.url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 120_000),
      });
      if (response.ok) {
        const parsed: unknown = await response.json().catch(() => undefined);
        if (!isResults(parsed, events.length))
          throw new SendEventsError("Risposta del server non valida: manca un risultato per ogni evento.");
        return parsed.results;
      }
      if (!isRetryableStatus(response.status))
        throw new SendEventsError(
          `Il server ha rifiutato la richiesta (HTTP ${response.status}): ${await problemOf(response)}`,
        );
      serverDelay = response.status === 429 ? retryAfterMs(response.headers.get("retry-after")) : undefined;
      reason = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => {});
    } catch (error) {
      if (error instanceof SendEventsError) throw error;
      const code = networkErrorCode(error);
      if (!code) throw new SendEventsError(`Richiesta a ${options.url} non riuscita: ${causeOf(error)}`);
      reason = code;
    }
    if (attempt >= attempts)
      throw new SendEventsError(`Invio non riuscito dopo ${attempts} tentativi (ultimo errore: ${reason}).`);
    const delayMs = serverDelay ?? backoffDelay(attempt, options.backoff ?? defaultBackoff);
    options.onRetry?.({ attempt, delayMs, reason });
    await sleep(delayMs);
  }
}

/** Sends numbered events in batches and gathers the outcome of each one. */
export async function sendNumberedEvents(
  numbered: NumberedEvent[],
  options: SendOptions,
  unreadable: UnreadableLine[] = [],
): Promise<SendSummary> {
  const size = options.batchSize ?? 500;
  if (!Number.isInteger(size) || size < 1 || size > maxBatchSize)
    throw new SendEventsError(`La dimensione del lotto deve essere un intero tra 1 e ${maxBatchSize}.`);
  const summary: SendSummary = { accepted: 0, duplicate: 0, rejected: 0, rejections: [], unreadable };
  let sent = 0;
  options.onProgress?.(0, numbered.length);
  for (const batch of batchesOf(numbered, size)) {
    let results: EventOutcome[];
    try {
      results = await postBatch(
        batch.map((item) => item.event),
        options,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SendEventsError(message, summary);
    }
    results.forEach((result, index) => {
      summary[result.status] += 1;
      // A duplicate carries the original outcome: one first rejected is still reported as such.
      const errors = Array.isArray(result.errors) ? result.errors : [];
      if (result.status !== "rejected" && errors.length === 0) return;
      const { line } = batch[index];
      const previously = result.status === "duplicate";
      const problems = errors.length > 0 ? errors : [{ code: "rejected", path: "", message: "" }];
      for (const problem of problems)
        summary.rejections.push({ line, id: result.id, previously, ...problem });
    });
    sent += batch.length;
    options.onProgress?.(sent, numbered.length);
  }
  return summary;
}

/** Reads a JSON Lines text and sends its events; unreadable lines are reported, not sent. */
export async function sendEventsText(text: string, options: SendOptions): Promise<SendSummary> {
  const { events, unreadable } = parseJsonLines(text);
  return sendNumberedEvents(events, options, unreadable);
}
