import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";

/**
 * Export by hand (`sirmi sinba export`): the recorded flows of one ente, as the XML documents
 * that were validated against SINBA.xsd and stored, one file per flow named by its id_flusso.
 *
 * Exporting marks nothing: a flow's status and INPS's outcome are written only by the WaaS
 * e-service, so an ente that exports its flows (to hand them over, to check them, to migrate)
 * never changes what INPS reads with GET /flussi. The export itself is written in the access log.
 */
export type SinbaExportOptions = {
  /** The ente's Belfiore code, the first part of every id_flusso it sends (D612). */
  belfiore: string;
  /** Only flows recorded on or after this day (YYYY-MM-DD, Europe/Rome). */
  since?: string;
  folder: string;
  /** Called with the flows written so far and the total. */
  progress?: (done: number, total: number) => void;
};

export type SinbaExportResult = { flows: number; files: string[] };

const belfiorePattern = /^[A-Z]\d{3}$/;
const dayPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const batchSize = 500;
const system = { system: true as const, label: "export SINBA" };

export async function exportSinbaFlows(
  db: Executor,
  options: SinbaExportOptions,
): Promise<SinbaExportResult> {
  const belfiore = options.belfiore.trim().toUpperCase();
  if (!belfiorePattern.test(belfiore))
    throw new AppError(
      "validation-failed",
      "Codice dell'ente non valido: indicare il codice Belfiore (una lettera e tre cifre, per esempio D612).",
    );
  if (options.since !== undefined && !dayPattern.test(options.since))
    throw new AppError(
      "validation-failed",
      "Data di inizio non valida: usare AAAA-MM-GG (per esempio 2026-01-31).",
    );
  const [ente] = await queryRows<{ services: number }>(
    db,
    sql`select count(*)::int as services from organisation o join comune c on c.istat_code = o.comune
        where o.kind = 'social-service' and c.belfiore = ${belfiore}`,
  );
  if (ente.services === 0)
    throw new AppError(
      "not-found",
      `Nessun servizio sociale di S.I.R.MI ha sede nel comune con codice Belfiore ${belfiore}: ente sconosciuto.`,
    );
  const since = options.since ?? "0001-01-01";
  const prefix = `${belfiore}.SINBA.%`;
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from sinba_flow
        where id_flusso like ${prefix} and recorded_at >= (${since}::timestamp at time zone 'Europe/Rome')`,
  );
  fs.mkdirSync(options.folder, { recursive: true });
  const files: string[] = [];
  options.progress?.(0, total);
  let after = 0;
  while (files.length < total) {
    const rows = await queryRows<{ sequence: number; idFlusso: string; xml: string }>(
      db,
      sql`select sequence::float8 as sequence, id_flusso as "idFlusso", xml from sinba_flow
          where id_flusso like ${prefix} and recorded_at >= (${since}::timestamp at time zone 'Europe/Rome')
            and sequence > ${after}
          order by sequence limit ${batchSize}`,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const file = path.join(options.folder, `${row.idFlusso}.xml`);
      fs.writeFileSync(file, row.xml);
      files.push(file);
    }
    after = rows[rows.length - 1].sequence;
    options.progress?.(files.length, total);
  }
  await appendAuditEntry(db, system, {
    action: "sinba.export",
    resourceType: "case",
    purpose: "legal-obligation",
    outcome: "success",
    details: { belfiore, since: options.since ?? null, flows: files.length },
  });
  return { flows: files.length, files };
}
