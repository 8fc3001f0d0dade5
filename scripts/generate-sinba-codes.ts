/**
 * Writes src/domain/code-lists/sinba-codes.generated.ts from the national SINBA XSD, so that
 * every SINBA code and its label come from the authority and none is typed by hand.
 *
 *   npx tsx scripts/generate-sinba-codes.ts [path/to/SINBA.xsd]
 *
 * The XSD is read with plain string processing: it is a flat, regular document and a full XML
 * parser would be one more dependency for a one-off generation.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface XsdEnumeration {
  /** Name of the xs:simpleType, e.g. "ValutazioneMinoreType". */
  typeName: string;
  entries: { code: string; label: string }[];
}

const defaultXsdPath = "../shared/reference/inps-waas/SINBA.xsd";
const outputPath = "src/domain/code-lists/sinba-codes.generated.ts";

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Labels are shown in the UI: runs of spaces left in the XSD ("prima  occupazione") are collapsed.
 * Codes are kept exactly as written.
 */
export function normaliseLabel(text: string): string {
  return decodeXmlText(text).replace(/\s+/g, " ").trim();
}

/** Every named xs:simpleType that restricts to an enumeration, in document order. */
export function parseXsdEnumerations(xsd: string): XsdEnumeration[] {
  const withoutComments = xsd.replace(/<!--[\s\S]*?-->/g, "");
  const result: XsdEnumeration[] = [];
  const simpleTypePattern = /<xs:simpleType\s+name="([^"]+)"\s*>([\s\S]*?)<\/xs:simpleType>/g;
  for (const [, typeName, body] of withoutComments.matchAll(simpleTypePattern)) {
    const entries: XsdEnumeration["entries"] = [];
    const enumerationPattern = /<xs:enumeration\s+value="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/xs:enumeration>)/g;
    for (const [, rawCode, content] of body.matchAll(enumerationPattern)) {
      const code = decodeXmlText(rawCode);
      const documentation = content?.match(/<xs:documentation[^>]*>([\s\S]*?)<\/xs:documentation>/);
      entries.push({ code, label: documentation ? normaliseLabel(documentation[1]) : code });
    }
    if (entries.length > 0) {
      result.push({ typeName, entries });
    }
  }
  return result;
}

/** The version written in the documentation of the root element ("Versione 1.0.0"). */
export function parseXsdVersion(xsd: string): string | null {
  return xsd.match(/<xs:documentation>\s*Versione\s+([\d.]+)\s*<\/xs:documentation>/)?.[1] ?? null;
}

/** "ValutazioneMinoreType" → "ValutazioneMinore". */
export function baseNameOf(typeName: string): string {
  return typeName.replace(/Type$/, "");
}

export function listConstantNameOf(typeName: string): string {
  return `sinba${baseNameOf(typeName)}`;
}

export function schemaNameOf(typeName: string): string {
  return `Sinba${baseNameOf(typeName)}`;
}

export function renderSinbaCodes(enumerations: XsdEnumeration[], version: string | null): string {
  const lines: string[] = [
    "// This file is written by scripts/generate-sinba-codes.ts from the SINBA XSD published by INPS",
    "// (reference/inps-waas/SINBA.xsd, MIT licence). Do not edit it: change the XSD and run the script.",
    'import { z } from "zod";',
    'import { type CodeList, codesOf } from "./code-list.ts";',
    "",
    `export const sinbaXsdVersion = ${JSON.stringify(version ?? "unknown")};`,
    "",
  ];
  for (const { typeName, entries } of enumerations) {
    const listName = listConstantNameOf(typeName);
    const schemaName = schemaNameOf(typeName);
    lines.push(`/** ${typeName} */`);
    lines.push(`export const ${listName} = [`);
    for (const entry of entries) {
      lines.push(`  { code: ${JSON.stringify(entry.code)}, label: ${JSON.stringify(entry.label)} },`);
    }
    lines.push("] as const satisfies CodeList;");
    lines.push(`export const ${schemaName} = z.enum(codesOf(${listName}));`);
    lines.push(`export type ${schemaName} = z.infer<typeof ${schemaName}>;`);
    lines.push("");
  }
  lines.push("/** Every SINBA code list, by the name of its XSD simple type. */");
  lines.push("export const sinbaCodeLists = {");
  for (const { typeName } of enumerations) {
    lines.push(`  ${typeName}: ${listConstantNameOf(typeName)},`);
  }
  lines.push("} as const;");
  lines.push("export type SinbaCodeListName = keyof typeof sinbaCodeLists;");
  lines.push("");
  return lines.join("\n");
}

function main(): void {
  const xsdPath = path.resolve(process.cwd(), process.argv[2] ?? defaultXsdPath);
  const xsd = readFileSync(xsdPath, "utf8");
  const enumerations = parseXsdEnumerations(xsd);
  if (enumerations.length === 0) {
    throw new Error(`No enumeration found in ${xsdPath}`);
  }
  const target = path.resolve(process.cwd(), outputPath);
  writeFileSync(target, renderSinbaCodes(enumerations, parseXsdVersion(xsd)));
  const codeCount = enumerations.reduce((total, enumeration) => total + enumeration.entries.length, 0);
  console.log(
    `${enumerations.length} code lists, ${codeCount} codes → ${path.relative(process.cwd(), target)}`,
  );
}

const invokedPath = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (import.meta.url === invokedPath || fileURLToPath(import.meta.url) === process.argv[1]) {
  main();
}
