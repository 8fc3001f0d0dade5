import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { AppError } from "../../../domain/errors/app-error.ts";
import { fieldProblemsOf } from "../../../domain/errors/field-problems.ts";
import { inpsFlowsQuerySchema, inpsOutcomeListSchema } from "../../../domain/sinba/inps-waas-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { prepareJsonMachineEndpoints } from "../events/index.ts";
import { databaseAnswers } from "../status/index.ts";
import { answerProblemsAsInps } from "./inps-problem.ts";
import { listFlowsForInps, recordInpsOutcomes } from "./inps-waas.service.ts";

/** The e-service's base path: the `servers` URL INPS is given for the Region (docs/inps-waas.md). */
export const inpsWaasBasePath = "/api/inps-waas/v1";

/** Kept out of S.I.R.MI's own OpenAPI: these operations follow INPS's document (docs/inps-waas/api-comuni.yaml). */
const outsideOwnDocument = { hide: true };

function parsedOr400<T>(
  schema: { safeParse: (value: unknown) => z.ZodSafeParseResult<T> },
  value: unknown,
  where: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = fieldProblemsOf(result.error.issues, where);
  throw new AppError("invalid-request", "La richiesta non è conforme all'API WaaS di INPS.", problems);
}

/**
 * INPS's WaaS e-service (API WAAS-SIUSS-Alimentazione): INPS reads the SINBA flows of the enti it
 * is registered for and posts their outcomes. Every answer, errors too, follows INPS's document.
 */
export function registerInpsWaasRoutes(app: FastifyInstance, deps: AppDependencies) {
  app.register(async (open) => {
    answerProblemsAsInps(open);
    open.get(`${inpsWaasBasePath}/status`, { schema: outsideOwnDocument }, async (_request, reply) => {
      reply.header("cache-control", "no-store").type("application/problem+json");
      if (!(await databaseAnswers(deps.db))) {
        reply.header("retry-after", "30");
        return reply.status(503).send({
          type: "about:blank",
          title: "Servizio non disponibile",
          status: 503,
          detail: "La base dati non è raggiungibile.",
        });
      }
      return { type: "about:blank", title: "OK", status: 200, detail: "Il servizio è attivo." };
    });
  });
  app.register(async (machine) => registerSignedEndpoints(machine, deps));
}

function registerSignedEndpoints(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  answerProblemsAsInps(app);
  const { rateLimit } = prepareJsonMachineEndpoints(app, deps);
  const callerOf = (request: { machineClient: { id: string } | undefined }) => ({
    clientId: (request.machineClient as { id: string }).id,
  });

  app.get(
    `${inpsWaasBasePath}/flussi`,
    { config: { rateLimit }, schema: outsideOwnDocument },
    async (request, reply) => {
      const query = parsedOr400(inpsFlowsQuerySchema, request.query, "/querystring");
      reply.header("cache-control", "no-store");
      return listFlowsForInps(db, callerOf(request), query);
    },
  );

  app.post(
    `${inpsWaasBasePath}/esiti`,
    { config: { rateLimit }, schema: outsideOwnDocument },
    async (request, reply) => {
      const body = parsedOr400(inpsOutcomeListSchema, request.body, "/body");
      await recordInpsOutcomes(db, callerOf(request), body.elenco_esiti);
      return reply.status(204).send();
    },
  );
}
