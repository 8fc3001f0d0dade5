import { sql } from "drizzle-orm";
import { queryRows, type Transaction } from "../../../db/database.ts";
import { toBeConfirmedSql } from "../../../db/stay-confirmation.sql.ts";
import type { CaseEvent, FosterCarer } from "../../../domain/cases/case-event.schema.ts";
import type { CaseEventDecision } from "../../../domain/cases/decide-case-events.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { type AuditRecord, appendAuditEntries } from "../../core/audit.queries.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { insertFosterCarers, sealFosterCarer } from "./foster-carers.queries.ts";

/** The carers taken out of a batch's events, by event id, until their fact is accepted. */
export type CarersAside = Map<string, FosterCarer[]>;

/**
 * Takes the foster carers out of a foster-care fact (its start, or a correction of it): the event
 * goes on without them, so that neither the case_event row nor the case's projection holds them.
 */
export function setCarersAside(event: CaseEvent, aside: CarersAside): CaseEvent {
  if (event.type !== "foster-care-start" && event.type !== "correction") return event;
  const fosterCare = event.fosterCare;
  if (!fosterCare || fosterCare.carers === undefined) return event;
  const { carers, ...rest } = fosterCare;
  aside.set(event.id, carers);
  return { ...event, fosterCare: rest };
}

/** The foster-care-start a correction (or a correction of a correction) amends. */
async function episodeOf(tx: Transaction, eventId: string): Promise<string | undefined> {
  let current = eventId;
  for (let depth = 0; depth < 20; depth++) {
    const [row] = await queryRows<{ type: string | null; corrects: string | null }>(
      tx,
      sql`select type, payload->>'corrects' as corrects from case_event where id = ${current} and status = 'accepted'`,
    );
    if (!row) return undefined;
    if (row.type === "foster-care-start") return current;
    if (row.type !== "correction" || !row.corrects) return undefined;
    current = row.corrects;
  }
  return undefined;
}

/** Seals and stores the carers of every accepted foster-care fact of the batch, in its transaction. */
export async function storeCarers(
  tx: Transaction,
  keyring: Keyring,
  decisions: CaseEventDecision[],
  aside: CarersAside,
) {
  for (const decision of decisions) {
    if (decision.kind !== "accepted") continue;
    const carers = aside.get(decision.record.id);
    if (!carers) continue;
    const episodeId = await episodeOf(tx, decision.record.id);
    if (!episodeId) continue;
    await insertFosterCarers(
      tx,
      carers.map((carer, position) =>
        sealFosterCarer(
          keyring,
          { sourceEventId: decision.record.id, position, episodeId, caseId: decision.summary.id },
          carer,
        ),
      ),
    );
  }
}

/**
 * A placement fact links a stay to the case of the service that has the minor in charge (the
 * case rules checked that the stay is of the case's minor and the case open): an admission still
 * to be confirmed is confirmed by it (access principle 7), the author recorded, audited in the
 * same transaction. The author is the person, or none when the service's software sent it; the
 * instant is the clock's (the one the batch is recorded at).
 */
export async function confirmPlacedStays(
  tx: Transaction,
  subject: AuditSubject,
  confirmedBy: string | null,
  decisions: CaseEventDecision[],
  confirmedAt: Date,
) {
  const placements = decisions.flatMap((decision) =>
    decision.kind === "accepted" && decision.record.type === "placement" && decision.record.payload?.placement
      ? [{ decision, stayId: decision.record.payload.placement.stayId }]
      : [],
  );
  const records: AuditRecord[] = [];
  for (const { decision, stayId } of placements) {
    const [confirmed] = await queryRows<{ pseudonym: string | null }>(
      tx,
      sql`update stay s set confirmed_at = ${confirmedAt.toISOString()}, confirmed_by = ${confirmedBy}, confirmed_via = 'case',
            confirmed_case_id = ${decision.summary.id}
          where s.id = ${stayId} and ${toBeConfirmedSql(sql`s`)}
          returning (select pseudonym from minor where minor.id = s.minor_id) as pseudonym`,
    );
    if (!confirmed) continue;
    records.push({
      action: "stay.confirm",
      resourceType: "stay",
      resourceId: stayId,
      minorPseudonym: confirmed.pseudonym,
      purpose: "care",
      outcome: "success",
      details: { via: "case", caseId: decision.summary.id, eventId: decision.record.id },
    });
  }
  await appendAuditEntries(tx, subject, records);
}
