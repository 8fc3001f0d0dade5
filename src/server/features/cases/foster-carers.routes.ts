import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { fosterCarersParams, fosterCarersSchema } from "../../../domain/cases/foster-carers-api.schema.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { readFosterCarers } from "./foster-carers.service.ts";

/** The foster carers of an episode: protected like a minor's identity. */
export function registerFosterCarerRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring } = deps;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/cases/:caseId/foster-care/:episodeId/carers",
    {
      schema: {
        tags: ["cartelle-sociali"],
        operationId: "readFosterCarers",
        summary:
          "Gli affidatari di un affido, per il servizio che ha in carico il minore (lettura tracciata)",
        description:
          "Gli affidatari sono conservati solo cifrati, come l'identità di un minore: li legge solo il servizio della cartella aperta, e ogni lettura, concessa o rifiutata, è registrata con la sua finalità. Per chiunque altro, o per un affido che non esiste, 404. L'affido è indicato dall'identificativo del suo evento di inizio.",
        security: [{ sessionCookie: [] }],
        params: fosterCarersParams,
        response: { 200: fosterCarersSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const { caseId, episodeId } = request.params;
      return readFosterCarers(db, keyring, requireActor(request), caseId, episodeId);
    },
  );
}
