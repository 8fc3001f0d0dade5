import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  admissionReviewListSchema,
  admissionReviewQuery,
} from "../../../domain/stays/admission-review-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { listAdmissionReviews } from "./admission-reviews.service.ts";

/** The auditor's review list of admissions to be confirmed (access principle 7). */
export function registerAdmissionReviewRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/admission-reviews",
    {
      schema: {
        tags: ["accoglienze"],
        operationId: "listAdmissionReviews",
        summary:
          "Ammissioni da confermare, per il revisore: perché, da quando, se e come sono state confermate",
        description:
          "Ogni ammissione che è stata da confermare (sovrapposta a un'accoglienza precedente dello stesso minore o registrata oltre 30 giorni dopo la sua data), con lo pseudonimo e mai l'identità: da quando (la registrazione), se è confermata e da chi (curatore dell'anagrafe, cartella del servizio inviante, dimissione dall'altra accoglienza). La consultazione è registrata.",
        security: [{ sessionCookie: [] }],
        querystring: admissionReviewQuery,
        response: { 200: admissionReviewListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return { items: await listAdmissionReviews(db, requireActor(request), request.query.state) };
    },
  );
}
