export type BackoffPolicy = { baseDelayMs: number; maxDelayMs: number };

export const defaultBackoff: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** Longest wait accepted from a server's Retry-After. */
export const maxRetryAfterMs = 300_000;

/**
 * Exponential backoff with jitter for the given retry (1 = first retry): half of the
 * exponential step is fixed, the other half random, so that clients do not retry in step.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy = defaultBackoff, random = Math.random) {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as delta-seconds or HTTP-date, in milliseconds; undefined if absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, maxRetryAfterMs);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), maxRetryAfterMs);
}

const retryableStatuses = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

const retryableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** The code of a network failure as fetch reports it (on the error or its cause). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === "TimeoutError" || current.name === "AbortError") return "ETIMEDOUT";
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && retryableCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
