import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { secondFactorEnrolledSchema, sessionSchema } from "../../../domain/access/access-api.schema.ts";
import {
  passwordChangeSchema,
  secondFactorCodeSchema,
  secondFactorEnrolmentSchema,
  sessionClosedResponse,
  sessionIdParams,
  sessionListSchema,
} from "../../../domain/access/session-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireSession, requireSessionAtAnyStep, sessionTokenOf } from "../../http/request-context.ts";
import { sessionView } from "./access.routes.ts";
import { findSessionState } from "./session.service.ts";
import {
  changePassword,
  confirmEnrolment,
  startEnrolment,
  submitSecondFactor,
} from "./session-steps.service.ts";
import { listSessions, revokeOwnSession } from "./sessions.service.ts";

const cookieSecurity = { sessionCookie: [] };
const codeSchema = secondFactorCodeSchema;

export function registerSessionStepRoutes(app: FastifyInstance, deps: AppDependencies) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const freshView = async (token: string) => {
    const state = await findSessionState(deps, token);
    if (!state) throw new Error("session vanished");
    return sessionView(deps, state);
  };

  api.post(
    "/api/v1/session/second-factor",
    {
      schema: {
        tags: ["accesso"],
        summary: "Completare l'accesso con il codice temporaneo (secondo fattore) o un codice di recupero",
        security: [cookieSecurity],
        body: codeSchema,
        response: { 200: sessionSchema },
      },
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    async (request) => {
      const state = requireSessionAtAnyStep(request);
      const token = sessionTokenOf(request);
      await submitSecondFactor(deps, state, token, request.body.code);
      return freshView(token);
    },
  );

  api.put(
    "/api/v1/session/password",
    {
      schema: {
        tags: ["accesso"],
        summary: "Cambiare la propria password (obbligatorio al primo accesso e dopo una reimpostazione)",
        security: [cookieSecurity],
        body: passwordChangeSchema,
        response: { 200: sessionSchema },
      },
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    async (request) => {
      const state = requireSessionAtAnyStep(request);
      const token = sessionTokenOf(request);
      await changePassword(deps, state, token, request.body);
      return freshView(token);
    },
  );

  api.post(
    "/api/v1/session/second-factor-enrolment",
    {
      schema: {
        tags: ["accesso"],
        summary: "Avviare l'attivazione del secondo fattore (TOTP): il segreto da inquadrare",
        security: [cookieSecurity],
        response: { 201: secondFactorEnrolmentSchema },
      },
    },
    async (request, reply) => {
      const state = requireSessionAtAnyStep(request);
      reply.header("cache-control", "no-store");
      return reply.status(201).send(await startEnrolment(deps, state));
    },
  );

  api.put(
    "/api/v1/session/second-factor-enrolment",
    {
      schema: {
        tags: ["accesso"],
        summary: "Confermare il secondo fattore con un primo codice: restituisce i codici di recupero",
        security: [cookieSecurity],
        body: codeSchema,
        response: { 200: secondFactorEnrolledSchema },
      },
      config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const state = requireSessionAtAnyStep(request);
      const token = sessionTokenOf(request);
      const { recoveryCodes } = await confirmEnrolment(deps, state, token, request.body.code);
      reply.header("cache-control", "no-store");
      return { recoveryCodes, session: await freshView(token) };
    },
  );

  api.get(
    "/api/v1/sessions",
    {
      schema: {
        tags: ["accesso"],
        summary: "Le proprie sessioni aperte",
        security: [cookieSecurity],
        response: { 200: sessionListSchema },
      },
    },
    async (request) => {
      const state = requireSession(request);
      return { items: await listSessions(deps, state.user.id, state.sessionId) };
    },
  );

  api.delete(
    "/api/v1/sessions/:sessionId",
    {
      schema: {
        tags: ["accesso"],
        summary: "Chiudere una delle proprie sessioni",
        security: [cookieSecurity],
        params: sessionIdParams,
        response: { 204: sessionClosedResponse },
      },
    },
    async (request, reply) => {
      const state = requireSession(request);
      await revokeOwnSession(deps, state, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );
}
