/** Reports as the app and the command line see them. */

export { findPlacesOnDay } from "./definitions/places-on-day.ts";
export { toCsv } from "./report-files/csv-file.ts";
export { findFileLabels } from "./report-files/file-labels.ts";
export { type ReportFormat, renderReportFile, reportFormats } from "./report-files/render-report-file.ts";
export { fileNameOf } from "./report-files/report-file-content.ts";
export { registerReportRoutes } from "./reports.routes.ts";
export { type DeliveryContext, deliverReport } from "./reports.service.ts";
