import { type AppErrorCode, appErrorCodes } from "../../domain/errors/app-error.ts";

/**
 * Errors raised by Fastify itself, by its code: each becomes a problem with a stable code and an
 * Italian detail. Fastify's own messages are never passed on: they echo the path or the input.
 */
const frameworkProblems: Record<string, { code: AppErrorCode; detail: string }> = {
  FST_ERR_BAD_URL: {
    code: "invalid-request",
    detail: "L'indirizzo della richiesta non è valido: contiene una codifica percentuale (%) errata.",
  },
  FST_ERR_INVALID_URL: { code: "invalid-request", detail: "L'indirizzo della richiesta non è valido." },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: "uri-too-long",
    detail: "Un elemento del percorso della richiesta supera la lunghezza massima consentita.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported-media-type",
    detail: "Il tipo di contenuto della richiesta non è supportato: inviare application/json in UTF-8.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload-too-large", detail: appErrorCodes["payload-too-large"] },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "invalid-request",
    detail: "La lunghezza del corpo non corrisponde all'intestazione Content-Length.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid-request", detail: "Il corpo della richiesta è vuoto." },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "invalid-request",
    detail: "Il corpo della richiesta non è JSON valido.",
  },
  FST_ERR_NOT_FOUND: { code: "not-found", detail: "Il percorso richiesto non esiste." },
  FST_ERR_VALIDATION: { code: "validation-failed", detail: appErrorCodes["validation-failed"] },
};

/** Any other client error, by its HTTP status; a status with no code of its own is a 400. */
const codeOfStatus: Record<number, AppErrorCode> = {
  400: "invalid-request",
  401: "not-authenticated",
  403: "forbidden",
  404: "not-found",
  408: "request-timeout",
  409: "conflict",
  413: "payload-too-large",
  414: "uri-too-long",
  415: "unsupported-media-type",
  422: "validation-failed",
  429: "rate-limited",
  431: "headers-too-large",
};

/** The stable code and Italian detail of an error raised by Fastify or a plugin, not by S.I.R.MI. */
export function frameworkErrorOf(error: { code?: unknown; statusCode?: number }): {
  code: AppErrorCode;
  detail: string;
} {
  const known = typeof error.code === "string" ? frameworkProblems[error.code] : undefined;
  if (known) return known;
  if (error instanceof SyntaxError && error.statusCode === 400)
    return frameworkProblems.FST_ERR_CTP_INVALID_JSON_BODY;
  const status = error.statusCode ?? 500;
  const code = codeOfStatus[status] ?? (status >= 400 && status < 500 ? "invalid-request" : "internal");
  return { code, detail: appErrorCodes[code] };
}
