import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDependencies } from "../../core/dependencies.ts";
import type { EventSource } from "../stays/index.ts";
import { type AuthenticatedClient, authenticateClient } from "./machine-auth.ts";

declare module "fastify" {
  interface FastifyRequest {
    machineClient: AuthenticatedClient | undefined;
    machineAuthError: unknown;
    machineRawBody: Buffer | undefined;
  }
}

/** The `aud` a client's token must carry: the public URL of the endpoint called, without query. */
export function audienceOf(publicUrl: string, request: FastifyRequest): string {
  return `${publicUrl.replace(/\/+$/, "")}${request.url.split("?")[0]}`;
}

/**
 * ModI ID_AUTH_REST_02 for an encapsulated plugin of machine endpoints: the token is verified
 * before the body is read, a failure is raised only after the rate limit has counted it (per
 * client, or per address for an unknown one), and a 401 carries `WWW-Authenticate`. Returns the
 * rate-limit settings for the plugin's routes.
 */
export function authenticateMachineRequests(app: FastifyInstance, deps: AppDependencies) {
  const { db, config, clock } = deps;
  app.decorateRequest("machineClient", undefined);
  app.decorateRequest("machineAuthError", undefined);
  app.addHook("onRequest", async (request) => {
    try {
      request.machineClient = await authenticateClient(db, {
        headers: request.headers,
        audience: audienceOf(config.publicUrl, request),
        now: clock.now(),
      });
    } catch (error) {
      request.machineAuthError = error;
    }
  });
  app.addHook("preParsing", async (request) => {
    if (request.machineAuthError !== undefined) throw request.machineAuthError;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (reply.statusCode === 401) reply.header("www-authenticate", 'Bearer realm="sirmi"');
  });
  return {
    rateLimit: {
      max: config.rateLimitPerMinute,
      timeWindow: "1 minute",
      keyGenerator: (request: FastifyRequest) =>
        request.machineClient ? `client:${request.machineClient.id}` : `ip:${request.ip}`,
    },
  };
}

/** A machine client as the source of events: it writes only the structures it is registered for. */
export function clientEventSource(clientId: string, structureIds: Iterable<string>): EventSource {
  const allowed = new Set(structureIds);
  return {
    kind: "client",
    id: clientId,
    subject: { system: true, label: `client:${clientId}` },
    mayWrite: (structure) => allowed.has(structure.id),
  };
}
