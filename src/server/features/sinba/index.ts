/** The SINBA national flow as the app, other features and the command line see it. */

export { registerSinbaRoutes } from "./sinba.routes.ts";
export { produceSinbaFlows, type SinbaProduction } from "./sinba-flows.producer.ts";
export { createSinbaFlowWorker, type SinbaFlowWorker } from "./sinba-flows.worker.ts";
export {
  validateAgainstXsd,
  type XsdProblem,
  type XsdProblemCode,
  type XsdSchemaName,
  type XsdValidation,
  xsdSchemas,
} from "./xsd-validation.ts";
