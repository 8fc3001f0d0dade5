import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { type Database, queryRows, type Transaction } from "../../../db/database.ts";
import { projectCase } from "../../../domain/cases/case-projection.ts";
import type { CaseEventResult } from "../../../domain/cases/decide-case-events.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import {
  factsOfSinbaRecord,
  type ImportedSinbaRecord,
  type PlannedCaseFact,
} from "../../../domain/sinba/sinba-record-facts.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { recordClientCaseEvents } from "../cases/index.ts";
import { findCaseEventsForFlow } from "./sinba-flows.queries.ts";
import { validateAgainstXsd } from "./xsd-validation.ts";

/**
 * Import by hand (`sirmi sinba import`): a SINBA flow document produced by another system, for an
 * ente migrating to S.I.R.MI. The whole file is refused, storing nothing, when it is too large, not
 * well-formed, not valid against SINBA.xsd or of an ente S.I.R.MI does not serve. Then each record
 * (SINBA element) is matched to a case and brought in as facts of that case through the case
 * pipeline the API uses (recordClientCaseEvents), each record all or nothing. Rules: docs/sinba.md.
 */
export const maxSinbaImportBytes = 20 * 1024 * 1024;

export type SinbaImportOutcome = {
  /** 1-based position of the SINBA element in the file. */
  record: number;
  outcome: "imported" | "unchanged" | "not-matched" | "rejected";
  /** The matched case and its minor's pseudonym; never set for a record that was not matched. */
  caseId?: string;
  minorPseudonym?: string;
  facts: number;
  message: string;
  notMapped: string[];
  problems: { code: string; path: string; message: string }[];
};

export type SinbaImportReport = {
  flow: string;
  service: string;
  records: number;
  imported: number;
  unchanged: number;
  notMatched: number;
  rejected: number;
  outcomes: SinbaImportOutcome[];
};

export type SinbaImportDependencies = { db: Database; keyring: Keyring; clock: Clock };

const fiscalCodePattern = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/i;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => name === "SINBA" || name === "CodicePrestazione" || name === "ComposizioneFamiglia",
});

type ParsedFlow = {
  Flusso: {
    IdentificazioneFlusso: { Nome: string; Ente: { Codice: string; Indirizzo: string } };
    SINBA: (Record<string, unknown> & {
      Prestazioni?: { CodicePrestazione?: string[] };
      Famiglia?: { ComposizioneFamiglia?: string[] };
    })[];
  };
};

type Service = { id: string; code: string; belfiore: string | null };

/** Thrown inside a record's transaction to undo it when one of its facts is refused. */
class RecordRefused extends Error {
  constructor(readonly results: CaseEventResult[]) {
    super("record refused");
  }
}

export async function importSinbaXml(
  deps: SinbaImportDependencies,
  xml: Uint8Array,
  options: { serviceCode?: string; progress?: (done: number, total: number) => void } = {},
): Promise<SinbaImportReport> {
  if (xml.byteLength > maxSinbaImportBytes)
    throw new AppError(
      "payload-too-large",
      `Il file è di ${Math.ceil(xml.byteLength / 1024 / 1024)} MB: al massimo ${maxSinbaImportBytes / 1024 / 1024} MB. Dividerlo in più flussi.`,
    );
  const validation = validateAgainstXsd(xml, "sinba");
  if (!validation.ok) {
    const first = validation.problems[0];
    const code = first.code === "xml-not-well-formed" ? "invalid-request" : "validation-failed";
    throw new AppError(
      code,
      first.code === "xml-not-well-formed"
        ? `Il file non è importato: ${first.message}`
        : `Il file non è importato: non è conforme allo schema SINBA (${validation.problems.length} problemi).`,
      validation.problems.map((problem) => ({
        path: problem.where ?? "",
        code: problem.code,
        message: problem.message,
      })),
    );
  }
  const flow = (parser.parse(Buffer.from(xml).toString("utf8")) as ParsedFlow).Flusso;
  const ente = flow.IdentificazioneFlusso.Ente;
  const service = await findImportService(deps.db, options.serviceCode ?? ente.Codice);
  if (!service)
    throw new AppError(
      "unknown-organisation",
      options.serviceCode
        ? `Il servizio ${options.serviceCode} non è un servizio sociale di S.I.R.MI: nulla è importato.`
        : `L'ente ${ente.Codice} del file non è un servizio sociale di S.I.R.MI: nulla è importato. Indicare il servizio che ne riceve le cartelle con --service.`,
    );
  if (service.belfiore && ente.Indirizzo !== service.belfiore)
    throw new AppError(
      "validation-failed",
      `Il file è dell'ente con codice Belfiore ${ente.Indirizzo}, il servizio ${service.code} ha sede nel comune ${service.belfiore}: nulla è importato.`,
    );
  const today = deps.clock.today();
  const flowDay = flow.IdentificazioneFlusso.Nome.match(/\.SINBA\.(\d{4})(\d{2})(\d{2})\./);
  const named = flowDay ? `${flowDay[1]}-${flowDay[2]}-${flowDay[3]}` : today;
  const referenceDay = [named, today].sort()[0];
  const outcomes: SinbaImportOutcome[] = [];
  options.progress?.(0, flow.SINBA.length);
  for (const [index, element] of flow.SINBA.entries()) {
    outcomes.push(
      await importRecord(
        deps,
        service,
        { index, flowName: flow.IdentificazioneFlusso.Nome, referenceDay },
        element,
      ),
    );
    options.progress?.(index + 1, flow.SINBA.length);
  }
  const count = (outcome: SinbaImportOutcome["outcome"]) =>
    outcomes.filter((item) => item.outcome === outcome).length;
  const report: SinbaImportReport = {
    flow: flow.IdentificazioneFlusso.Nome,
    service: service.code,
    records: outcomes.length,
    imported: count("imported"),
    unchanged: count("unchanged"),
    notMatched: count("not-matched"),
    rejected: count("rejected"),
    outcomes,
  };
  await appendAuditEntry(
    deps.db,
    { system: true, label: "import SINBA" },
    {
      action: "sinba.import",
      resourceType: "case",
      purpose: "care",
      outcome: "success",
      details: {
        service: service.code,
        records: report.records,
        imported: report.imported,
        unchanged: report.unchanged,
        notMatched: report.notMatched,
        rejected: report.rejected,
      },
    },
  );
  return report;
}

