import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  notificationCountSchema,
  notificationListSchema,
  notificationParamsSchema,
  notificationQuerySchema,
  notificationReadSchema,
} from "../../../domain/notifications/notification-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationRead,
} from "./notifications.service.ts";

const security = [{ sessionCookie: [] }];
const tags = ["notifiche"];

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/notifications",
    {
      schema: {
        tags,
        operationId: "listNotifications",
        summary:
          "Le notifiche: allontanamenti, rientri, dimissioni, ammissioni, accoglienze da rettificare o collegate",
        description:
          "Per un servizio sociale, i fatti dei minori delle sue cartelle aperte registrati dopo l'apertura; per una struttura, i collegamenti delle sue accoglienze a una cartella. Filtri: status (read, unread), kind. Solo pseudonimi.",
        security,
        querystring: notificationQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listNotifications(db, requireActor(request), request.query);
    },
  );

  api.get(
    "/api/v1/notifications/unread-count",
    {
      schema: {
        tags,
        operationId: "countUnreadNotifications",
        summary: "Il numero delle notifiche non lette, per la pagina iniziale",
        security,
        response: { 200: notificationCountSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return countUnreadNotifications(db, requireActor(request));
    },
  );

  api.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        tags,
        operationId: "markNotificationRead",
        summary: "Segnare come letta una notifica",
        description:
          "Segnarla di nuovo non cambia nulla; una notifica che il chiamante non riceve risponde 404.",
        security,
        params: notificationParamsSchema,
        response: { 200: notificationReadSchema },
      },
    },
    async (request) => markNotificationRead(db, requireActor(request), request.params.id, clock.now()),
  );
}
