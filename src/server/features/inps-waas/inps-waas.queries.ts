import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";

const textList = (values: string[]) =>
  sql`(select e from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as t(e))`;

/** The enti an INPS client reads; undefined when the client is not INPS's. */
export async function findInpsClientEnti(db: Executor, clientId: string): Promise<string[] | undefined> {
  const [row] = await queryRows<{ enti: string[] }>(
    db,
    sql`select array(select e.belfiore from inps_client_ente e where e.client_id = c.client_id
          order by e.belfiore) as enti
        from inps_client c where c.client_id = ${clientId}::uuid`,
  );
  return row?.enti;
}

export type WaasFlowRow = {
  codiceEnte: string;
  denominazioneEnte: string;
  idFlusso: string;
  tsFlusso: string;
  xml: string;
};

/**
 * The flows of the given enti recorded strictly after `after`, oldest first. `recorded_at` is
 * distinct to the millisecond and handed out in commit order (the sinba_flow_stamp trigger).
 */
export async function listFlowsAfter(
  db: Executor,
  enti: string[],
  after: string,
  limit: number,
): Promise<WaasFlowRow[]> {
  if (enti.length === 0 || limit === 0) return [];
  return queryRows<WaasFlowRow>(
    db,
    sql`select split_part(f.id_flusso, '.', 1) as "codiceEnte", left(o.name, 256) as "denominazioneEnte",
          f.id_flusso as "idFlusso",
          to_char(f.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "tsFlusso", f.xml
        from sinba_flow f join organisation o on o.id = f.service_organisation_id
        where split_part(f.id_flusso, '.', 1) in ${textList(enti)}
          and f.recorded_at > ${after}::timestamptz
        order by f.recorded_at limit ${limit}`,
  );
}

/** The flows among `ids` that belong to the given enti (any other is unknown to the caller). */
export async function findFlowIdsOfEnti(db: Executor, enti: string[], ids: string[]): Promise<string[]> {
  if (enti.length === 0 || ids.length === 0) return [];
  const rows = await queryRows<{ idFlusso: string }>(
    db,
    sql`select f.id_flusso as "idFlusso" from sinba_flow f
        where f.id_flusso in ${textList(ids)} and split_part(f.id_flusso, '.', 1) in ${textList(enti)}
        for update`,
  );
  return rows.map((row) => row.idFlusso);
}

export async function saveFlowOutcome(
  db: Executor,
  outcome: { idFlusso: string; status: string; message: string | null; at: string },
): Promise<void> {
  await db.execute(sql`update sinba_flow set status = ${outcome.status}, outcome_message = ${outcome.message},
      outcome_at = ${outcome.at}::timestamptz
    where id_flusso = ${outcome.idFlusso}`);
}
