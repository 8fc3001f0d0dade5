import type { ReportResult } from "../../../../domain/reports/report.ts";
import type { ReportFileFormat, ReportFormat } from "../../../../domain/reports/report-api.schema.ts";
import { toCsv } from "./csv-file.ts";
import { toPdf } from "./pdf-file.ts";
import { fileNameOf } from "./report-file-content.ts";
import type { FileLabels } from "./report-labels.ts";
import { toXlsx } from "./xlsx-file.ts";

export {
  type ReportFileFormat,
  type ReportFormat,
  reportFormats,
} from "../../../../domain/reports/report-api.schema.ts";

export const contentTypes: Record<ReportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

/** The same report as a file: the bytes, their media type and a file name to save them under. */
export async function renderReportFile(
  result: ReportResult,
  format: ReportFileFormat,
  labels: FileLabels,
): Promise<ReportFile> {
  const body =
    format === "csv"
      ? Buffer.from(toCsv(result, labels), "utf8")
      : format === "xlsx"
        ? await toXlsx(result, labels)
        : await toPdf(result, labels);
  return { body, contentType: contentTypes[format], fileName: fileNameOf(result, format) };
}

/** Content-Disposition with a plain ASCII file name (the names built here have no other characters). */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
