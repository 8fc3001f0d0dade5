/** The SINBA national flow as the app, other features and the command line see it. */

export { registerSinbaRoutes } from "./sinba.routes.ts";
export { exportSinbaFlows, type SinbaExportOptions, type SinbaExportResult } from "./sinba-export.ts";
export { produceSinbaFlows, type SinbaProduction } from "./sinba-flows.producer.ts";
export { createSinbaFlowWorker, type SinbaFlowWorker } from "./sinba-flows.worker.ts";
export {
  importSinbaXml,
  maxSinbaImportBytes,
  type SinbaImportOutcome,
  type SinbaImportReport,
} from "./sinba-import.ts";
export {
  validateAgainstXsd,
  type XsdProblem,
  type XsdProblemCode,
  type XsdSchemaName,
  type XsdValidation,
  xsdSchemas,
} from "./xsd-validation.ts";
