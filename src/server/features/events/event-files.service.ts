import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/database.ts";
import { fileProcessingPlaces } from "../../../domain/cases/case-batch-order.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { sealField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { formatOf, readEventFile } from "./event-files.parse.ts";
import {
  type EventFileKind,
  type EventFileRow,
  findClientEventFile,
  insertEventFile,
  listLineOutcomes,
} from "./event-files.queries.ts";
import { sealContextOf } from "./event-files.worker.ts";
import { type AuthenticatedClient, digestOf } from "./machine-auth.ts";

/** The organisation whose software sends each kind of file, as for the JSON endpoints. */
const senderKindOf: Record<EventFileKind, { organisation: string; refusal: string }> = {
  stay: {
    organisation: "operator",
    refusal:
      "Il client di un servizio sociale invia i file degli eventi delle cartelle (POST /api/v1/case-event-files).",
  },
  case: {
    organisation: "social-service",
    refusal:
      "Il client di un ente gestore invia i file degli eventi delle accoglienze (POST /api/v1/event-files).",
  },
};

/** What a received file is besides its bytes: who sent it, of which kind, as which media type. */
export type ReceivedFile = {
  client: AuthenticatedClient;
  kind: EventFileKind;
  contentType: string | undefined;
};

function summaryOf(file: EventFileRow) {
  return {
    id: file.id,
    kind: file.kind,
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
 * A structure's software sends stay files, a service's case files; the other is refused (403), as
 * on the JSON endpoints. The lines of a case file are given their processing order here.
 */
export async function receiveEventFile(
  db: Database,
  keyring: Keyring,
  { client, kind, contentType }: ReceivedFile,
  bytes: Buffer,
  today: string,
) {
  if (client.organisation.kind !== senderKindOf[kind].organisation)
    throw new AppError("forbidden", senderKindOf[kind].refusal);
  const clientId = client.id;
  const format = formatOf(contentType, kind);
  const lines = readEventFile(bytes, format);
  const id = randomUUID();
  const unreadable = lines.filter((line) => line.problem !== undefined).length;
  const readable = lines.filter((line) => line.problem === undefined);
  const places =
    kind === "case"
      ? new Map(
          fileProcessingPlaces(
            readable.map((line) => line.event),
            today,
          ).map((place, index) => [readable[index].line, place]),
        )
      : undefined;
  await insertEventFile(
    db,
    {
      id,
      clientId,
      kind,
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
      processingOrder: places?.get(line.line) ?? null,
      eventId: line.id ?? null,
      keyId: line.problem ? null : keyring.activeKeyId,
      sealedContent: line.problem
        ? null
        : sealField(keyring, sealContextOf(id, line.line), JSON.stringify(line.event)),
      status: line.problem ? "rejected" : null,
      errors: line.problem ? [line.problem] : null,
    })),
  );
  return summaryOf((await findClientEventFile(db, clientId, id, kind)) as EventFileRow);
}

/** A file's status and one page of its lines' outcomes, for the client that sent it only. */
export async function readEventFileStatus(
  db: Database,
  { clientId, kind }: { clientId: string; kind: EventFileKind },
  fileId: string,
  page: { cursor: number; limit: number },
) {
  const file = await findClientEventFile(db, clientId, fileId, kind);
  if (!file) throw new AppError("not-found", "Nessun file con questo id è stato inviato dal client.");
  const outcomes = await listLineOutcomes(db, file.id, page.cursor, page.limit);
  return {
    ...summaryOf(file),
    outcomes,
    nextCursor: outcomes.length === page.limit ? outcomes[outcomes.length - 1].line : null,
  };
}
