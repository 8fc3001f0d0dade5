import { sql } from "drizzle-orm";
import { lockMinorsForCases } from "../../../db/case-minor-lock.sql.ts";
import { type Executor, queryRows } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";

/**
 * A merge moves the SINBA case file of the merged record to the survivor (`minorReferences`), and
 * one child may have one open case per service. Before anything moves, the cases of both records
 * are locked (their rows, as the case write path does, then the minors' advisory locks of the case
 * openings): a fact recorded or a case opened meanwhile is either seen here or waits for the merge.
 */
export async function lockCasesOfMinors(tx: Executor, minorIds: string[]) {
  await queryRows(
    tx,
    sql`select id from social_case
        where minor_id in (select m::uuid from jsonb_array_elements_text(${JSON.stringify(minorIds)}::jsonb) as t(m))
        order by id for update`,
  );
  await lockMinorsForCases(tx, minorIds);
}

/**
 * Refuses a merge that would give the child two open cases of the same service: that service
 * closes one of the two first (its facts stay in the closed case, which moves too), then the
 * steward merges again. Nothing has been changed when this is thrown.
 */
export async function refuseTwoOpenCasesOfOneService(tx: Executor, survivorId: string, mergedId: string) {
  const rows = await queryRows<{ serviceName: string }>(
    tx,
    sql`select distinct o.name as "serviceName"
        from social_case a join social_case b on b.service_organisation_id = a.service_organisation_id
          join organisation o on o.id = a.service_organisation_id
        where a.minor_id = ${survivorId}::uuid and b.minor_id = ${mergedId}::uuid
          and a.closed_on is null and b.closed_on is null
        order by o.name`,
  );
  if (rows.length === 0) return;
  const services = rows.map((row) => row.serviceName).join(", ");
  throw new AppError(
    "merge-open-cases-conflict",
    `Entrambi i minori hanno una cartella sociale aperta presso lo stesso servizio (${services}): ` +
      "un minore può avere una sola cartella aperta per servizio. Il servizio deve prima chiudere una " +
      "delle due cartelle; poi l'unione potrà essere decisa. Nessun dato è stato modificato.",
  );
}

/**
 * Rows of a moved case written while the merge stood (facts, placement requests) name the
 * survivor: an undo takes them back with their case, as it takes back the rows the merge moved.
 */
export async function followCasesBack(
  tx: Executor,
  reference: { table: string; column: string; caseColumn: string },
  caseIds: string[],
  from: string,
  to: string,
) {
  if (caseIds.length === 0) return;
  await tx.execute(
    sql`update ${sql.identifier(reference.table)} set ${sql.identifier(reference.column)} = ${to}
        where ${sql.identifier(reference.column)} = ${from}
          and ${sql.identifier(reference.caseColumn)}::text in (${sql.join(
            caseIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
}
