/**
 * How far the code is from "one contract per payload": prints counts that should go to zero (or
 * to one). Run with `npx tsx scripts/measure-contracts.ts` (add `--list` for the details).
 *
 * - hand-written web types: type aliases and interfaces in `src/web/features/*\/*-api.ts` whose
 *   definition is written out (an object, a union of literals…) instead of inferred from a zod
 *   schema; inline object types given to `api.get<…>` and friends anywhere in src/web;
 * - `z.infer` / `z.input` / `z.output` uses in src/web;
 * - inline zod schemas in the server's `*.routes.ts` files (`z.<constructor>(` calls);
 * - web files importing server, database or CLI code;
 * - declarations of the same payload type in several files (e.g. `FreePlacesRow`);
 * - OpenAPI operations whose request body or success response is untyped (`unknown`, a free map
 *   of unknown values, or an array of them), read from a document the CLI generates;
 * - OpenAPI operations that no test calls (URLs of `app.inject` and of the test clients).
 *
 * Pure text rules: good enough to measure, not a parser. The reports area is measured apart.
 *
 * `--check` (run by .ci/run) exits with 1 when a figure that must stay at zero is not: every one
 * but the two that count what is there (inferred types in the web, OpenAPI operations).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const listing = process.argv.includes("--list");
const checking = process.argv.includes("--check");
/** The figures that count what is there, not what is wrong: they need not be zero. */
const informative = new Set(["z.infer / z.input / z.output uses in src/web", "OpenAPI operations"]);
const openApiArgument = process.argv.find((argument) => argument.startsWith("--openapi="));

function filesUnder(folder: string, matches: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(full);
      } else if (matches(full)) found.push(full);
    }
  };
  walk(path.join(root, folder));
  return found.sort();
}

const relative = (file: string) => path.relative(root, file);
const read = (file: string) => fs.readFileSync(file, "utf8");
const isReports = (file: string) => /\/reports\//.test(relative(file));
const isSource = (file: string) => /\.tsx?$/.test(file);

type Finding = { file: string; what: string };
const findings = new Map<string, Finding[]>();
function count(name: string, items: Finding[]) {
  findings.set(name, items);
}

/** The text of a type declaration's right-hand side, up to its end (balanced brackets). */
function declarationBody(text: string, start: number): string {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if ("{([<".includes(character)) depth++;
    else if ("})]>".includes(character)) depth--;
    else if (character === ";" && depth <= 0) return text.slice(start, index);
    else if (character === "\n" && depth <= 0 && !/^\s*[|&]/.test(text.slice(index + 1, index + 40)))
      return text.slice(start, index);
  }
  return text.slice(start);
}

const inferred = /\bz\.(infer|input|output)</;