function recordOf(element: ParsedFlow["Flusso"]["SINBA"][number]): ImportedSinbaRecord {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(element))
    if (typeof value === "string" && name !== "xmlns") attributes[name] = value;
  return {
    attributes,
    Prestazioni: (element.Prestazioni?.CodicePrestazione ?? []).map((code) => String(code).trim()),
    ComposizioneFamiglia: (element.Famiglia?.ComposizioneFamiglia ?? []).map((code) => String(code).trim()),
  };
}

/** A stable id per case, flow, record and fact: importing the same file again adds nothing. */
function factId(caseId: string, flowName: string, index: number, key: string): string {
  const hex = createHash("sha256").update(`${caseId}|${flowName}|${index}|${key}`).digest("hex");
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function importRecord(
  deps: SinbaImportDependencies,
  service: Service,
  position: { index: number; flowName: string; referenceDay: string },
  element: ParsedFlow["Flusso"]["SINBA"][number],
): Promise<SinbaImportOutcome> {
  const record = recordOf(element);
  const base = { record: position.index + 1, facts: 0, notMapped: [], problems: [] };
  const beneficiary = record.attributes.IDBeneficiario ?? "";
  if (fiscalCodePattern.test(beneficiary))
    return {
      ...base,
      outcome: "not-matched",
      message:
        "IDBeneficiario ha la forma di un codice fiscale: S.I.R.MI non lo accetta (il minore si indica con il suo pseudonimo). Record non importato.",
    };
  const found = await findCaseOfPseudonym(deps.db, service.id, beneficiary);
  if (!found)
    return {
      ...base,
      outcome: "not-matched",
      message: `Nessuna cartella del servizio ${service.code} per il minore indicato da IDBeneficiario: aprirla in S.I.R.MI, poi importare di nuovo il file.`,
    };
  const matched = { ...base, caseId: found.caseId, minorPseudonym: beneficiary };
  try {
    return await deps.db.transaction(async (tx) => {
      await lockCase(tx, found.caseId);
      const projection = projectCase(await findCaseEventsForFlow(tx, found.caseId));
      const planned = factsOfSinbaRecord(record, projection, {
        referenceDay: position.referenceDay,
        today: deps.clock.today(),
      });
      if (planned.facts.length === 0)
        return {
          ...matched,
          notMapped: planned.notMapped,
          outcome: "unchanged" as const,
          message: "La cartella dice già quanto il record: nessun fatto aggiunto.",
        };
      const events = planned.facts.map((fact) => eventOf(fact, found.caseId, position));
      const results = await recordClientCaseEvents(
        tx as unknown as Database,
        { today: deps.clock.today(), now: deps.clock.now(), keyring: deps.keyring },
        { id: service.id, serviceId: service.id, serviceCode: service.code },
        events,
      );
      if (results.some((result) => result.status === "rejected")) throw new RecordRefused(results);
      return {
        ...matched,
        notMapped: planned.notMapped,
        facts: results.filter((result) => result.status === "accepted").length,
        outcome: "imported" as const,
        message: "Record importato come fatti della cartella.",
      };
    });
  } catch (error) {
    if (!(error instanceof RecordRefused)) throw error;
    return {
      ...matched,
      outcome: "rejected",
      message: "Un fatto del record è stato respinto dalla cartella: nulla del record è importato.",
      problems: error.results.flatMap((result) =>
        result.errors.map((problem) => ({
          code: problem.code,
          path: problem.path,
          message: problem.message,
        })),
      ),
    };
  }
}

function eventOf(
  fact: PlannedCaseFact,
  caseId: string,
  position: { index: number; flowName: string },
): Record<string, unknown> {
  const { key, fosterCareStartKey, ...event } = fact;
  const idOf = (of: string) => factId(caseId, position.flowName, position.index, of);
  return {
    ...event,
    id: idOf(key),
    caseId,
    ...(typeof fosterCareStartKey === "string" ? { fosterCareStart: idOf(fosterCareStartKey) } : {}),
  };
}

async function findImportService(db: Database, code: string): Promise<Service | undefined> {
  const [row] = await queryRows<Service>(
    db,
    sql`select o.id, o.code, c.belfiore from organisation o left join comune c on c.istat_code = o.comune
        where o.code = ${code} and o.kind = 'social-service'`,
  );
  return row;
}

/** The minor's open case at the service, otherwise its latest closed one. */
async function findCaseOfPseudonym(db: Database, serviceId: string, pseudonym: string) {
  const [row] = await queryRows<{ caseId: string }>(
    db,
    sql`select c.id as "caseId" from social_case c join minor m on m.id = c.minor_id
        where m.pseudonym = ${pseudonym} and c.service_organisation_id = ${serviceId}::uuid
        order by (c.status = 'open') desc, c.opened_on desc limit 1`,
  );
  return row;
}

async function lockCase(tx: Transaction, caseId: string) {
  await tx.execute(sql`select id from social_case where id = ${caseId}::uuid for update`);
}
