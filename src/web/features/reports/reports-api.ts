import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReportId } from "../../../domain/reports/report.ts";
import type {
  ReportCatalogue,
  ReportDescription,
  ReportResultResponse,
  ReportRowResponse,
  ReportTableResponse,
} from "../../../domain/reports/report-api.schema.ts";
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

/** A report as `GET /api/v1/reports/{id}` answers it, typed from the endpoint's schema. */
export type ReportResult = ReportResultResponse;
export type ReportTable = ReportTableResponse;
export type ReportRow = ReportRowResponse;

/** One entry of the catalogue, as `GET /api/v1/reports` lists it. */
export type CatalogueEntry = ReportDescription;

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

export function useReportCatalogue() {
  return useQuery({
    queryKey: ["report-catalogue"],
    queryFn: () => api.get<ReportCatalogue>("/reports"),
    staleTime: 10 * 60_000,
    select: (data): CatalogueEntry[] => data.items,
  });
}
