import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../../db/database.ts";
import {
  chooseMembershipSchema,
  loginSchema,
  organisationInputSchema,
  organisationSchema,
  sessionSchema,
  userInputSchema,
  userSummarySchema,
} from "../../../domain/access/access-api.schema.ts";
import { accessPolicy, actionLabels, scopeCodes } from "../../../domain/access/policy.ts";
import { Role, roleLabels } from "../../../domain/access/roles.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { findSessionState, type SessionState } from "../../core/session-state.ts";
import {
  requireActor,
  requireSession,
  sessionCookieName,
  sessionTokenOf,
} from "../../http/request-context.ts";
import { chooseMembership, listSessionMemberships, logIn, logOut } from "./session.service.ts";
import { createOrganisation, createUserWithRole, listOrganisations, listUsers } from "./users.service.ts";

const cookieSecurity = { sessionCookie: [] };

async function sessionView(db: Database, state: SessionState) {
  const memberships = await listSessionMemberships(db, state);
  const active = state.actor
    ? (memberships.find((membership) => membership.membershipId === state.actor?.membershipId) ?? null)
    : null;
  return { user: state.user, csrfToken: state.csrfToken, memberships, active } as z.infer<
    typeof sessionSchema
  >;
}

export function registerAccessRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, config } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.secureCookies,
      path: "/",
      maxAge: Math.round(config.sessionHours * 3600),
    });

  api.post(
    "/api/v1/session",
    {
      schema: {
        tags: ["accesso"],
        summary: "Accedere con nome utente e password",
        body: loginSchema,
        response: { 201: sessionSchema },
      },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { token } = await logIn(db, request.body, config.sessionHours);
      setCookie(reply, token);
      const state = await findSessionState(db, token);
      if (!state) throw new Error("session just created is missing");
      return reply.status(201).send(await sessionView(db, state));
    },
  );

  api.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["accesso"],
        summary: "La sessione corrente, i ruoli dell'utente e quello attivo",
        security: [cookieSecurity],
        response: { 200: sessionSchema },
      },
    },
    async (request) => sessionView(db, requireSession(request)),
  );

  api.put(
    "/api/v1/session/active-membership",
    {
      schema: {
        tags: ["accesso"],
        summary: "Scegliere l'organizzazione e il ruolo con cui operare",
        security: [cookieSecurity],
        body: chooseMembershipSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      requireSession(request);
      const token = sessionTokenOf(request);
      await chooseMembership(db, token, request.body.membershipId);
      const state = await findSessionState(db, token);
      if (!state) throw new Error("session vanished");
      return sessionView(db, state);
    },
  );

  api.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["accesso"],
        summary: "Uscire",
        security: [cookieSecurity],
        response: { 204: z.null().describe("Sessione chiusa") },
      },
    },
    async (request, reply) => {
      requireSession(request);
      await logOut(db, sessionTokenOf(request));
      reply.clearCookie(sessionCookieName, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/api/v1/access-policy",
    {
      schema: {
        tags: ["accesso"],
        summary: "La politica di accesso: chi può fare che cosa, e su quali record",
        security: [cookieSecurity],
        response: {
          200: z
            .object({
              roles: z.array(z.object({ code: Role, label: z.string() })),
              rules: z.array(
                z.object({
                  action: z.string(),
                  label: z.string(),
                  scopes: z.array(z.object({ role: Role, scope: z.string(), scopeLabel: z.string() })),
                }),
              ),
            })
            .meta({ id: "AccessPolicy" }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return {
        roles: Role.options.map((code) => ({ code, label: roleLabels[code] })),
        rules: Object.entries(accessPolicy).map(([action, scopes]) => ({
          action,
          label: actionLabels[action as keyof typeof actionLabels],
          scopes: Object.entries(scopes).map(([role, scope]) => ({
            role: role as Role,
            scope,
            scopeLabel: scopeCodes[scope],
          })),
        })),
      };
    },
  );

  api.get(
    "/api/v1/organisations",
    {
      schema: {
        tags: ["accesso"],
        summary: "Elenco delle organizzazioni",
        security: [cookieSecurity],
        response: { 200: z.object({ items: z.array(organisationSchema) }) },
      },
    },
    async (request) => {
      return { items: await listOrganisations(db, requireActor(request)) };
    },
  );

  api.post(
    "/api/v1/organisations",
    {
      schema: {
        tags: ["accesso"],
        summary: "Registrare un'organizzazione",
        security: [cookieSecurity],
        body: organisationInputSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await createOrganisation(db, actor, request.body));
    },
  );

  api.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["accesso"],
        summary: "Elenco degli utenti e dei loro ruoli",
        security: [cookieSecurity],
        response: { 200: z.object({ items: z.array(userSummarySchema) }) },
      },
    },
    async (request) => {
      return {
        items: (await listUsers(db, requireActor(request))) as z.infer<typeof userSummarySchema>[],
      };
    },
  );

  api.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["accesso"],
        summary: "Creare un utente con un ruolo in un'organizzazione",
        security: [cookieSecurity],
        body: userInputSchema,
        response: { 201: z.object({ id: z.uuid(), username: z.string() }) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await createUserWithRole(db, requireActor(request), request.body));
    },
  );
}
