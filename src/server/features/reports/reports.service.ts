import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/database.ts";
import type { Scope } from "../../../domain/access/policy.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { applyDisclosureControl } from "../../../domain/reports/disclosure.ts";
import {
  isReportId,
  type ReportParameters,
  type ReportResult,
  type ReportScope,
  unknownReportMessage,
} from "../../../domain/reports/report.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import type { Actor, AuditSubject, SystemActor } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { computeReport } from "./report-engine.ts";

/**
 * What the API and the command line share when a report is asked for: who may have it and for
 * which structures, whether it is published (disclosure control) or internal, and the access-log
 * entry of the request, whatever its outcome. Files are rendered from the result afterwards.
 */

export type ReportAsk = {
  id: string;
  parameters: ReportParameters;
  asOf?: string;
  /** true asks for the published (suppressed) tables; the observatory always gets them. */
  publication?: boolean;
  /** Recorded in the access log only. */
  format?: string;
};

/** A user acting in one role, or the Region itself (command line, jobs): region scope. */
export type Requester = { actor: Actor } | { system: SystemActor };

export type DeliveryContext = {
  keyring: Keyring;
  regionCode: string;
  suppressionThreshold: number;
  clock: Clock;
};

export async function deliverReport(
  db: Database,
  context: DeliveryContext,
  requester: Requester,
  ask: ReportAsk,
): Promise<ReportResult> {
  const subject: AuditSubject = "actor" in requester ? requester.actor : requester.system;
  const isProcura = ask.id === "procura-list";
  try {
    // The one check of the report's id: the engine takes only ids of the catalogue.
    const id = ask.id;
    if (!isReportId(id)) throw new AppError("not-found", unknownReportMessage);
    const scope = scopeOf(requester, isProcura);
    const isPublished = scope === "published" || ask.publication === true;
    if (scope === "published" && ask.publication === false)
      throw new AppError(
        "forbidden",
        "Il ruolo attivo riceve solo prospetti pubblicati, con tutela statistica: publication=false non è consentito.",
      );
    if (isProcura && ask.publication === true)
      throw new AppError("validation-failed", "L'elenco per la Procura è nominativo e non si pubblica.", [
        {
          path: "/publication",
          code: "not-publishable",
          message: "L'elenco per la Procura non si pubblica.",
        },
      ]);
    const reportScope = await resolveReportScope(db, requester, scope, ask.parameters, isProcura);
    const { structure, zone, province, ...own } = ask.parameters;
    const computed = await db.transaction(async (tx) => {
      const result = await computeReport(
        tx,
        { keyring: context.keyring, subject, regionCode: context.regionCode, clock: context.clock },
        {
          id,
          parameters: isProcura ? ask.parameters : own,
          asOf: ask.asOf,
          scope: reportScope,
        },
      );
      await appendAuditEntry(tx, subject, auditRecord(ask, "success", isPublished));
      return result;
    });
    const filters = Object.fromEntries(
      Object.entries({ structure, zone, province }).filter(
        ([, value]) => value !== undefined && value !== "",
      ),
    );
    const shown = { ...computed, parameters: { ...computed.parameters, ...filters } };
    if (!isPublished) return shown;
    const threshold = context.suppressionThreshold;
    return {
      ...shown,
      suppression: { applied: true, threshold },
      tables: applyDisclosureControl(shown.tables, threshold),
    };
  } catch (error) {
    const isDenied = error instanceof AppError && (error.code === "forbidden" || error.code === "not-found");
    await db.transaction((tx) =>
      appendAuditEntry(
        tx,
        subject,
        auditRecord(ask, isDenied ? "denied" : "failure", ask.publication === true),
      ),
    );
    throw error;
  }
}

function scopeOf(requester: Requester, isProcura: boolean): Scope {
  if ("system" in requester) {
    if (isProcura)
      throw new AppError(
        "forbidden",
        "L'elenco per la Procura è riservato al responsabile della struttura (applicazione web o API).",
      );
    return "region";
  }
  return authorize(requester.actor, isProcura ? "report.procura" : "report.read");
}

function auditRecord(
  ask: ReportAsk,
  outcome: "success" | "denied" | "failure",
  isPublished: boolean,
): AuditRecord {
  const parameters = Object.fromEntries(
    Object.entries(ask.parameters).filter(([, value]) => value !== undefined && value !== ""),
  );
  return {
    action: "report.read",
    resourceType: "report",
    resourceId: ask.id.slice(0, 60),
    purpose: ask.id === "procura-list" ? "legal-obligation" : "statistics",
    outcome,
    details: {
      parameters,
      asOf: ask.asOf ?? null,
      publication: isPublished,
      format: ask.format ?? "json",
    },
  };
}

/**
 * The structures a report covers: the caller's scope, narrowed by the structure, zone or province
 * asked for. A structure out of scope answers 404 like one that does not exist.
 */
async function resolveReportScope(
  db: Database,
  requester: Requester,
  scope: Scope,
  parameters: ReportParameters,
  isProcura: boolean,
): Promise<ReportScope> {
  const structureCode = parameters.structure?.trim() || undefined;
  const zone = isProcura ? undefined : parameters.zone?.trim() || undefined;
  const province = isProcura ? undefined : parameters.province?.trim().toUpperCase() || undefined;
  const isWholeRegion = scope === "region" || scope === "published";
  if (isWholeRegion && !structureCode && !zone && !province) return { kind: "region" };
  if (zone)
    await checkExists(
      db,
      sql`select 1 from zone where code = ${zone}`,
      "zone",
      "Zona distretto non esistente.",
    );
  if (province)
    await checkExists(
      db,
      sql`select 1 from comune where province_abbreviation = ${province} or province_code = ${province} limit 1`,
      "province",
      "Provincia non esistente (sigla, es. FI, o codice ISTAT).",
    );
  const inScope: SQL =
    isWholeRegion || !("actor" in requester) ? sql`true` : structureScopeCondition(requester.actor, scope);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select structure.id from structure
        left join lateral (select v.comune from structure_version v where v.structure_id = structure.id
          order by v.valid_from desc, v.version desc limit 1) latest on true
        where ${inScope}
          ${structureCode ? sql`and structure.code = ${structureCode}` : sql``}
          ${zone ? sql`and exists (select 1 from zone_comune zc where zc.zone_code = ${zone} and zc.comune_code = latest.comune)` : sql``}
          ${province ? sql`and exists (select 1 from comune c where c.istat_code = latest.comune and (c.province_abbreviation = ${province} or c.province_code = ${province}))` : sql``}
        order by structure.id`,
  );
  if (structureCode && rows.length === 0)
    throw new AppError("not-found", "La struttura richiesta non esiste.");
  return { kind: "structures", structureIds: rows.map((row) => row.id) };
}

async function checkExists(db: Database, query: SQL, name: string, message: string) {
  const rows = await queryRows(db, query);
  if (rows.length === 0)
    throw new AppError("validation-failed", "I parametri del prospetto non sono validi.", [
      { path: `/parameters/${name}`, code: "unknown-code", message },
    ]);
}
