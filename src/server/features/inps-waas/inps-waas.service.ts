import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import {
  type InpsFlowList,
  type InpsFlowsQuery,
  type InpsOutcome,
  inpsFlowsPerPageDefault,
  inpsSinceLastInstant,
} from "../../../domain/sinba/inps-waas-api.schema.ts";
import type { SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import {
  findFlowIdsOfEnti,
  findInpsClientEnti,
  listFlowsAfter,
  saveFlowOutcome,
} from "./inps-waas.queries.ts";

/** The authenticated machine client, as far as this e-service needs it. */
export type WaasCaller = { clientId: string };

const subjectOf = (caller: WaasCaller): SystemActor => ({
  system: true,
  label: `INPS client:${caller.clientId}`,
});

/**
 * Only a client the Region registered as INPS's reads the flows: any other machine client (a
 * structure's or a service's software) is refused, as a role outside an action of the policy.
 */
async function requireInpsEnti(db: Database, caller: WaasCaller): Promise<string[]> {
  const enti = await findInpsClientEnti(db, caller.clientId);
  if (!enti)
    throw new AppError(
      "forbidden",
      "Solo il client di INPS registrato dalla Regione legge i flussi SINBA e ne comunica gli esiti.",
    );
  return enti;
}

/** `since` in milliseconds, as an instant to compare recorded_at with; past the year 9999, none. */
function instantAfter(since: string): string | undefined {
  const value = BigInt(since);
  if (value > BigInt(inpsSinceLastInstant)) return undefined;
  return new Date(Number(value)).toISOString();
}

/** GET /flussi: the enti's flows recorded after `since`, oldest first, each XML in base64. */
export async function listFlowsForInps(
  db: Database,
  caller: WaasCaller,
  query: InpsFlowsQuery,
): Promise<InpsFlowList> {
  const enti = await requireInpsEnti(db, caller);
  const after = instantAfter(query.since);
  const limit = query.limit ?? inpsFlowsPerPageDefault;
  return db.transaction(async (tx) => {
    const rows = after === undefined ? [] : await listFlowsAfter(tx, enti, after, limit);
    await appendAuditEntry(tx, subjectOf(caller), {
      action: "sinba.waas-read",
      resourceType: "sinba-flow",
      outcome: "success",
      details: { since: query.since, limit, count: rows.length, last: rows.at(-1)?.idFlusso ?? null },
    });
    return {
      elenco_flussi: rows.map((row) => ({
        codice_ente: row.codiceEnte,
        denominazione_ente: row.denominazioneEnte,
        id_flusso: row.idFlusso,
        tipo: "SINBA" as const,
        ts_flusso: row.tsFlusso,
        flusso: Buffer.from(row.xml, "utf8").toString("base64"),
      })),
    };
  });
}

/**
 * POST /esiti: INPS's outcome of each flow, stored on the flow for the service to see. All or
 * nothing: one id_flusso that is not a SINBA flow of the client's enti refuses the whole request
 * (404, the unknown ids named), so that INPS sends it again once corrected.
 */
export async function recordInpsOutcomes(db: Database, caller: WaasCaller, outcomes: InpsOutcome[]) {
  const enti = await requireInpsEnti(db, caller);
  await db.transaction(async (tx) => {
    const sinbaIds = [
      ...new Set(outcomes.filter((item) => item.tipo === "SINBA").map((item) => item.id_flusso)),
    ];
    const known = new Set(await findFlowIdsOfEnti(tx, enti, sinbaIds));
    const unknown = [
      ...new Set(
        outcomes
          .filter((item) => item.tipo !== "SINBA" || !known.has(item.id_flusso))
          .map((item) => item.id_flusso),
      ),
    ];
    if (unknown.length > 0)
      throw new AppError(
        "not-found",
        `Flussi SINBA sconosciuti per gli enti del client: ${unknown.slice(0, 20).join(", ")}${
          unknown.length > 20 ? ` e altri ${unknown.length - 20}` : ""
        }. Nessun esito è stato registrato.`,
      );
    for (const outcome of outcomes)
      await saveFlowOutcome(tx, {
        idFlusso: outcome.id_flusso,
        status: outcome.codice_esito,
        message: outcome.descrizione_esito ?? null,
        at: outcome.ts_acquisizione,
      });
    await appendAuditEntry(tx, subjectOf(caller), {
      action: "sinba.waas-outcomes",
      resourceType: "sinba-flow",
      outcome: "success",
      details: {
        outcomes: outcomes.map((item) => ({
          idFlusso: item.id_flusso,
          code: item.codice_esito,
          siussId: item.id_acquisizione_siuss ?? null,
        })),
      },
    });
  });
}
