import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  accessPolicySchema,
  chooseMembershipSchema,
  loginSchema,
  type Organisation,
  organisationInputSchema,
  organisationListSchema,
  organisationSchema,
  type Session,
  sessionSchema,
} from "../../../domain/access/access-api.schema.ts";
import { mayActWithLevel } from "../../../domain/access/authentication-levels.ts";
import { seesIdentities } from "../../../domain/access/identity-roles.ts";
import { accessPolicy, actionLabels, scopeCodes } from "../../../domain/access/policy.ts";
import { Role, roleLabels } from "../../../domain/access/roles.ts";
import { sessionClosedResponse } from "../../../domain/access/session-api.schema.ts";
import { authorize } from "../../core/authorization.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import {
  requireActor,
  requireSession,
  requireSessionAtAnyStep,
  sessionCookieName,
  sessionTokenOf,
} from "../../http/request-context.ts";
import { listOrganisations } from "./access.queries.ts";
import {
  chooseMembership,
  findSessionState,
  listSessionMemberships,
  logIn,
  logOut,
  type SessionContext,
  type SessionState,
} from "./session.service.ts";
import { createOrganisation } from "./users.service.ts";

const cookieSecurity = { sessionCookie: [] };

export async function sessionView(ctx: SessionContext, state: SessionState) {
  const required = ctx.config.identityRolesMinLevel;
  const memberships = (await listSessionMemberships(ctx.db, state)).map((membership) => ({
    ...membership,
    available: mayActWithLevel(membership.role as Role, state.authenticationLevel, required),
    seesIdentities: seesIdentities(membership.role as Role),
  }));
  const found = state.actor
    ? memberships.find((membership) => membership.membershipId === state.actor?.membershipId)
    : undefined;
  const active = found ? (({ available, seesIdentities, ...rest }) => rest)(found) : null;
  return {
    user: state.user,
    csrfToken: state.csrfToken,
    memberships,
    active,
    authMethod: state.authMethod,
    authenticationLevel: state.authenticationLevel,
    requiredLevelForIdentityRoles: required,
    pendingStep: state.pendingStep,
    hasSecondFactor: state.hasSecondFactor,
  } as Session;
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
      const { token } = await logIn(deps, request.body, request.headers["user-agent"]);
      setCookie(reply, token);
      const state = await findSessionState(deps, token);
      if (!state) throw new Error("session just created is missing");
      return reply.status(201).send(await sessionView(deps, state));
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
    async (request) => sessionView(deps, requireSessionAtAnyStep(request)),
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
      const current = requireSession(request);
      const token = sessionTokenOf(request);
      await chooseMembership(deps, current, token, request.body.membershipId);
      const state = await findSessionState(deps, token);
      if (!state) throw new Error("session vanished");
      return sessionView(deps, state);
    },
  );

  api.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["accesso"],
        summary: "Uscire",
        security: [cookieSecurity],
        response: { 204: sessionClosedResponse },
      },
    },
    async (request, reply) => {
      requireSessionAtAnyStep(request);
      await logOut(deps, sessionTokenOf(request));
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
        response: { 200: accessPolicySchema },
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
        response: { 200: organisationListSchema },
      },
    },
    async (request) => {
      authorize(requireActor(request), "organisation.manage");
      const rows = await listOrganisations(db);
      return {
        items: rows.map((row) => ({
          id: row.id,
          code: row.code,
          name: row.name,
          kind: row.kind as Organisation["kind"],
          fiscalCode: row.fiscalCode,
          comune: row.comune,
        })),
      };
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
      authorize(actor, "organisation.manage");
      const row = await createOrganisation(db, actor, request.body);
      return reply.status(201).send({
        id: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind as Organisation["kind"],
        fiscalCode: row.fiscalCode,
        comune: row.comune,
      });
    },
  );
}