function handWrittenWebTypes(reports: boolean): Finding[] {
  const items: Finding[] = [];
  for (const file of filesUnder("src/web/features", (name) => /\/[^/]+-api\.ts$/.test(name))) {
    if (isReports(file) !== reports) continue;
    const text = read(file);
    for (const match of text.matchAll(/^(?:export )?(type|interface) (\w+)[^=\n{]*(=|\{)/gm)) {
      const body =
        match[1] === "interface" ? "{" : declarationBody(text, (match.index ?? 0) + match[0].length);
      // An indexed access (`Session["active"]`) derives a type; a written-out one spells its shape.
      const shape = body.replace(/\[\s*(["'])[^"']*\1\s*\]/g, "").replace(/\[number\]/g, "");
      const isWrittenOut =
        match[1] === "interface" || /[{"']/.test(shape) || /^\s*(string|number)/.test(shape);
      if (isWrittenOut && !inferred.test(body)) items.push({ file: relative(file), what: match[2] });
    }
  }
  return items;
}

function inlineTypeArguments(reports: boolean): Finding[] {
  const items: Finding[] = [];
  for (const file of filesUnder("src/web", isSource)) {
    if (isReports(file) !== reports) continue;
    const text = read(file);
    for (const match of text.matchAll(/\bapi\.(get|post|put|delete)<\s*\{/g)) {
      const line = text.slice(0, match.index).split("\n").length;
      items.push({ file: relative(file), what: `line ${line}: api.${match[1]}<{…}>` });
    }
  }
  return items;
}

function inferUses(): Finding[] {
  const items: Finding[] = [];
  for (const file of filesUnder("src/web", isSource)) {
    for (const match of read(file).matchAll(/\bz\.(infer|input|output)<typeof (\w+)/g))
      items.push({ file: relative(file), what: match[2] });
  }
  return items;
}

function inlineRouteSchemas(reports: boolean): Finding[] {
  const items: Finding[] = [];
  for (const file of filesUnder("src/server", (name) => name.endsWith(".routes.ts"))) {
    if (isReports(file) !== reports) continue;
    const text = read(file);
    for (const match of text.matchAll(/\bz\.(?!infer\b|input\b|output\b)(\w+(?:\.\w+)?)\(/g)) {
      const line = text.slice(0, match.index).split("\n").length;
      items.push({ file: relative(file), what: `line ${line}: z.${match[1]}(` });
    }
  }
  return items;
}

function webImportsOfServer(): Finding[] {
  const items: Finding[] = [];
  for (const file of filesUnder("src/web", isSource)) {
    for (const match of read(file).matchAll(/from\s+["']([^"']+)["']/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (match[1].startsWith(".") && /^src\/(server|db|cli)\//.test(relative(target)))
        items.push({ file: relative(file), what: match[1] });
    }
  }
  return items;
}

/** Type names declared (written out or inferred) in more than one file of src. */
function duplicatedTypes(): Finding[] {
  const declared = new Map<string, Set<string>>();
  for (const file of filesUnder("src", isSource)) {
    if (/\.(test|fixtures)\.tsx?$/.test(file)) continue;
    for (const match of read(file).matchAll(/^(?:export )?(?:type|interface) (\w+)/gm)) {
      if (/Props$/.test(match[1])) continue;
      const files = declared.get(match[1]) ?? new Set();
      files.add(relative(file));
      declared.set(match[1], files);
    }
  }
  return [...declared]
    .filter(([, files]) => files.size > 1)
    .map(([name, files]) => ({ file: [...files].join(", "), what: name }));
}

/** Type literals and zod objects that spell out a row of free places (zone, places, free). */
function freePlacesRowShapes(): Finding[] {
  const shape = /zoneName\??:[\s\S]{0,200}emergencyExtraPlaces\??:[\s\S]{0,120}\bfree\??:/g;
  const items: Finding[] = [];
  for (const file of filesUnder("src", isSource)) {
    if (/\.(test|fixtures)\.tsx?$/.test(file)) continue;
    for (const match of read(file).matchAll(shape)) {
      const line = read(file).slice(0, match.index).split("\n").length;
      items.push({ file: relative(file), what: `line ${line}${isReports(file) ? " (reports area)" : ""}` });
    }
  }
  return items;
}

type Schema = Record<string, unknown>;
type Operation = {
  method: string;
  path: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

function openApiDocument(): { paths: Record<string, Record<string, Operation>>; components: Schema } {
  let file = openApiArgument?.slice("--openapi=".length);
  if (!file) {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-measure-")), "openapi.json");
    execFileSync(process.execPath, [path.join(root, "bin/sirmi.mjs"), "openapi", "--out", file], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const document = JSON.parse(read(file));
  return { paths: document.paths, components: document.components?.schemas ?? {} };
}

function isUntyped(schema: Schema | undefined, components: Schema, seen = new Set<string>()): boolean {
  if (!schema) return true;
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop() ?? "";
    if (seen.has(name)) return false;
    return isUntyped(components[name] as Schema, components, new Set([...seen, name]));
  }
  const combined = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  if (combined) return combined.some((member) => isUntyped(member, components, seen));
  if ("const" in schema || "enum" in schema || "not" in schema) return false;
  if (schema.type === undefined) return true;
  if (schema.type === "array") return isUntyped(schema.items as Schema | undefined, components, seen);
  if (schema.type === "object") {
    const properties = Object.values((schema.properties ?? {}) as Record<string, Schema>);
    if (properties.length === 0) {
      const extra = schema.additionalProperties as Schema | boolean | undefined;
      return extra === undefined || typeof extra === "boolean" || isUntyped(extra, components, seen);
    }
    return properties.some((property) =>
      property.type === "array" || property.$ref
        ? isUntyped(property, components, seen)
        : property.type === undefined && !property.anyOf && !property.oneOf && !("const" in property),
    );
  }
  return false;
}

function operationsOf(document: ReturnType<typeof openApiDocument>): Operation[] {
  return Object.entries(document.paths).flatMap(([pathName, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      ...operation,
      method: method.toUpperCase(),
      path: pathName,
    })),
  );
}

function untypedOperations(document: ReturnType<typeof openApiDocument>): Finding[] {
  const items: Finding[] = [];
  for (const operation of operationsOf(document)) {
    const name = `${operation.method} ${operation.path}`;
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      if (isUntyped(media.schema, document.components))
        items.push({ file: "openapi", what: `${name}: body (${type})` });
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (!status.startsWith("2")) continue;
      for (const [type, media] of Object.entries(response.content ?? {})) {
        if (isUntyped(media.schema, document.components))
          items.push({ file: "openapi", what: `${name}: ${status} (${type})` });
      }
    }
  }
  return items;
}

/**
 * The requests the tests make: a method and a URL, template parts as wildcards. The fuzz test
 * calls every operation from the document itself, with no assertion on what it does: not counted.
 */
function testedRequests(): { method: string; url: string }[] {
  const requests: { method: string; url: string }[] = [];
  const files = [
    ...filesUnder("src", (name) => /\.(test|fixtures)\.tsx?$/.test(name)),
    ...filesUnder("test", isSource),
  ].filter((file) => !/openapi-fuzz/.test(file));
  const verbs: [RegExp, string][] = [
    [/post/i, "POST"],
    [/put/i, "PUT"],
    [/^(delete|del|remove)/i, "DELETE"],
    [/^(get|fetch|read|list)/i, "GET"],
  ];
  for (const file of files) {
    const text = read(file);
    const literals = /`(\/api\/v1\/(?:[^`$]|\$\{[^}]*\})*|\/status)`|["'](\/api\/v1\/[^"'\s]*|\/status)["']/g;
    for (const match of text.matchAll(literals)) {
      const index = match.index ?? 0;
      const before = text.slice(Math.max(0, index - 120), index);
      const call = [...before.matchAll(/(\w+)\(\s*(?:[\w.]+\s*,\s*){0,2}$/g)].pop()?.[1] ?? "";
      const window = text.slice(Math.max(0, index - 150), index + 150);
      const declared = /method:\s*"([A-Z]+)"/.exec(window)?.[1];
      const verb = verbs.find(([pattern]) => pattern.test(call))?.[1];
      const method = call === "inject" || !verb ? (declared ?? (call === "fetch" ? "GET" : undefined)) : verb;
      if (method) requests.push({ method, url: match[1] ?? match[2] });
      // A URL kept in a variable (`const path = \`/api/v1/…\``), then called by that name.
      const variable = /(?:const|let) (\w+) = $/.exec(text.slice(Math.max(0, index - 60), index))?.[1];
      if (!variable) continue;
      for (const call of text.matchAll(new RegExp(`\\.(get|post|put|delete)\\(\\s*${variable}\\b`, "g")))
        requests.push({ method: call[1].toUpperCase(), url: match[1] ?? match[2] });
    }
  }
  return requests;
}

function untestedOperations(document: ReturnType<typeof openApiDocument>): Finding[] {
  const requests = testedRequests().map(({ method, url }) => ({
    method,
    url: url.replace(/\$\{[^}]*\}/g, "\u0000").split("?")[0],
  }));
  return operationsOf(document)
    .filter((operation) => {
      const pattern = new RegExp(
        `^(\\u0000)?${operation.path
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
          .join("[^/]+")}\\u0000?$`,
      );
      return !requests.some((request) => request.method === operation.method && pattern.test(request.url));
    })
    .map((operation) => ({ file: "openapi", what: `${operation.method} ${operation.path}` }));
}

count(
  "hand-written web payload types in src/web/features/*/*-api.ts (reports area excluded)",
  handWrittenWebTypes(false),
);
count("hand-written web payload types in src/web/features/reports/reports-api.ts", handWrittenWebTypes(true));
count(
  "inline object types given to api.get/post/put/delete in src/web (reports area excluded)",
  inlineTypeArguments(false),
);
count(
  "inline object types given to api.get/post/put/delete in src/web/features/reports",
  inlineTypeArguments(true),
);
count("z.infer / z.input / z.output uses in src/web", inferUses());
count("inline zod schemas in server routes files (reports area excluded)", inlineRouteSchemas(false));
count("inline zod schemas in the reports routes file", inlineRouteSchemas(true));
count("web files importing server, database or CLI code", webImportsOfServer());
count("type names declared in more than one file of src", duplicatedTypes());
count("written-out shapes of a free-places row (FreePlacesRow)", freePlacesRowShapes());
const document = openApiDocument();
count(
  "OpenAPI operations",
  operationsOf(document).map((operation) => ({
    file: "openapi",
    what: `${operation.method} ${operation.path}`,
  })),
);
count("OpenAPI operations with an untyped body or success response", untypedOperations(document));
count("OpenAPI operations that no test calls", untestedOperations(document));

for (const [name, items] of findings) {
  process.stdout.write(`${String(items.length).padStart(5)}  ${name}\n`);
  if (listing && name !== "OpenAPI operations")
    for (const item of items) process.stdout.write(`         ${item.file}: ${item.what}\n`);
}

if (checking) {
  const wrong = [...findings].filter(([name, items]) => !informative.has(name) && items.length > 0);
  for (const [name, items] of wrong) {
    process.stderr.write(`Deve essere zero: ${name} (${items.length})\n`);
    for (const item of items) process.stderr.write(`  ${item.file}: ${item.what}\n`);
  }
  if (wrong.length > 0) process.exit(1);
}
