import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors/app-error.ts";
import type { Actor } from "../core/actor.ts";
import { findSessionState, type SessionContext, type SessionState } from "../core/session-state.ts";

export const sessionCookieName = "sirmi_session";
export const csrfHeaderName = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    sessionState: SessionState | undefined;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads the session cookie once per request, before the body is even validated, and refuses a
 * cookie-authenticated write without its CSRF token; routes then ask for the actor.
 */
export function registerRequestContext(app: FastifyInstance, ctx: SessionContext) {
  app.decorateRequest("sessionState", undefined);
  app.addHook("preValidation", async (request) => {
    const token = request.cookies[sessionCookieName];
    if (!token || !request.url.startsWith("/api/")) return;
    request.sessionState = await findSessionState(ctx, token);
    const isLogin = request.method === "POST" && request.url.split("?")[0] === "/api/v1/session";
    if (request.sessionState && !isLogin) checkCsrf(request);
  });
}

export function sessionTokenOf(request: FastifyRequest): string {
  const token = request.cookies[sessionCookieName];
  if (!token || !request.sessionState) throw new AppError("not-authenticated");
  return token;
}

/** Cookie-authenticated writes must echo the session's CSRF token in a header. */
export function checkCsrf(request: FastifyRequest) {
  if (safeMethods.has(request.method)) return;
  const expected = request.sessionState?.csrfToken;
  const given = request.headers[csrfHeaderName];
  if (!expected || typeof given !== "string" || !sameString(expected, given)) {
    throw new AppError("csrf-token-invalid");
  }
}

/** A session, even one that still owes a login step (the step's own endpoints, reading it, logging out). */
export function requireSessionAtAnyStep(request: FastifyRequest): SessionState {
  if (!request.sessionState) throw new AppError("not-authenticated");
  checkCsrf(request);
  return request.sessionState;
}

export function requireSession(request: FastifyRequest): SessionState {
  const state = requireSessionAtAnyStep(request);
  if (state.pendingStep) throw new AppError("login-step-required");
  return state;
}

export function requireActor(request: FastifyRequest): Actor {
  const state = requireSession(request);
  if (!state.actor) {
    throw new AppError("forbidden", "Scegliere l'organizzazione e il ruolo con cui operare.");
  }
  return state.actor;
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
