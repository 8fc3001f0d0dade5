import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { instanceSettingsSchema, statusSchema } from "../../../domain/status/status-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { problemOf, sendProblem } from "../../http/problem.ts";
import { databaseAnswers } from "./status.service.ts";

export function registerStatusRoutes(app: FastifyInstance, deps: AppDependencies) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/settings",
    {
      schema: {
        tags: ["stato"],
        summary:
          "Impostazioni pubbliche dell'istanza (la Regione, il suo logo, i recapiti di assistenza e privacy, soglie di avviso)",
        response: { 200: instanceSettingsSchema },
      },
    },
    async () => ({
      regionName: deps.config.regionName,
      regionCode: deps.config.regionCode,
      regionLogoUrl: deps.config.regionLogoUrl ?? null,
      regionWebsite: deps.config.regionWebsite ?? null,
      helpContact: deps.config.helpContact,
      privacyContact: deps.config.privacyContact,
      accessibilityStatementUrl: deps.config.accessibilityStatementUrl ?? null,
      authorisationWarningDays: deps.config.authorisationWarningDays,
    }),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/status",
    {
      schema: {
        tags: ["stato"],
        summary: "Stato del servizio",
        description: "Risponde 200 se il servizio e la base dati sono raggiungibili, 503 altrimenti.",
        response: { 200: statusSchema },
      },
    },
    async (request, reply) => {
      if (!(await databaseAnswers(deps.db))) {
        reply.header("retry-after", "30");
        return sendProblem(reply, {
          ...problemOf("internal", "La base dati non è raggiungibile.", request.id),
          status: 503,
          title: "Servizio non disponibile",
        });
      }
      reply.header("cache-control", "no-store");
      return { status: 200 as const, title: "OK", detail: "Il servizio è attivo." };
    },
  );
}
