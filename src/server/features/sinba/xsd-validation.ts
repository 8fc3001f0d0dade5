import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ErrorDetail, XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";

/**
 * Validation of XML against the official INPS schemas, copied in ./xsd (MIT, INPS: see ./xsd/LICENSE)
 * so that the product never needs ../shared. libxml2 compiled to WebAssembly (libxml2-wasm): the same
 * validator as xmllint, with no native build and no system package.
 *
 * Problems come back one per libxml2 error, with the line, a stable code and an Italian message that
 * names the element or attribute but never repeats the value found: an XML may carry personal data
 * (the operator's fiscal code in SINBA, the beneficiary's in PS/PSA).
 */
export const xsdSchemas = {
  /** The national SINBA record (namespace http://inps.it/Casellario). */
  sinba: "SINBA.xsd",
  /** The sibling flow of interventions (PS/PSA/SINA, December 2018). */
  "ps-psa-sina": "PS_PSA_SINA201812.xsd",
} as const;
export type XsdSchemaName = keyof typeof xsdSchemas;

export const xsdFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "xsd");

export type XsdProblemCode =
  | "xml-not-well-formed"
  | "xsd-missing-element"
  | "xsd-unexpected-element"
  | "xsd-missing-attribute"
  | "xsd-unexpected-attribute"
  | "xsd-value-not-allowed"
  | "xsd-value-too-long"
  | "xsd-value-too-short"
  | "xsd-value-malformed"
  | "xsd-wrong-root"
  | "xsd-invalid";

export interface XsdProblem {
  code: XsdProblemCode;
  /** 1-based line of the XML where libxml2 found the problem. */
  line: number;
  /** The element, and the attribute when the problem is in one: "SINBA", "SINBA/@IDBeneficiario". */
  where: string | undefined;
  message: string;
}

export type XsdValidation = { ok: true } | { ok: false; problems: XsdProblem[] };

const validators = new Map<XsdSchemaName, XsdValidator>();

/** Compiled once per process and kept: a schema is small and validating with it is then cheap. */
function validatorFor(schema: XsdSchemaName): XsdValidator {
  let validator = validators.get(schema);
  if (!validator) {
    const document = XmlDocument.fromBuffer(fs.readFileSync(path.join(xsdFolder, xsdSchemas[schema])));
    try {
      validator = XsdValidator.fromDoc(document);
    } finally {
      document.dispose();
    }
    validators.set(schema, validator);
  }
  return validator;
}

/** Validates an XML document (text or bytes) against one of the official schemas. */
export function validateAgainstXsd(xml: string | Uint8Array, schema: XsdSchemaName): XsdValidation {
  const validator = validatorFor(schema);
  let document: XmlDocument;
  try {
    document = typeof xml === "string" ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  } catch (error) {
    return { ok: false, problems: notWellFormed(error) };
  }
  try {
    validator.validate(document);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof XmlLibError)) throw error;
    return { ok: false, problems: detailsOf(error).map(problemOf) };
  } finally {
    document.dispose();
  }
}

type Detail = Pick<ErrorDetail, "message" | "line">;

function detailsOf(error: XmlLibError): Detail[] {
  return error.details.length > 0 ? error.details : [{ message: error.message, line: 0 }];
}

function notWellFormed(error: unknown): XsdProblem[] {
  const details = error instanceof XmlLibError ? detailsOf(error) : [{ message: String(error), line: 0 }];
  const first = details[0];
  return [
    {
      code: "xml-not-well-formed",
      line: first.line,
      where: undefined,
      message:
        first.line > 0
          ? `Il documento XML non è ben formato (riga ${first.line}): ${wellFormednessHint(first.message)}.`
          : "Il documento XML non è ben formato o è vuoto.",
    },
  ];
}

/** libxml2's parser messages name tags, never values; the common ones are said in Italian. */
function wellFormednessHint(message: string): string {
  if (/Premature end of data|EndTag: '<\/' not found|Extra content at the end/.test(message)) {
    return "il documento è troncato o ha contenuto dopo l'elemento principale";
  }
  const mismatch = message.match(/Opening and ending tag mismatch: (\S+)/);
  if (mismatch) return `il tag ${mismatch[1]} non è chiuso correttamente`;
  if (/Start tag expected|Document is empty/.test(message)) return "non contiene un elemento XML";
  if (/AttValue|attributes construct error|Couldn't find end of Start Tag/.test(message)) {
    return "un attributo è scritto male";
  }
  if (/Entity|xmlParseEntityRef|EntityRef/.test(message)) return "un carattere & non è scritto come &amp;";
  return "la sintassi XML non è rispettata";
}

