import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { bindAuditKeys } from "./core/audit-chain.ts";
import type { AppDependencies } from "./core/dependencies.ts";
import {
  registerAccessRoutes,
  registerAuditRoutes,
  registerOidcRoutes,
  registerPeopleRoutes,
  registerSessionStepRoutes,
} from "./features/access/index.ts";
import { registerBreakGlassRoutes } from "./features/break-glass/index.ts";
import {
  caseEventFilePipeline,
  registerCaseEventRoutes,
  registerCaseRoutes,
  registerCaseTimelineRoutes,
  registerFosterCarerRoutes,
} from "./features/cases/index.ts";
import {
  createEventFileWorker,
  registerEventFileRoutes,
  registerEventRoutes,
} from "./features/events/index.ts";
import { registerInpsClientRoutes, registerInpsWaasRoutes } from "./features/inps-waas/index.ts";
import { registerNotificationRoutes } from "./features/notifications/index.ts";
import { registerPlacementRoutes } from "./features/placements/index.ts";
import { registerReferenceRoutes } from "./features/reference/index.ts";
import { registerRegistryRoutes } from "./features/registry/index.ts";
import { registerReportRoutes } from "./features/reports/index.ts";
import { createSinbaFlowWorker, registerSinbaRoutes } from "./features/sinba/index.ts";
import { registerStatusRoutes } from "./features/status/index.ts";
import { registerStayRoutes } from "./features/stays/index.ts";
import { registerStructureRoutes } from "./features/structures/index.ts";
import { handleClientError, sendFrameworkError } from "./http/client-errors.ts";
import { registerInputChecks } from "./http/input-checks.ts";
import { registerJsonBodyParser } from "./http/json-body.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { problemOf, registerProblemHandlers, sendProblem } from "./http/problem.ts";
import { registerRequestContext } from "./http/request-context.ts";

export type { AppDependencies } from "./core/dependencies.ts";

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    // Errors raised before any route (bad URL, over-long path parameter, malformed HTTP) are
    // problems too, and never echo the path.
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerJsonBodyParser(app);
  registerInputChecks(app);

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Personal data is never cached (access protocol, principle 10): no API answer is, unless a
    // route says otherwise for data that identifies no one.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
  });
  // One line per request, with its id, path and outcome; no query values, no bodies.
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      { req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime) },
      "request completed",
    );
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", ...logoOrigins(config.regionLogoUrl)],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: "1 minute",
    addHeadersOnExceeding: {
      "x-ratelimit-limit": true,
      "x-ratelimit-remaining": true,
      "x-ratelimit-reset": true,
    },
    addHeaders: {
      "x-ratelimit-limit": true,
      "x-ratelimit-remaining": true,
      "x-ratelimit-reset": true,
      "retry-after": true,
    },
    errorResponseBuilder: (request, context) => ({
      ...problemOf(
        "rate-limited",
        `Troppe richieste: riprovare tra ${Math.ceil(context.ttl / 1000)} secondi.`,
        request.id,
      ),
      statusCode: 429,
    }),
  });
  // Every access-log entry written through this database is sealed with the log's active key.
  bindAuditKeys(db, deps.keyring);
  registerRequestContext(app, deps);
  await registerOpenApi(app, config);

  // Event files are processed in the background of every server process, stopped on close.
  const eventFileWorker = createEventFileWorker({
    db,
    keyring: deps.keyring,
    logger: deps.logger,
    clock: deps.clock,
    chunkLines: config.eventFileChunkLines,
    leaseSeconds: config.eventFileLeaseSeconds,
    casePipeline: caseEventFilePipeline({ db, keyring: deps.keyring, clock: deps.clock }),
  });
  app.decorate("eventFileWorker", eventFileWorker);
  app.addHook("onReady", async () => eventFileWorker.start());
  app.addHook("onClose", async () => eventFileWorker.stop());
  // SINBA flows are produced from the case files by a job, outside the case write path.
  const sinbaFlowWorker = createSinbaFlowWorker({
    db,
    keyring: deps.keyring,
    clock: deps.clock,
    logger: deps.logger,
    seconds: config.sinbaProducerSeconds,
  });
  app.decorate("sinbaFlowWorker", sinbaFlowWorker);
  app.addHook("onReady", async () => sinbaFlowWorker.start());
  app.addHook("onClose", async () => sinbaFlowWorker.stop());

  await app.register(async (api) => {
    registerStatusRoutes(api, deps);
    registerAccessRoutes(api, deps);
    registerSessionStepRoutes(api, deps);
    registerPeopleRoutes(api, deps);
    registerOidcRoutes(api, deps);
    registerAuditRoutes(api, deps);
    registerBreakGlassRoutes(api, deps);
    registerReferenceRoutes(api, deps);
    registerStructureRoutes(api, deps);
    registerRegistryRoutes(api, deps);
    registerStayRoutes(api, deps);
    registerCaseRoutes(api, deps);
    registerSinbaRoutes(api, deps);
    registerInpsClientRoutes(api, deps);
    registerInpsWaasRoutes(api, deps);
    registerFosterCarerRoutes(api, deps);
    registerCaseTimelineRoutes(api, deps);
    registerNotificationRoutes(api, deps);
    registerPlacementRoutes(api, deps);
    registerEventRoutes(api, deps);
    registerCaseEventRoutes(api, deps);
    registerReportRoutes(api, deps);
    registerEventFileRoutes(api, deps, eventFileWorker);
  });

  const servesWeb = deps.webRoot !== undefined && fs.existsSync(path.join(deps.webRoot, "index.html"));
  if (servesWeb) {
    await app.register(fastifyStatic, {
      root: deps.webRoot as string,
      prefix: "/",
      wildcard: false,
      index: ["index.html"],
    });
  }
  // Unknown paths: the web app's own routes get its page, everything else a problem+json 404.
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      servesWeb &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      request.headers.accept?.includes("text/html");
    if (isPage) return reply.type("text/html").sendFile("index.html");
    return sendProblem(reply, problemOf("not-found", "Il percorso richiesto non esiste.", request.id));
  });
  return app;
}

/** The Region's logo may live on its own website: the pages may load that one image from there. */
function logoOrigins(logoUrl: string | undefined): string[] {
  return logoUrl?.startsWith("https://") ? [new URL(logoUrl).origin] : [];
}
