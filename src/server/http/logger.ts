import type { FastifyReply, FastifyRequest } from "fastify";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Personal data never reaches the logs: request bodies are not logged, query strings are reduced
 * to their parameter names, and any field that could carry identity is censored wherever it is.
 */
export const identityFieldNames = [
  "fiscalCode",
  "familyName",
  "givenName",
  "firstName",
  "lastName",
  "birthDate",
  "name",
  "displayName",
  "password",
  "otherIds",
  "cookie",
  "authorization",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "sirmi" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          ...identityFieldNames.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
          'req.headers["x-csrf-token"]',
          'req.headers["agid-jwt-signature"]',
        ],
        censor: "[riservato]",
      },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          path: request.url.split("?")[0],
          queryKeys: Object.keys((request.query as Record<string, unknown>) ?? {}),
          remoteAddress: request.ip,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}
