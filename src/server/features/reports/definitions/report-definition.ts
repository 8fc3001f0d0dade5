import type { ReportParameters, ReportTable } from "../../../../domain/reports/report.ts";
import type { DefinitionContext } from "./common-sql.ts";

/** One report of the catalogue: how its tables are computed (its title is the catalogue's). */
export type ReportDefinition = {
  compute(
    context: DefinitionContext,
    parameters: ReportParameters,
  ): Promise<{ tables: ReportTable[]; definitions: string[]; source: string }>;
};
