import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/database.ts";
import { AppError, type FieldProblem } from "../../../domain/errors/app-error.ts";
import { defaultDisclosureThreshold } from "../../../domain/reports/disclosure.ts";
import type { ReportId, ReportRequest, ReportResult } from "../../../domain/reports/report.ts";
import {
  checkReportParameters,
  isProvisionalPeriod,
  referencePeriodEnd,
} from "../../../domain/reports/report-parameters.ts";
import { reportTitles } from "../../../domain/reports/report-titles.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import type { AuditSubject } from "../../core/actor.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { admissions } from "./definitions/admissions.ts";
import { definitionTexts } from "./definitions/definition-texts.ts";
import { discharges } from "./definitions/discharges.ts";
import { istatPresidi } from "./definitions/istat-presidi.ts";
import { ministrySurvey } from "./definitions/ministry-survey.ts";
import { occupancy } from "./definitions/occupancy.ts";
import { outOfFamilyStock } from "./definitions/out-of-family-stock.ts";
import { procuraList } from "./definitions/procura-list.ts";
import type { ReportDefinition } from "./definitions/report-definition.ts";
import { timeliness } from "./definitions/timeliness.ts";
import { trend } from "./definitions/trend.ts";

const definitions: Record<ReportId, ReportDefinition> = {
  "out-of-family-stock": outOfFamilyStock,
  admissions,
  discharges,
  "ministry-survey": ministrySurvey,
  "istat-presidi": istatPresidi,
  occupancy,
  trend,
  "procura-list": procuraList,
  timeliness,
};

export type ReportContext = {
  keyring: Keyring;
  subject: AuditSubject;
  regionCode: string;
  clock: Clock;
};

/**
 * Computes a report of the catalogue from the records, as known at `asOf` (or now), for the
 * scope asked: the unsuppressed result, on which disclosure control and files are built.
 */
export async function computeReport(
  db: Database | Executor,
  context: ReportContext,
  request: ReportRequest,
): Promise<ReportResult> {
  const now = context.clock.now();
  const asOf = checkedAsOf(request.asOf, now);
  const today = context.clock.today();
  const checked = checkReportParameters(request.id, request.parameters ?? {}, today);
  if (!checked.ok)
    throw new AppError("validation-failed", "I parametri del prospetto non sono validi.", checked.problems);
  const definition = definitions[request.id];
  const computed = await withoutJit(db, (executor) =>
    definition.compute(
      {
        db: executor,
        asOf,
        isLatest: request.asOf === undefined,
        today,
        scope: request.scope,
        regionCode: context.regionCode,
        keyring: context.keyring,
        subject: context.subject,
      },
      checked.parameters,
    ),
  );
  return {
    report: request.id,
    title: reportTitles[request.id],
    parameters: checked.parameters,
    asOf,
    // Not applied here: the threshold said is the default one, that publication would use.
    suppression: { applied: false, threshold: defaultDisclosureThreshold },
    // Judged on the day of knowledge: today, or the day of an explicit asOf, so that a report
    // asked again with the same asOf years later still says what it said then.
    provisional: isProvisionalPeriod(
      referencePeriodEnd(request.id, checked.parameters),
      request.asOf === undefined ? today : todayInRome(new Date(asOf)),
    ),
    definitions: [...computed.definitions, definitionTexts.asOf(asOf)],
    source: computed.source,
    tables: computed.tables,
  };
}

/**
 * PostgreSQL's JIT compiles the report's classification expressions for longer than it takes to
 * run them (about 0.1 s per statement, measured): off for the report's statements only (SET LOCAL
 * in a transaction, or a savepoint of the caller's). PGlite has no JIT and accepts the setting.
 */
async function withoutJit<T>(db: Database | Executor, work: (executor: Executor) => Promise<T>): Promise<T> {
  return (db as Database).transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // Sorting and grouping tens of thousands of persons in memory, not in temporary files.
    await tx.execute(sql`set local work_mem = '64MB'`);
    return work(tx);
  });
}

function checkedAsOf(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return now.toISOString();
  const problems: FieldProblem[] = [];
  const instant = new Date(asOf);
  const isInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(asOf);
  if (!isInstant || Number.isNaN(instant.getTime()))
    problems.push({
      path: "/asOf",
      code: "invalid-instant",
      message: "Indicare un istante RFC 3339 (es. 2026-01-15T10:00:00Z).",
    });
  else if (instant.getTime() > now.getTime())
    problems.push({
      path: "/asOf",
      code: "date-in-future",
      message: "L'istante di riferimento non può essere futuro.",
    });
  if (problems.length > 0)
    throw new AppError("validation-failed", "I parametri del prospetto non sono validi.", problems);
  return instant.toISOString();
}
