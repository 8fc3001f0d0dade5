import type { FastifyInstance } from "fastify";
import { AppError } from "../../domain/errors/app-error.ts";
import { findTextProblem, textProblemMessage } from "./storable-text.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The name of a body array whose items the route judges one by one (the interchange
     * standard's events): a bad item is that item's rejection, not the request's.
     */
    itemsJudgedAlone?: string;
  }
}

function checkPart(value: unknown, prefix: string) {
  const problem = findTextProblem(value);
  if (!problem) return;
  const message = textProblemMessage(problem, prefix);
  if (problem.kind === "too-deep") throw new AppError("invalid-request", message);
  throw new AppError("invalid-character", message, [
    { path: `${prefix}${problem.pointer}`, code: "invalid-character", message },
  ]);
}

/**
 * One rule for the whole API, before any schema or handler sees the request: no path parameter,
 * query value or body string (values and field names) holds U+0000 or a lone surrogate (422
 * `invalid-character`, naming the field), and no body is nested deeper than the API's documents
 * (400 `invalid-request`). Bodies read as bytes (event files) are judged line by line by their route.
 */
export function registerInputChecks(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    checkPart(request.params, "/params");
    checkPart(request.query, "/querystring");
    const body = request.body;
    if (body === undefined || body === null || Buffer.isBuffer(body)) return;
    const alone = request.routeOptions.config?.itemsJudgedAlone;
    if (alone && typeof body === "object" && Array.isArray((body as Record<string, unknown>)[alone]))
      checkPart({ ...(body as Record<string, unknown>), [alone]: [] }, "/body");
    else checkPart(body, "/body");
  });
}
