import type { ReportResult, ReportRow } from "../../../../domain/reports/report.ts";

/** A hand-built report with a suppressed cell, a decimal measure and a table without totals. */
export function sampleReport(overrides: Partial<ReportResult> = {}): ReportResult {
  return {
    report: "out-of-family-stock",
    title: "Minori fuori famiglia presenti nelle strutture",
    parameters: { date: "2025-12-31" },
    asOf: "2026-01-15T10:00:00Z",
    suppression: { applied: true, threshold: 3 },
    provisional: false,
    definitions: [
      "Presente nel giorno G: accoglienza con ammissione ≤ G e senza dimissione, o con dimissione dopo G.",
      "Età a G: anni compiuti a G.",
    ],
    source: "S.I.R.MI – Regione Toscana, accoglienze residenziali (ASMI)",
    tables: [
      {
        id: "by-age-class-sex",
        title: "Per classe di età e sesso",
        dimensions: ["ageClass", "sex"],
        measures: ["count"],
        rows: [
          { ageClass: "0-2", sex: "F", count: 12 },
          { ageClass: "0-2", sex: "M", count: null, flag: "c" },
          { ageClass: "3-5", sex: "F", count: 0 },
          { ageClass: "3-5", sex: "M", count: 1475 },
        ],
        total: 1489,
        msnaIncluded: false,
        population: "minors-present",
      },
      {
        id: "occupancy-by-zone",
        title: "Occupazione per zona distretto: posti, presenti e quota di occupazione",
        dimensions: ["zone"],
        measures: ["authorisedPlaces", "present", "occupancyRate"],
        rows: [
          { zone: "Firenze", authorisedPlaces: 120, present: 98, occupancyRate: 0.817 },
          {
            zone: "=Empoli",
            authorisedPlaces: 40,
            present: null,
            occupancyRate: null,
            flags: { present: "c" },
          } as unknown as ReportRow,
        ],
        total: null,
        note: "Tasso di occupazione: presenti su posti autorizzati.",
      },
    ],
    ...overrides,
  };
}
