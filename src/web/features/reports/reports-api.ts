import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReportId, ReportResult } from "../../../domain/reports/report.ts";
import { api, withQuery } from "../../api/client.ts";

/** The parameters of a report request as the API takes them in its query string. */
export type ReportQuery = {
  date?: string;
  year?: string | number;
  from?: string;
  to?: string;
  structure?: string;
  semester?: string;
  zone?: string;
  province?: string;
  asOf?: string;
  publication?: boolean;
};

export type ReportFormat = "csv" | "xlsx" | "pdf";
export const fileFormats: readonly ReportFormat[] = ["csv", "xlsx", "pdf"];

/** One entry of the catalogue, as `GET /api/v1/reports` lists it. */
export type CatalogueEntry = {
  id: ReportId;
  title: string;
  description: string;
  identifying: boolean;
  parameters: { name: string; label: string; required: boolean }[];
};

const reportPath = (id: ReportId) => `/reports/${encodeURIComponent(id)}`;

function cleanQuery(query: ReportQuery): Record<string, string> {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== "" && value !== false)
    .map(([key, value]) => [key, String(value)]);
  return Object.fromEntries(entries);
}

/** A plain link to the same report as a file: the browser downloads it with the session cookie. */
export function reportFileUrl(id: ReportId, query: ReportQuery, format: ReportFormat): string {
  return withQuery(`/api/v1${reportPath(id)}`, { ...cleanQuery(query), format });
}

export function useReport(id: ReportId, query: ReportQuery, enabled = true) {
  const parameters = cleanQuery(query);
  return useQuery({
    queryKey: ["report", id, parameters],
    queryFn: () => api.get<ReportResult>(reportPath(id), parameters),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

/** The catalogue may list its entries as `items` or as a bare array: both are read. */
export function useReportCatalogue() {
  return useQuery({
    queryKey: ["report-catalogue"],
    queryFn: () =>
      api.get<{ items?: CatalogueEntry[]; reports?: CatalogueEntry[] } | CatalogueEntry[]>("/reports"),
    staleTime: 10 * 60_000,
    select: (data): CatalogueEntry[] => (Array.isArray(data) ? data : (data.items ?? data.reports ?? [])),
  });
}
