import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";
import YAML from "yaml";
import { type KeyedClient, publicUrl, signToken } from "../events/machine-request.fixtures.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const document = YAML.parse(
  fs.readFileSync(path.join(here, "../../../../docs/inps-waas/api-comuni.yaml"), "utf8"),
) as { components: { schemas: Record<string, unknown> } };

/** INPS's document (docs/inps-waas/api-comuni.yaml, OpenAPI 3.0: JSON schema draft 4) as a validator. */
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const toRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll("#/components/schemas/", "api-comuni#/definitions/"));
ajv.addSchema({ definitions: toRefs(document.components.schemas) }, "api-comuni");

export type InpsSchemaName = "Entries" | "ElencoEsiti" | "Problem" | "UnixTimestamp";

/** The errors of `value` against one of the document's schemas; [] when it conforms. */
export function violationsOf(name: InpsSchemaName, value: unknown): string[] {
  const validate = ajv.getSchema(`api-comuni#/definitions/${name}`);
  if (!validate) throw new Error(`No schema ${name} in api-comuni.yaml`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export const waasBase = "/api/inps-waas/v1";

/** A request as INPS sends it: a ModI ID_AUTH_REST_02 token whose aud is the endpoint's URL. */
export async function callWaas(
  app: FastifyInstance,
  client: KeyedClient | undefined,
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  token?: string,
) {
  const pathOnly = url.split("?")[0];
  const headers: Record<string, string> = {};
  const bearer = token ?? (client ? await signToken(client, { aud: `${publicUrl}${pathOnly}` }) : undefined);
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return app.inject({
    method,
    url,
    headers,
    payload: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
