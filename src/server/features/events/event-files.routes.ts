import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  eventFileContentSchema,
  eventFileIdParams,
  eventFileStatusQuery,
  eventFileStatusSchema,
  eventFileSummarySchema,
} from "../../../domain/events/event-file-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { eventFileMediaTypes, formatOf } from "./event-files.parse.ts";
import { readEventFileStatus, receiveEventFile } from "./event-files.service.ts";
import type { EventFileWorker } from "./event-files.worker.ts";
import { type AuthenticatedClient, verifyIntegrity } from "./machine-auth.ts";
import { audienceOf, authenticateMachineRequests } from "./machine-endpoints.ts";

const security = [{ modiBearer: [] }];
/** Bulk files of the interchange standard v1: stored at once, processed in the background. */
export function registerEventFileRoutes(
  app: FastifyInstance,
  deps: AppDependencies,
  worker: EventFileWorker,
) {
  app.register(async (files) => registerEventFileEndpoints(files, deps, worker));
}

function registerEventFileEndpoints(app: FastifyInstance, deps: AppDependencies, worker: EventFileWorker) {
  const { db, keyring, config } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const bodyLimit = config.eventFileMaxBytes;

  // Every body is read as bytes (the Digest covers them); the type is checked after authentication.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) => done(null, body));
  const { rateLimit } = authenticateMachineRequests(app, deps);

  api.post(
    "/api/v1/event-files",
    {
      bodyLimit,
      config: { rateLimit },
      schema: {
        tags: ["interscambio"],
        summary: "Inviare un file di eventi ASMI (JSON Lines o CSV)",
        description:
          "Autenticazione ModI ID_AUTH_REST_02; INTEGRITY_REST_01 con il Digest dei byte del file. " +
          "Content-Type application/x-ndjson, application/jsonl (un evento JSON per riga) o text/csv " +
          `(tracciato in docs/api.md), UTF-8, al massimo ${bodyLimit} byte. Il file è registrato ` +
          "prima della risposta 202 ed elaborato in background: l'esito di ogni riga è nella risorsa indicata da Location.",
        security,
        consumes: eventFileMediaTypes,
        body: eventFileContentSchema,
        response: { 202: eventFileSummarySchema },
      },
      // The body is bytes, read and checked by the handler after the integrity check: the schema
      // documents it, it does not validate it.
      validatorCompiler: () => (value: unknown) => ({ value }),
    },
    async (request, reply) => {
      const client = request.machineClient as AuthenticatedClient;
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      await verifyIntegrity(
        db,
        client,
        { headers: request.headers, audience: audienceOf(config.publicUrl, request), now: deps.clock.now() },
        bytes,
      );
      const format = formatOf(request.headers["content-type"]);
      const file = await receiveEventFile(db, keyring, client.id, bytes, format);
      worker.wake();
      request.log.info({ eventFileId: file.id, lines: file.counts.lines, format }, "event file received");
      return reply.status(202).header("location", `/api/v1/event-files/${file.id}`).send(file);
    },
  );

  api.get(
    "/api/v1/event-files/:id",
    {
      config: { rateLimit },
      schema: {
        tags: ["interscambio"],
        summary: "Lo stato di un file di eventi e l'esito delle sue righe",
        description:
          "Solo per il client che lo ha inviato. Gli esiti delle righe elaborate sono in ordine di riga, " +
          "una pagina alla volta: `cursor` è il numero dell'ultima riga ricevuta (nextCursor).",
        security,
        params: eventFileIdParams,
        querystring: eventFileStatusQuery,
        response: { 200: eventFileStatusSchema },
      },
    },
    async (request) => {
      const client = request.machineClient as AuthenticatedClient;
      return readEventFileStatus(db, client.id, request.params.id, request.query);
    },
  );
}