function localName(qualified: string): string {
  return qualified.replace(/^\{[^}]*\}/, "");
}

function expectedElements(message: string): string {
  const expected = message.match(/Expected is (?:one of )?\(\s*([^)]*)\)/)?.[1] ?? "";
  return expected
    .split(",")
    .map((name) => localName(name.trim()))
    .filter((name) => name.length > 0)
    .join(", ");
}

function problemOf(detail: Detail): XsdProblem {
  const message = detail.message.trim();
  const element = message.match(/^Element '([^']+)'/)?.[1];
  const attribute = message.match(/^Element '[^']+', attribute '([^']+)'/)?.[1];
  const elementName = element ? localName(element) : undefined;
  const where = elementName && attribute ? `${elementName}/@${attribute}` : elementName;
  const subject = attribute
    ? `L'attributo ${attribute} dell'elemento ${elementName}`
    : `L'elemento ${elementName ?? "?"}`;
  const problem = (code: XsdProblemCode, text: string): XsdProblem => ({
    code,
    line: detail.line,
    where,
    message: `Riga ${detail.line}: ${text}`,
  });

  const missingAttribute = message.match(/The attribute '([^']+)' is required but missing/);
  if (missingAttribute) {
    return problem(
      "xsd-missing-attribute",
      `manca l'attributo obbligatorio ${missingAttribute[1]} dell'elemento ${elementName}.`,
    );
  }
  if (/Missing child element/.test(message)) {
    return problem(
      "xsd-missing-element",
      `nell'elemento ${elementName} manca l'elemento obbligatorio ${expectedElements(message)}.`,
    );
  }
  if (/This element is not expected/.test(message)) {
    const expected = expectedElements(message);
    return problem(
      "xsd-unexpected-element",
      `l'elemento ${elementName} non è previsto in questa posizione${expected ? ` (atteso: ${expected})` : ""}.`,
    );
  }
  const unexpectedAttribute = message.match(/The attribute '([^']+)' is not allowed/);
  if (unexpectedAttribute) {
    return problem(
      "xsd-unexpected-attribute",
      `l'attributo ${unexpectedAttribute[1]} non è previsto nell'elemento ${elementName}.`,
    );
  }
  if (/No matching global declaration available for the validation root/.test(message)) {
    return problem("xsd-wrong-root", `l'elemento principale ${elementName} non è quello dello schema.`);
  }
  const enumeration = message.match(/\[facet 'enumeration'\].*set \{([^}]*)\}/);
  if (enumeration) {
    const allowed = enumeration[1].replace(/'/g, "").replace(/\s+/g, " ").trim();
    return problem(
      "xsd-value-not-allowed",
      `${subject} ha un valore non ammesso (valori ammessi: ${allowed}).`,
    );
  }
  const tooLong = message.match(
    /\[facet '(?:maxLength|length)'\].*has a length of '(\d+)'.*length of '(\d+)'/,
  );
  if (tooLong && Number(tooLong[1]) > Number(tooLong[2])) {
    return problem(
      "xsd-value-too-long",
      `${subject} è lungo ${tooLong[1]} caratteri: al massimo ${tooLong[2]}.`,
    );
  }
  const tooShort = message.match(
    /\[facet '(?:minLength|length)'\].*has a length of '(\d+)'.*length of '(\d+)'/,
  );
  if (tooShort) {
    return problem(
      "xsd-value-too-short",
      `${subject} è lungo ${tooShort[1]} caratteri: almeno ${tooShort[2]}.`,
    );
  }
  if (/\[facet 'pattern'\]/.test(message)) {
    return problem("xsd-value-malformed", `${subject} non ha il formato richiesto dallo schema.`);
  }
  if (/\[facet '(maxInclusive|minInclusive|maxExclusive|minExclusive)'\]/.test(message)) {
    return problem("xsd-value-not-allowed", `${subject} è fuori dall'intervallo ammesso.`);
  }
  if (/is not a valid value of the (atomic|local atomic) type/.test(message)) {
    return problem("xsd-value-malformed", `${subject} non è del tipo richiesto dallo schema.`);
  }
  return problem("xsd-invalid", `${subject} non rispetta lo schema.`);
}
