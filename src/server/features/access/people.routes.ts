import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  doneResponse,
  membershipParams,
  passwordResetSchema,
  personCreatedSchema,
  personInputSchema,
  personListSchema,
  personStatusSchema,
  roleGrantSchema,
  userIdParams,
} from "../../../domain/access/people-api.schema.ts";
import { sessionListSchema } from "../../../domain/access/session-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  createPerson,
  getSessionsTarget,
  grantRole,
  listPeople,
  resetPassword,
  resetSecondFactor,
  revokeRole,
  setActive,
} from "./people.service.ts";
import { listSessions, revokeSessionsOfUser } from "./sessions.service.ts";

const cookieSecurity = { sessionCookie: [] };
const done = doneResponse;

/** People and their roles, managed by each organisation's manager and by the Region's administrator. */
export function registerPeopleRoutes(app: FastifyInstance, deps: AppDependencies) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["accesso"],
        summary: "Le persone che il ruolo attivo gestisce, con i loro ruoli",
        security: [cookieSecurity],
        response: { 200: personListSchema },
      },
    },
    async (request) => ({ items: await listPeople(deps, requireActor(request)) }),
  );

  api.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["accesso"],
        summary: "Creare una persona con un ruolo nella propria organizzazione",
        security: [cookieSecurity],
        body: personInputSchema,
        response: { 201: personCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await createPerson(deps, requireActor(request), request.body);
      reply.header("cache-control", "no-store");
      return reply.status(201).send(created);
    },
  );

  api.post(
    "/api/v1/users/:userId/roles",
    {
      schema: {
        tags: ["accesso"],
        summary: "Assegnare un ruolo a una persona",
        security: [cookieSecurity],
        params: userIdParams,
        body: roleGrantSchema,
        response: { 204: done },
      },
    },
    async (request, reply) => {
      await grantRole(deps, requireActor(request), request.params.userId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    "/api/v1/users/:userId/roles/:membershipId",
    {
      schema: {
        tags: ["accesso"],
        summary: "Revocare un ruolo a una persona",
        security: [cookieSecurity],
        params: membershipParams,
        response: { 204: done },
      },
    },
    async (request, reply) => {
      await revokeRole(deps, requireActor(request), request.params.userId, request.params.membershipId);
      return reply.status(204).send(null);
    },
  );

  api.put(
    "/api/v1/users/:userId/status",
    {
      schema: {
        tags: ["accesso"],
        summary: "Sospendere o riattivare una persona (la sospensione chiude le sue sessioni)",
        security: [cookieSecurity],
        params: userIdParams,
        body: personStatusSchema,
        response: { 204: done },
      },
    },
    async (request, reply) => {
      await setActive(deps, requireActor(request), request.params.userId, request.body.active);
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/users/:userId/password-reset",
    {
      schema: {
        tags: ["accesso"],
        summary: "Reimpostare la password: una password temporanea, da cambiare al primo accesso",
        security: [cookieSecurity],
        params: userIdParams,
        response: { 200: passwordResetSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return resetPassword(deps, requireActor(request), request.params.userId);
    },
  );

  api.post(
    "/api/v1/users/:userId/second-factor-reset",
    {
      schema: {
        tags: ["accesso"],
        summary: "Rimuovere il secondo fattore (dispositivo perso): si attiva di nuovo al prossimo accesso",
        security: [cookieSecurity],
        params: userIdParams,
        response: { 204: done },
      },
    },
    async (request, reply) => {
      await resetSecondFactor(deps, requireActor(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/api/v1/users/:userId/sessions",
    {
      schema: {
        tags: ["accesso"],
        summary: "Le sessioni aperte di una persona",
        security: [cookieSecurity],
        params: userIdParams,
        response: { 200: sessionListSchema },
      },
    },
    async (request) => {
      const account = await getSessionsTarget(deps, requireActor(request), request.params.userId);
      return { items: await listSessions(deps, account.id) };
    },
  );

  api.delete(
    "/api/v1/users/:userId/sessions",
    {
      schema: {
        tags: ["accesso"],
        summary: "Chiudere tutte le sessioni di una persona",
        security: [cookieSecurity],
        params: userIdParams,
        response: { 204: done },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const account = await getSessionsTarget(deps, actor, request.params.userId);
      await revokeSessionsOfUser(deps, actor, account.id);
      return reply.status(204).send(null);
    },
  );
}
