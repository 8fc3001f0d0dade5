import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  breakGlassAccessListSchema,
  breakGlassAccessSchema,
  breakGlassDecisionSchema,
  breakGlassIdParams,
  breakGlassRequestSchema,
  breakGlassReviewedSchema,
  breakGlassReviewListSchema,
  breakGlassReviewsQuery,
} from "../../../domain/access/break-glass.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  listBreakGlassReviews,
  listOwnBreakGlass,
  openBreakGlass,
  reviewBreakGlass,
} from "./break-glass.service.ts";

const security = [{ sessionCookie: [] }];
const tags = ["accessi-emergenza"];

export function registerBreakGlassRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/break-glass-accesses",
    {
      schema: {
        tags,
        summary:
          "Aprire un accesso di emergenza all'identità di un minore (24 ore, motivato, rivisto dal revisore)",
        security,
        body: breakGlassRequestSchema,
        response: { 201: breakGlassAccessSchema },
      },
    },
    async (request, reply) => {
      const access = await openBreakGlass(db, requireActor(request), request.body);
      return reply.status(201).send(access);
    },
  );

  api.get(
    "/api/v1/break-glass-accesses",
    {
      schema: {
        tags,
        summary: "I propri accessi di emergenza, in corso e passati, con la decisione del revisore",
        security,
        response: { 200: breakGlassAccessListSchema },
      },
    },
    async (request) => ({ items: await listOwnBreakGlass(db, requireActor(request)) }),
  );

  api.get(
    "/api/v1/break-glass-reviews",
    {
      schema: {
        tags,
        summary: "Gli accessi di emergenza da rivedere (o tutti), per il revisore degli accessi",
        security,
        querystring: breakGlassReviewsQuery,
        response: { 200: breakGlassReviewListSchema },
      },
    },
    async (request) => ({
      items: await listBreakGlassReviews(db, requireActor(request), request.query.state),
    }),
  );

  api.post(
    "/api/v1/break-glass-reviews/:id",
    {
      schema: {
        tags,
        summary: "Accettare un accesso di emergenza o chiederne conto",
        security,
        params: breakGlassIdParams,
        body: breakGlassDecisionSchema,
        response: { 200: breakGlassReviewedSchema },
      },
    },
    async (request) => reviewBreakGlass(db, requireActor(request), request.params.id, request.body),
  );
}
