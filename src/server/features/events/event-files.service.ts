import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { sealField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { type EventFileFormat, readEventFile } from "./event-files.parse.ts";
import {
  type EventFileRow,
  findClientEventFile,
  insertEventFile,
  listLineOutcomes,
} from "./event-files.queries.ts";
import { sealContextOf } from "./event-files.worker.ts";
import { digestOf } from "./machine-auth.ts";

function summaryOf(file: EventFileRow) {
  return {
    id: file.id,
    format: file.format,
    status: file.status,
    sizeBytes: file.sizeBytes,
    digest: `SHA-256=${file.contentDigest}`,
    receivedAt: file.receivedAt,
    startedAt: file.startedAt,
    completedAt: file.completedAt,
    counts: {
      lines: file.lineCount,
      processed: file.processedCount,
      accepted: file.acceptedCount,
      duplicate: file.duplicateCount,
      rejected: file.rejectedCount,
    },
    progress: file.lineCount === 0 ? 1 : Math.round((file.processedCount / file.lineCount) * 10_000) / 10_000,
  };
}

/**
 * Stores every line of an authenticated client's file in one transaction, each event sealed
 * under the vault's active key, before the file is acknowledged; the worker processes it later.
 */
export async function receiveEventFile(
  db: Database,
  keyring: Keyring,
  clientId: string,
  bytes: Buffer,
  format: EventFileFormat,
) {
  const lines = readEventFile(bytes, format);
  const id = randomUUID();
  const unreadable = lines.filter((line) => line.problem !== undefined).length;
  await insertEventFile(
    db,
    {
      id,
      clientId,
      format,
      sizeBytes: bytes.length,
      contentDigest: digestOf(bytes).slice("SHA-256=".length),
      status: unreadable === lines.length ? "done" : "queued",
      lineCount: lines.length,
      processedCount: unreadable,
      rejectedCount: unreadable,
    },
    lines.map((line) => ({
      line: line.line,
      eventId: line.id ?? null,
      keyId: line.problem ? null : keyring.activeKeyId,
      sealedContent: line.problem
        ? null
        : sealField(keyring, sealContextOf(id, line.line), JSON.stringify(line.event)),
      status: line.problem ? "rejected" : null,
      errors: line.problem ? [line.problem] : null,
    })),
  );
  return summaryOf((await findClientEventFile(db, clientId, id)) as EventFileRow);
}

/** A file's status and one page of its lines' outcomes, for the client that sent it only. */
export async function readEventFileStatus(
  db: Database,
  clientId: string,
  fileId: string,
  page: { cursor: number; limit: number },
) {
  const file = await findClientEventFile(db, clientId, fileId);
  if (!file) throw new AppError("not-found", "Nessun file con questo id è stato inviato dal client.");
  const outcomes = await listLineOutcomes(db, file.id, page.cursor, page.limit);
  return {
    ...summaryOf(file),
    outcomes,
    nextCursor: outcomes.length === page.limit ? outcomes[outcomes.length - 1].line : null,
  };
}
