import type { ReportParameters, ReportTable } from "../../../../domain/reports/report.ts";
import type { DefinitionContext } from "./common-sql.ts";

/** One report of the catalogue: its title and how its tables are computed. */
export type ReportDefinition = {
  title: string;
  compute(
    context: DefinitionContext,
    parameters: ReportParameters,
  ): Promise<{ tables: ReportTable[]; definitions: string[]; source: string }>;
};
