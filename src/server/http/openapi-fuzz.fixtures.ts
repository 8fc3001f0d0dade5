import fc from "fast-check";

/** The parts of an OpenAPI 3.1 document the fuzz test reads. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  maxLength?: number;
};

export type Parameter = { name: string; in: "path" | "query" | "header" | "cookie"; schema?: JsonSchema };

export type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  bodySchema?: JsonSchema;
  bodyMediaTypes: string[];
  isMachine: boolean;
};

type Document = {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const methods = ["get", "post", "put", "patch", "delete"];

/** Every operation of the document, with what the fuzzer needs to build its requests. */
export function operationsOf(document: Document): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method] as
        | {
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
            security?: Record<string, unknown>[];
          }
        | undefined;
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        bodySchema: content["application/json"]?.schema,
        bodyMediaTypes: Object.keys(content),
        isMachine: (operation.security ?? []).some((requirement) => "modiBearer" in requirement),
      });
    }
  }
  return operations;
}

/** Strings that broke, or could break, a boundary: control characters, encodings, sizes, syntax. */
export const spoiledStrings = [
  "\u0000",
  "a\u0000b",
  "a\uD800b",
  "\uDFFF",
  "x".repeat(5_000),
  "",
  " ",
  "../../etc/passwd",
  "' or 1=1 --",
  "9".repeat(400),
  "-1",
  "2026-02-30",
  "2026-13-01T25:61:00Z",
  "null",
  "NaN",
  "😀",
  "%",
  "<script>",
  "00000000-0000-0000-0000-000000000000",
  "ST000001",
];

/** Path segments as a client could send them, encoded or deliberately broken. */
export const spoiledSegments = [
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%E0%A4%A",
  "%",
  "x".repeat(600),
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "..",
  "%2F",
  "ST000001",
  "-1",
  "1e309",
  "%F0%9F%98%80",
];

const spoiledScalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...spoiledStrings) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): JsonSchema {
  if (schema.$ref && depth < 8) {
    const name = schema.$ref.split("/").at(-1) as string;
    return resolve(components[name] ?? {}, components, depth + 1);
  }
  return schema;
}

/**
 * Values shaped like the schema (the right field names, enums, nested objects) whose leaves are
 * often spoiled: what gets past a shallow check and reaches the handler.
 */
export function arbitraryOf(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return spoiledScalar;
  const resolved = resolve(schema, components, 0);
  const choices = resolved.anyOf ?? resolved.oneOf ?? resolved.allOf;
  if (choices && choices.length > 0)
    return fc.oneof(...choices.map((choice) => arbitraryOf(choice, components, depth + 1)));
  if (resolved.enum && resolved.enum.length > 0)
    return fc.oneof(fc.constantFrom(...resolved.enum), spoiledScalar);
  if (resolved.const !== undefined) return fc.oneof(fc.constant(resolved.const), spoiledScalar);
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === "object" || resolved.properties) {
    const properties = resolved.properties ?? {};
    const shaped = fc.record(
      Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [
          key,
          arbitraryOf(property, components, depth + 1),
        ]),
      ),
      { requiredKeys: [] },
    );
    return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: spoiledScalar });
  }
  if (type === "array")
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc.array(arbitraryOf(resolved.items, components, depth + 1), { maxLength: 3 }),
      },
      { weight: 1, arbitrary: spoiledScalar },
    );
  if (type === "integer" || type === "number")
    return fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double(), spoiledScalar);
  if (type === "boolean") return fc.oneof(fc.boolean(), spoiledScalar);
  if (resolved.format === "uuid") return fc.oneof(fc.uuid(), spoiledScalar);
  if (resolved.format === "date") return fc.oneof(fc.constant("2025-06-01"), spoiledScalar);
  return fc.oneof(fc.string({ maxLength: 30 }), spoiledScalar);
}

/**
 * The schema's shape with every string leaf set to `leaf` (enums and numbers kept valid): one
 * request that carries a class of bad text in every field at once.
 */
export function shapedWith(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  leaf: string,
  depth = 0,
): unknown {
  if (!schema || depth > 6) return leaf;
  const resolved = resolve(schema, components, 0);
  const choices = resolved.anyOf ?? resolved.oneOf ?? resolved.allOf;
  if (choices && choices.length > 0) return shapedWith(choices[0], components, leaf, depth + 1);
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  if (resolved.const !== undefined) return resolved.const;
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === "object" || resolved.properties)
    return Object.fromEntries(
      Object.entries(resolved.properties ?? {}).map(([key, property]) => [
        key,
        shapedWith(property, components, leaf, depth + 1),
      ]),
    );
  if (type === "array") return [shapedWith(resolved.items, components, leaf, depth + 1)];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  return leaf;
}

/** The classes of bad text every field of every operation is tried with, one class at a time. */
export const textClasses = [
  { name: "NUL", text: "a\u0000b", segment: "a%00b" },
  { name: "lone surrogate", text: "a\uD800b", segment: "%ED%A0%80" },
  { name: "overlong", text: "x".repeat(5_000), segment: "x".repeat(600) },
];

/** Raw bodies: not JSON, not UTF-8, too deep, the wrong shape at the top. */
export const rawBodies: { payload: string | Buffer; contentType?: string }[] = [
  { payload: "{", contentType: "application/json" },
  { payload: "", contentType: "application/json" },
  { payload: "null", contentType: "application/json" },
  { payload: "[]", contentType: "application/json" },
  { payload: '"a\\u0000b"', contentType: "application/json" },
  { payload: `${"[".repeat(5_000)}${"]".repeat(5_000)}`, contentType: "application/json" },
  { payload: '{"__proto__":{"x":1}}', contentType: "application/json" },
  { payload: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), contentType: "application/json" },
  { payload: '{"a":1}', contentType: "application/json; charset=latin1" },
  { payload: '{"a":1}', contentType: "application/json; charset=utf-16" },
  { payload: "a=1", contentType: "application/x-www-form-urlencoded" },
  { payload: "<a/>", contentType: "application/xml" },
  { payload: "hello", contentType: "text/plain" },
  { payload: "x".repeat(64), contentType: "text/csv" },
  { payload: '{"a":1}' },
];

/** The path with each `{parameter}` replaced by a segment. */
export function pathWith(path: string, segment: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => segment(name));
}

/** A query string from values that may not be encodable (lone surrogates are sent as raw bytes). */
export function queryOf(values: Record<string, unknown>): string {
  const parts = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeLoosely(String(value))}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}
