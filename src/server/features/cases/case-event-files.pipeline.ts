import type { Database } from "../../../db/database.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import type { EventFilePipeline } from "../events/index.ts";
import { findClientCaseEventsSince, findServiceOfClient } from "./cases.queries.ts";
import { recordClientCaseEvents } from "./record-case-events.ts";

/**
 * The case events' write path for the event file worker: each chunk of a service's file recorded
 * as one request of `POST /api/v1/case-events` by the same client (same checks, per-event
 * outcomes, idempotency, dependency order within the chunk; the file's own processing order
 * takes care of the order across chunks).
 */
export function caseEventFilePipeline(deps: {
  db: Database;
  keyring: Keyring;
  clock: Clock;
}): EventFilePipeline {
  const { db, keyring, clock } = deps;
  return {
    async ingest(clientId, raws) {
      const service = await findServiceOfClient(db, clientId);
      if (!service) throw new Error("the client of a case event file is no longer a social service's");
      return recordClientCaseEvents(
        db,
        { today: clock.today(), now: clock.now(), keyring },
        { id: clientId, serviceId: service.id, serviceCode: service.code },
        raws,
      );
    },
    findOwnEarlierOutcomes: (clientId, ids, since) => findClientCaseEventsSince(db, clientId, ids, since),
  };
}
