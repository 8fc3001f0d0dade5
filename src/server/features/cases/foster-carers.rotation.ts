import type { Database } from "../../../db/database.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import {
  countCarersUnderOldKeys,
  lockCarersUnderOldKeys,
  openFosterCarer,
  replaceFosterCarer,
  sealFosterCarer,
} from "./foster-carers.queries.ts";

/**
 * Re-encrypts the foster carers still sealed with an older key, a batch per transaction (as the
 * minors' vault): an interruption loses nothing and a second run finishes the work.
 */
export async function reencryptFosterCarers(db: Database, keyring: Keyring, batchSize = 500) {
  const total = await countCarersUnderOldKeys(db, keyring.activeKeyId);
  let done = 0;
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const batch = await lockCarersUnderOldKeys(tx, keyring.activeKeyId, batchSize);
      for (const row of batch) {
        const { sourceEventId, position, episodeId, caseId } = row;
        await replaceFosterCarer(
          tx,
          sealFosterCarer(
            keyring,
            { sourceEventId, position, episodeId, caseId },
            openFosterCarer(keyring, row),
          ),
        );
      }
      return batch.length;
    });
    done += rows;
    if (rows === 0) break;
  }
  return { total, reencrypted: done };
}
