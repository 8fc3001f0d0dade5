import ExcelJS from "exceljs";
import { auditActions, auditResourceTypes } from "../../src/domain/access/audit-codes.ts";
import { actionLabels, scopeCodes } from "../../src/domain/access/policy.ts";
import { purposes } from "../../src/domain/access/purposes.ts";
import { organisationKindLabels, roleLabels } from "../../src/domain/access/roles.ts";
import { signInRefusals } from "../../src/domain/access/sign-in-outcomes.ts";
import * as codeLists from "../../src/domain/code-lists/index.ts";
import { appErrorCodes } from "../../src/domain/errors/app-error.ts";
import { reportIds } from "../../src/domain/reports/report.ts";
import { reportValueLists } from "../../src/domain/reports/report-labels.ts";

/**
 * What a person must never read: a code of the project's closed lists (`several-present-stays`,
 * `report.read`, `structure-operator`…) where its Italian label belongs, an English column id
 * (`referringService`), a machine client's raw id (`client:…`). Codes that are also Italian words
 * of some label (`socio-educativa`, `18-21`) are not codes out of place.
 */

type Entry = { code: string; label: string };

function isEntryList(value: unknown): value is Entry[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => typeof entry?.code === "string" && typeof entry?.label === "string")
  );
}

const lists: Entry[][] = [
  ...(Object.values(codeLists) as unknown[]).filter(isEntryList),
  ...reportValueLists().map((list) => [...list]),
  [...auditActions],
  [...auditResourceTypes],
  [...purposes].map((entry) => ({ code: entry.code, label: entry.label })),
  Object.entries(roleLabels).map(([code, label]) => ({ code, label })),
  Object.entries(organisationKindLabels).map(([code, label]) => ({ code, label })),
  Object.entries(actionLabels).map(([code, label]) => ({ code, label })),
  Object.entries(scopeCodes).map(([code, label]) => ({ code, label })),
  Object.entries(appErrorCodes).map(([code, label]) => ({ code, label })),
  Object.entries(signInRefusals).map(([code, label]) => ({ code, label })),
  reportIds.map((code) => ({ code, label: "" })),
];

/** A code made of words joined by hyphens or dots: the shape no Italian sentence has. */
const codeShape = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+$/;
const tokenPattern = /[A-Za-z0-9]+(?:[.:-][A-Za-z0-9]+)+|[A-Za-z0-9]+/g;

const labelWords = new Set(lists.flat().flatMap((entry) => entry.label.match(tokenPattern) ?? []));
const knownCodes = new Set(
  lists
    .flat()
    .map((entry) => entry.code)
    .filter((code) => codeShape.test(code) && !labelWords.has(code)),
);

/**
 * The untranslated codes in a text, each once. `extraCodes`: codes a test knows besides the closed
 * lists, such as the Region's zone codes.
 */
export function findUntranslatedCodes(text: string, extraCodes: Iterable<string> = []): string[] {
  const extra = new Set([...extraCodes].filter((code) => !labelWords.has(code)));
  const found = new Set<string>();
  for (const match of text.matchAll(/client:[0-9a-f-]{8,}/g)) found.add(match[0]);
  for (const token of text.match(tokenPattern) ?? []) {
    const word = token.replace(/[.:-]+$/, "");
    if (knownCodes.has(word) || extra.has(word)) found.add(word);
    // camelCase: an identifier of the code (a column id), never an Italian word.
    else if (/^[a-z]+(?:[A-Z][a-z0-9]+)+$/.test(word)) found.add(word);
  }
  return [...found];
}

/** Every text of a workbook: cell values of every sheet. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    texts.push(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        texts.push(String(cell.value ?? ""));
      });
    });
  }
  return texts.join("\n");
}

/** The text of every page of a PDF, as a reader's viewer extracts it. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await document.destroy();
  return pages.join("\n");
}
