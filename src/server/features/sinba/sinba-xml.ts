import { createHash } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import { type SinbaRecord, sinbaAttributeOrder } from "../../../domain/sinba/index.ts";

/** The namespace of the national schema (reference/inps-waas/SINBA.xsd). */
export const sinbaNamespace = "http://inps.it/Casellario";

/**
 * The sender of a flow (IdentificazioneFlusso/Ente): the ente's code, its name, its Belfiore code
 * (the XSD's 4-character Indirizzo) and the tax code the XSD asks for (CFOperatore: the ente's
 * 11-digit VAT/tax number, never a person's fiscal code in S.I.R.MI's flows).
 */
export interface SinbaSender {
  code: string;
  name?: string;
  belfiore: string;
  taxCode: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
  format: false,
});

/** The record's attributes in the XSD's order, absent ones left out. */
function attributesOf(record: SinbaRecord): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of sinbaAttributeOrder) {
    const value = record[name];
    if (value !== undefined) attributes[`@_${name}`] = value;
  }
  return attributes;
}

/**
 * A flow document: one Flusso named `idFlusso`, one sender, one SINBA element per record (the
 * WaaS e-service sends one beneficiary per flow). fast-xml-parser escapes attribute values.
 */
export function serialiseSinbaFlow(
  idFlusso: string,
  sender: SinbaSender,
  records: readonly SinbaRecord[],
): string {
  const ente: Record<string, string> = { "@_Codice": sender.code };
  if (sender.name) ente["@_Denominazione"] = sender.name.slice(0, 100);
  ente["@_Indirizzo"] = sender.belfiore;
  ente["@_CFOperatore"] = sender.taxCode;
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Flusso: {
      "@_xmlns": sinbaNamespace,
      IdentificazioneFlusso: { "@_Nome": idFlusso, Ente: ente },
      SINBA: records.map((record) => ({
        ...attributesOf(record),
        Prestazioni: { CodicePrestazione: record.Prestazioni },
        Famiglia: { ComposizioneFamiglia: record.ComposizioneFamiglia },
      })),
    },
  };
  return builder.build(document) as string;
}

/** The canonical form of a record: its attributes in the XSD's order, then its lists as they are. */
export function canonicalSinbaRecord(record: SinbaRecord): string {
  const attributes = sinbaAttributeOrder.map((name) => [name, record[name] ?? null]);
  return JSON.stringify([attributes, record.Prestazioni, record.ComposizioneFamiglia]);
}

/** The digest of a record (not of the flow): the same record is never recorded twice. */
export function digestOfSinbaRecord(record: SinbaRecord): string {
  return createHash("sha256").update(canonicalSinbaRecord(record)).digest("hex");
}
