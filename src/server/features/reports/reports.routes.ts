import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type ReportParameters, reportIds } from "../../../domain/reports/report.ts";
import {
  reportCatalogueSchema,
  reportFileContent,
  reportIdParams,
  reportParameterKeys,
  reportQuerySchema,
  reportResultSchema,
} from "../../../domain/reports/report-api.schema.ts";
import { reportParameterNames } from "../../../domain/reports/report-parameters.ts";
import {
  filterParameterNames,
  parameterLabels,
  reportDescriptions,
  reportTitles,
} from "../../../domain/reports/report-titles.ts";
import { authorize } from "../../core/authorization.ts";
import type { AppDependencies } from "../../core/dependencies.ts";
import { requireActor } from "../../http/request-context.ts";
import { findFileLabels } from "./report-files/file-labels.ts";
import { attachmentHeader, renderReportFile } from "./report-files/render-report-file.ts";
import { deliverReport } from "./reports.service.ts";

const security = [{ sessionCookie: [] }];
const tags = ["prospetti"];

export function registerReportRoutes(app: FastifyInstance, deps: AppDependencies) {
  const { db, keyring, config } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/reports",
    {
      schema: {
        tags,
        operationId: "listReports",
        summary: "Catalogo dei prospetti statistici",
        description:
          "I prospetti disponibili, con titolo in italiano e parametri. Ogni ruolo che può consultare prospetti vede il catalogo.",
        security,
        response: { 200: reportCatalogueSchema },
      },
    },
    async (request) => {
      authorize(requireActor(request), "report.read");
      return {
        items: reportIds.map((id) => {
          const own = reportParameterNames[id];
          const filters =
            id === "procura-list" ? [] : filterParameterNames.filter((name) => !own.includes(name));
          return {
            id,
            title: reportTitles[id],
            description: reportDescriptions[id],
            identifying: id === "procura-list",
            parameters: [
              ...own.map((name) => ({ name, label: parameterLabels[name], required: true })),
              ...filters.map((name) => ({ name, label: parameterLabels[name], required: false })),
            ],
          };
        }),
      };
    },
  );

  api.get(
    "/api/v1/reports/:id",
    {
      schema: {
        tags,
        operationId: "readReport",
        summary: "Un prospetto del catalogo, in JSON o come file (CSV, XLSX, PDF)",
        description:
          "Calcolato dai dati individuali, come noti all'istante asOf (predefinito: ora). Con publication=true, e sempre per l'Osservatorio, " +
          "le celle sotto la soglia di tutela statistica sono oscurate (null con flag c). I file hanno Content-Disposition con il nome del file. " +
          "Ogni richiesta è registrata nel registro degli accessi.",
        security,
        params: reportIdParams,
        querystring: reportQuerySchema,
        response: {
          200: {
            description: "Il prospetto",
            content: {
              "application/json": { schema: reportResultSchema },
              ...reportFileContent,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { format, asOf, publication } = request.query;
      const parameters: ReportParameters = {};
      for (const key of reportParameterKeys) {
        const value = request.query[key];
        if (value !== undefined && value !== "") (parameters as Record<string, string>)[key] = value;
      }
      const result = await deliverReport(
        db,
        {
          keyring,
          regionCode: config.regionCode,
          suppressionThreshold: config.suppressionThreshold,
          clock: deps.clock,
        },
        { actor },
        {
          id: request.params.id,
          parameters,
          asOf,
          publication: publication === undefined ? undefined : publication === "true",
          format,
        },
      );
      reply.header("cache-control", "no-store");
      if (format === "json") return reply.type("application/json; charset=utf-8").send(result);
      const file = await renderReportFile(result, format, await findFileLabels(db, config.regionCode));
      return reply
        .type(file.contentType)
        .header("content-disposition", attachmentHeader(file.fileName))
        .send(file.body as never); // bytes: the typed JSON schema does not apply
    },
  );
}
