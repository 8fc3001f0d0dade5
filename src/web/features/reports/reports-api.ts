import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { ReportId } from "../../../domain/reports/report.ts";
import {
  type ReportCatalogue,
  type ReportDescription,
  type ReportFileFormat,
  type ReportResultResponse,
  type ReportRowResponse,
  type ReportTableResponse,
  reportFileFormats,
  type reportQuerySchema,
} from "../../../domain/reports/report-api.schema.ts";
import { api, withQuery } from "../../api/client.ts";

export type { ReportFileFormat, ReportResultResponse, ReportRowResponse, ReportTableResponse };
export const fileFormats = reportFileFormats;

/** A report's request as the screens build it: the query string without the format, the view as a yes/no. */
export type ReportQuery = Omit<z.input<typeof reportQuerySchema>, "format" | "publication"> & {
  publication?: boolean;
};

/** One entry of the catalogue, as `GET /api/v1/reports` lists it. */
export type CatalogueEntry = ReportDescription;

const reportPath = (id: ReportId) => `/reports/${encodeURIComponent(id)}`;

function cleanQuery(query: ReportQuery): Record<string, string> {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== "" && value !== false)
    .map(([key, value]) => [key, String(value)]);
  return Object.fromEntries(entries);
}

/** A plain link to the same report as a file: the browser downloads it with the session cookie. */
export function reportFileUrl(id: ReportId, query: ReportQuery, format: ReportFileFormat): string {
  return withQuery(`/api/v1${reportPath(id)}`, { ...cleanQuery(query), format });
}

export function useReport(id: ReportId, query: ReportQuery, enabled = true) {
  const parameters = cleanQuery(query);
  return useQuery({
    queryKey: ["report", id, parameters],
    queryFn: () => api.get<ReportResultResponse>(reportPath(id), parameters),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

export function useReportCatalogue() {
  return useQuery({
    queryKey: ["report-catalogue"],
    queryFn: () => api.get<ReportCatalogue>("/reports"),
    staleTime: 10 * 60_000,
    select: (data): CatalogueEntry[] => data.items,
  });
}
