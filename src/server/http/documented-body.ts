import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { z } from "zod";

/**
 * For a route whose body the OpenAPI document describes with its full schema but whose checks
 * happen further in (the event pipeline judges each event with the same schema and answers with
 * the interchange standard's codes): the body is validated by the looser `validation` schema,
 * params and query by their own.
 */
export function bodyValidatedBy<RouteSchema>(validation: z.ZodType): FastifySchemaCompiler<RouteSchema> {
  return (route) =>
    validatorCompiler({
      ...route,
      schema: (route.httpPart === "body" ? validation : route.schema) as z.ZodType,
    });
}
