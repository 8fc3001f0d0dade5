import type { FastifyInstance } from "fastify";

/** RFC 9457 as INPS's document defines it: these five members only (additionalProperties: false). */
export type InpsProblem = { type: string; title: string; status: number; detail: string; instance?: string };

type OwnProblem = {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  requestId?: unknown;
  problems?: { path: string; message: string }[];
};

const textOf = (value: unknown, fallback: string) =>
  (typeof value === "string" ? value : fallback).slice(0, 4096);

/**
 * S.I.R.MI's problem, reshaped to INPS's schema: the stable code stays in `type`
 * (…/problemi/<code>), the field problems join the Italian `detail`, the request id becomes
 * `instance` (urn:sirmi:richiesta:<id>) for support.
 */
export function toInpsProblem(problem: OwnProblem, statusCode: number): InpsProblem {
  const fields = (problem.problems ?? []).map((item) => `${item.path}: ${item.message}`);
  const detail = [textOf(problem.detail, "Errore."), ...fields].join(" ");
  return {
    type: textOf(problem.type, "about:blank"),
    title: textOf(problem.title, "Errore"),
    status: typeof problem.status === "number" ? problem.status : statusCode,
    detail: detail.slice(0, 4096),
    ...(typeof problem.requestId === "string"
      ? { instance: `urn:sirmi:richiesta:${problem.requestId}` }
      : {}),
  };
}

/** Every problem+json answer of the e-service's routes, in INPS's shape. */
export function answerProblemsAsInps(app: FastifyInstance) {
  app.addHook("onSend", async (_request, reply, payload) => {
    const type = String(reply.getHeader("content-type") ?? "");
    if (!type.startsWith("application/problem+json") || typeof payload !== "string") return payload;
    let parsed: OwnProblem;
    try {
      parsed = JSON.parse(payload) as OwnProblem;
    } catch {
      return payload;
    }
    if (typeof parsed !== "object" || parsed === null) return payload;
    return JSON.stringify(toInpsProblem(parsed, reply.statusCode));
  });
}
