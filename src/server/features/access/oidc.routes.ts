import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  providerLogoutSchema,
  redirectResponse,
  signInMethodsSchema,
} from "../../../domain/access/session-api.schema.ts";
import { type SignInRefusal, signInRefusalCodes } from "../../../domain/access/sign-in-outcomes.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { findLiveSession } from "../../core/session.queries.ts";
import { requireSessionAtAnyStep, sessionCookieName, sessionTokenOf } from "../../http/request-context.ts";
import { createOidcClient, type OidcClient } from "./oidc-client.ts";
import {
  auditRefusal,
  finishSignIn,
  providerLogoutUrl,
  SignInRefused,
  startSignIn,
} from "./oidc-login.service.ts";
import { hashToken, idleSinceOf, logOut } from "./session.service.ts";

const bindingCookie = "sirmi_oidc";
const bindingPath = "/api/v1/session/oidc";
const refusalPage = (reason: SignInRefusal) => `/accesso/esito?motivo=${reason}`;
const cookieSecurity = { sessionCookie: [] };

/**
 * Sign-in through the Region's OpenID Connect provider (the SPID/CIE broker): the start, the
 * answer (always a redirect: to the app, or to the page explaining a refusal, never an error
 * page of the server), the methods offered, and logging out at the provider too.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: AppDependencies) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const oidc: OidcClient | null = deps.config.oidc ? createOidcClient(deps.config.oidc) : null;
  const secure = deps.config.secureCookies;

  async function refuse(reply: FastifyReply, refusal: SignInRefused) {
    await auditRefusal(deps, refusal);
    reply.clearCookie(bindingCookie, { path: bindingPath });
    return reply.redirect(refusalPage(refusal.reason), 303);
  }

  api.get(
    "/api/v1/session/methods",
    {
      schema: {
        tags: ["accesso"],
        summary: "I modi di accesso offerti: SPID/CIE tramite il provider della Regione, account locali",
        response: { 200: signInMethodsSchema },
      },
    },
    async () => ({
      provider: oidc !== null,
      localAccounts: deps.config.localLogin,
      requiredLevelForIdentityRoles: deps.config.identityRolesMinLevel,
      refusals: signInRefusalCodes,
    }),
  );

  api.get(
    "/api/v1/session/oidc",
    {
      schema: {
        tags: ["accesso"],
        summary: "Accedere con SPID o CIE: reindirizza al servizio di identità della Regione",
        response: { 303: redirectResponse },
      },
    },
    async (_request, reply) => {
      if (!oidc) return refuse(reply, new SignInRefused("not-configured"));
      try {
        const { url, browserBinding } = await startSignIn(deps, oidc);
        reply.setCookie(bindingCookie, browserBinding, {
          httpOnly: true,
          sameSite: "lax",
          secure,
          path: bindingPath,
          maxAge: 600,
        });
        return reply.redirect(url, 303);
      } catch (error) {
        if (error instanceof SignInRefused) return refuse(reply, error);
        throw error;
      }
    },
  );

  api.get(
    "/api/v1/session/oidc/callback",
    {
      schema: {
        tags: ["accesso"],
        summary: "Risposta del servizio di identità (redirect URI): apre la sessione o spiega il rifiuto",
        description:
          "Parametri della risposta di autorizzazione (code, state, iss, oppure error): letti senza schema, perché qualunque risposta, anche malformata, finisce su una pagina che spiega il rifiuto.",
        response: { 303: redirectResponse },
      },
    },
    async (request, reply) => {
      if (!oidc) return refuse(reply, new SignInRefused("not-configured"));
      const rawQuery = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      try {
        const opened = await finishSignIn(deps, oidc, {
          query: request.query as Record<string, unknown>,
          rawQuery,
          browserBinding: request.cookies[bindingCookie],
          userAgent: request.headers["user-agent"],
        });
        reply.clearCookie(bindingCookie, { path: bindingPath });
        reply.setCookie(sessionCookieName, opened.token, {
          httpOnly: true,
          sameSite: "strict",
          secure,
          path: "/",
          maxAge: Math.round(deps.config.sessionHours * 3600),
        });
        return reply.redirect(opened.hasActiveRole ? "/" : "/scegli-ruolo", 303);
      } catch (error) {
        if (error instanceof SignInRefused) return refuse(reply, error);
        request.log.warn({ problem: (error as Error).name }, "sign-in answer refused");
        return refuse(reply, new SignInRefused("token-invalid", { problem: "unexpected" }));
      }
    },
  );

  api.post(
    "/api/v1/session/provider-logout",
    {
      schema: {
        tags: ["accesso"],
        summary: "Uscire, anche dal servizio di identità per le sessioni SPID/CIE",
        security: [cookieSecurity],
        response: { 200: providerLogoutSchema },
      },
    },
    async (request, reply) => {
      const state = requireSessionAtAnyStep(request);
      const token = sessionTokenOf(request);
      const now = deps.clock.now();
      const live = await findLiveSession(deps.db, hashToken(token), now, idleSinceOf(deps, now));
      const logoutUrl =
        oidc && state.authMethod === "oidc" && live
          ? await providerLogoutUrl(deps, oidc, {
              tokenHash: live.tokenHash,
              idTokenSealed: live.idTokenSealed,
              idTokenKeyId: live.idTokenKeyId,
            })
          : null;
      await logOut(deps, token);
      reply.clearCookie(sessionCookieName, { path: "/" });
      return { logoutUrl };
    },
  );
}
