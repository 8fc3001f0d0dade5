import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors/app-error.ts";
import { maxEventsPerRequest } from "../../../domain/events/machine-client.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { parseJsonBody } from "../../http/json-body.ts";
import type { EventSource } from "../stays/index.ts";
import { type AuthenticatedClient, authenticateClient, verifyIntegrity } from "./machine-auth.ts";

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

/**
 * An encapsulated plugin of JSON machine endpoints (stay events, case events): the token is
 * verified before the body is read (authenticateMachineRequests), the raw body is kept for the
 * Digest check of INTEGRITY_REST_01, and a request of more than the standard's events is refused
 * whole (413) before any is judged. Returns the rate-limit settings for the plugin's routes.
 */
export function prepareJsonMachineEndpoints(app: FastifyInstance, deps: AppDependencies) {
  const { db, config } = deps;
  const parseJson = app.getDefaultJsonParser("error", "error");
  const limits = authenticateMachineRequests(app, deps);
  app.decorateRequest("machineRawBody", undefined);
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    request.machineRawBody = body as Buffer;
    parseJsonBody(parseJson, request, body as Buffer, done);
  });
  app.addHook("preValidation", async (request) => {
    const client = request.machineClient as AuthenticatedClient;
    if (request.method === "POST")
      await verifyIntegrity(
        db,
        client,
        { headers: request.headers, audience: audienceOf(config.publicUrl, request), now: deps.clock.now() },
        request.machineRawBody ?? Buffer.alloc(0),
      );
    const events = (request.body as { events?: unknown } | undefined)?.events;
    if (Array.isArray(events) && events.length > maxEventsPerRequest)
      throw new AppError(
        "payload-too-large",
        `Una richiesta può contenere al massimo ${maxEventsPerRequest} eventi: dividere l'invio.`,
      );
  });
  return limits;
}

/**
 * The client of the request, if its organisation is of the kind the endpoint serves: an
 * operator's software sends stay events, a social service's sends case events; the other is
 * refused (403), as a role outside an action of the access policy.
 */
export function requireClientOf(request: FastifyRequest, kind: "operator" | "social-service") {
  const client = request.machineClient as AuthenticatedClient;
  if (client.organisation.kind !== kind)
    throw new AppError(
      "forbidden",
      kind === "operator"
        ? "Il client di un servizio sociale invia gli eventi delle cartelle (POST /api/v1/case-events)."
        : "Il client di un ente gestore invia gli eventi delle accoglienze (POST /api/v1/events).",
    );
  return client;
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
