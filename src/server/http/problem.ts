import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AppError,
  type AppErrorCode,
  appErrorCodes,
  type FieldProblem,
} from "../../domain/errors/app-error.ts";
import { italianIssueMessage } from "../../domain/errors/field-problems.ts";
import { frameworkErrorOf } from "./framework-errors.ts";
import { safeErrorSummary } from "./safe-error.ts";

/** RFC 9457 problem details, with the stable code and the field problems of S.I.R.MI. */
export const problemSchema = z
  .object({
    type: z.string().describe("URI che identifica il tipo di problema"),
    title: z.string(),
    status: z.number().int().min(100).max(599),
    detail: z.string().describe("Spiegazione in italiano"),
    instance: z.string().optional(),
    code: z.string().describe("Codice stabile, in kebab-case"),
    requestId: z.string().optional(),
    problems: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe("Problemi campo per campo"),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;

const httpStatusOfCode: Record<AppErrorCode, number> = {
  "invalid-request": 400,
  "invalid-character": 422,
  "validation-failed": 422,
  "not-found": 404,
  "not-authenticated": 401,
  "invalid-credentials": 401,
  forbidden: 403,
  "csrf-token-invalid": 403,
  conflict: 409,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "uri-too-long": 414,
  "headers-too-large": 431,
  "request-timeout": 408,
  "rate-limited": 429,
  "unknown-comune": 422,
  "unknown-code": 422,
  "operator-fiscal-code-conflict": 409,
  "structure-not-pending": 409,
  "change-not-pending": 409,
  "reason-required": 422,
  "username-taken": 409,
  "unknown-organisation": 422,
  "role-not-allowed-for-organisation": 422,
  "fiscal-code-invalid": 422,
  "fiscal-code-mismatch": 422,
  "identity-incomplete": 422,
  "date-in-future": 422,
  "review-not-pending": 409,
  "placement-request-closed": 409,
  "placement-no-room": 409,
  "case-not-open": 409,
  "placement-case-closed": 409,
  "merge-not-undoable": 409,
  "merge-open-cases-conflict": 409,
  internal: 500,
  "invalid-client-token": 401,
  "token-claims-invalid": 401,
  "token-expired": 401,
  "token-replayed": 401,
  "integrity-invalid": 401,
  "authentication-level-insufficient": 403,
  "login-step-required": 403,
  "second-factor-invalid": 401,
  "password-too-weak": 422,
  "grant-not-allowed": 403,
  "procura-semester-closed": 403,
};

const titles: Record<number, string> = {
  400: "Richiesta non valida",
  401: "Non autenticato",
  403: "Non consentito",
  404: "Non trovato",
  405: "Metodo non consentito",
  406: "Formato non disponibile",
  408: "Richiesta scaduta",
  409: "Conflitto",
  413: "Richiesta troppo grande",
  414: "Indirizzo troppo lungo",
  415: "Tipo di contenuto non supportato",
  422: "Dati non validi",
  429: "Troppe richieste",
  431: "Intestazioni troppo grandi",
  500: "Errore interno",
  503: "Servizio non disponibile",
};

export function problemOf(
  code: AppErrorCode,
  detail: string,
  requestId: string,
  problems: FieldProblem[] = [],
): Problem {
  const status = httpStatusOfCode[code];
  return {
    type: `https://sirmi.regione.example/problemi/${code}`,
    title: titles[status] ?? "Errore",
    status,
    detail,
    code,
    requestId,
    ...(problems.length > 0 ? { problems } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.code === "internal") request.log.error({ error: safeErrorSummary(error) }, "internal error");
      return sendProblem(reply, problemOf(error.code, error.detail, request.id, error.problems));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => {
        const issue = { ...v.params, code: v.keyword, message: v.message } as unknown as z.core.$ZodIssue;
        return {
          path: `/${error.validationContext ?? "body"}${v.instancePath === "/" ? "" : v.instancePath}`,
          code:
            issue.code === "custom" ? "invalid-value" : `invalid-${String(issue.code).replaceAll("_", "-")}`,
          message: italianIssueMessage(issue),
        };
      });
      return sendProblem(
        reply,
        problemOf("validation-failed", appErrorCodes["validation-failed"], request.id, problems),
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: { message: error.message, method: error.method, url: error.url } },
        "response does not match its schema",
      );
      return sendProblem(reply, problemOf("internal", appErrorCodes.internal, request.id));
    }
    // Fastify's and the plugins' own errors: a stable code, never their message (it echoes input).
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const { code, detail } = frameworkErrorOf(error);
      return sendProblem(reply, problemOf(code, detail, request.id));
    }
    request.log.error({ error: safeErrorSummary(error) }, "unhandled error");
    return sendProblem(reply, problemOf("internal", appErrorCodes.internal, request.id));
  });
}
