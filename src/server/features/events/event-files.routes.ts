import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  caseEventFileContentSchema,
  eventFileContentSchema,
  eventFileIdParams,
  eventFileStatusQuery,
  eventFileStatusSchema,
  eventFileSummarySchema,
} from "../../../domain/events/event-file-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { caseEventFileMediaTypes, eventFileMediaTypes } from "./event-files.parse.ts";
import type { EventFileKind } from "./event-files.queries.ts";
import { readEventFileStatus, receiveEventFile } from "./event-files.service.ts";
import type { EventFileWorker } from "./event-files.worker.ts";
import { type AuthenticatedClient, verifyIntegrity } from "./machine-auth.ts";
import { audienceOf, authenticateMachineRequests } from "./machine-endpoints.ts";

const security = [{ modiBearer: [] }];

/** The two kinds of file: one machinery, each with its path, its sender and its documentation. */
const endpoints: {
  kind: EventFileKind;
  path: string;
  /** The stay file's operations predate operation ids: adding them would rename generated clients' methods. */
  operationIds?: { send: string; read: string };
  summary: string;
  sender: string;
  layout: string;
  mediaTypes: string[];
  body: typeof eventFileContentSchema;
}[] = [
  {
    kind: "stay",
    path: "/api/v1/event-files",
    summary: "Inviare un file di eventi ASMI (JSON Lines o CSV)",
    sender: "Per il software gestionale di una struttura (client di un ente gestore).",
    layout:
      "Content-Type application/x-ndjson, application/jsonl (un evento JSON per riga) o text/csv " +
      "(tracciato in docs/api.md)",
    mediaTypes: eventFileMediaTypes,
    body: eventFileContentSchema,
  },
  {
    kind: "case",
    path: "/api/v1/case-event-files",
    operationIds: { send: "sendCaseEventFile", read: "getCaseEventFile" },
    summary: "Inviare un file di eventi delle cartelle sociali (JSON Lines)",
    sender:
      "Per il software gestionale di un servizio sociale; il client di un ente gestore riceve 403. " +
      "L'ordine delle righe non conta: sono elaborate nell'ordine delle dipendenze, come gli eventi di una richiesta.",
    layout:
      "Content-Type application/x-ndjson o application/jsonl (un evento JSON per riga, docs/case-interchange.md; " +
      "il CSV riceve 415)",
    mediaTypes: caseEventFileMediaTypes,
    body: caseEventFileContentSchema,
  },
];

/**
 * Bulk files of the interchange standards (stay events, v1; case events): stored at once,
 * processed in the background by the same worker.
 */
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

  for (const endpoint of endpoints) {
    const { kind, path } = endpoint;
    api.post(
      path,
      {
        bodyLimit,
        config: { rateLimit },
        schema: {
          tags: ["interscambio"],
          operationId: endpoint.operationIds?.send,
          summary: endpoint.summary,
          description:
            `${endpoint.sender} Autenticazione ModI ID_AUTH_REST_02; INTEGRITY_REST_01 con il Digest dei byte del file. ` +
            `${endpoint.layout}, UTF-8, al massimo ${bodyLimit} byte. Il file è registrato ` +
            "prima della risposta 202 ed elaborato in background: l'esito di ogni riga è nella risorsa indicata da Location.",
          security,
          consumes: endpoint.mediaTypes,
          body: endpoint.body,
          response: { 202: eventFileSummarySchema },
        },
        // The body is bytes, read and checked by the service after the integrity check: the schema
        // documents it, it does not validate it.
        validatorCompiler: () => (value: unknown) => ({ value }),
      },
      async (request, reply) => {
        const client = request.machineClient as AuthenticatedClient;
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        await verifyIntegrity(
          db,
          client,
          {
            headers: request.headers,
            audience: audienceOf(config.publicUrl, request),
            now: deps.clock.now(),
          },
          bytes,
        );
        const file = await receiveEventFile(
          db,
          keyring,
          { client, kind, contentType: request.headers["content-type"] },
          bytes,
          deps.clock.today(),
        );
        worker.wake();
        request.log.info(
          { eventFileId: file.id, kind, lines: file.counts.lines, format: file.format },
          "event file received",
        );
        return reply.status(202).header("location", `${path}/${file.id}`).send(file);
      },
    );

    api.get(
      `${path}/:id`,
      {
        config: { rateLimit },
        schema: {
          tags: ["interscambio"],
          operationId: endpoint.operationIds?.read,
          summary:
            kind === "case"
              ? "Lo stato di un file di eventi delle cartelle e l'esito delle sue righe"
              : "Lo stato di un file di eventi e l'esito delle sue righe",
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
        return readEventFileStatus(db, { clientId: client.id, kind }, request.params.id, request.query);
      },
    );
  }
}
