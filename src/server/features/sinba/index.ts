export {
  validateAgainstXsd,
  type XsdProblem,
  type XsdProblemCode,
  type XsdSchemaName,
  type XsdValidation,
  xsdSchemas,
} from "./xsd-validation.ts";
