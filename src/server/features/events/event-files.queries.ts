import { sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../../db/database.ts";
import { eventFile, eventFileLine } from "../../../db/schema/index.ts";
import type { EventProblem } from "../../../domain/stays/parse-stay-event.ts";

export type EventFileStatus = "queued" | "processing" | "done" | "failed";

/** Stay events (ASMI) or case events (SINBA): the pipeline a file's lines are fed to. */
export type EventFileKind = "stay" | "case";

export type EventFileRow = {
  id: string;
  kind: EventFileKind;
  format: "jsonl" | "csv";
  sizeBytes: number;
  contentDigest: string;
  status: EventFileStatus;
  lineCount: number;
  processedCount: number;
  acceptedCount: number;
  duplicateCount: number;
  rejectedCount: number;
  receivedAt: string;
  startedAt: string | null;
  completedAt: string | null;
};

export type NewFileLine = {
  line: number;
  processingOrder: number | null;
  eventId: string | null;
  keyId: string | null;
  sealedContent: string | null;
  status: "rejected" | null;
  errors: EventProblem[] | null;
};

const insertBatchSize = 1000;

/** The file and all its lines in one transaction: stored as a whole or not at all. */
export async function insertEventFile(
  db: Database,
  file: Omit<
    EventFileRow,
    "receivedAt" | "startedAt" | "completedAt" | "duplicateCount" | "acceptedCount"
  > & {
    clientId: string;
  },
  lines: NewFileLine[],
) {
  await db.transaction(async (tx) => {
    await tx.insert(eventFile).values(file);
    for (let start = 0; start < lines.length; start += insertBatchSize) {
      const batch = lines.slice(start, start + insertBatchSize);
      await tx.insert(eventFileLine).values(
        batch.map((line) => ({
          fileId: file.id,
          ...line,
          warnings: line.status ? [] : null,
        })),
      );
    }
  });
}

const fileColumns = sql`id, kind, format, size_bytes as "sizeBytes", content_digest as "contentDigest", status,
  line_count as "lineCount", processed_count as "processedCount", accepted_count as "acceptedCount",
  duplicate_count as "duplicateCount", rejected_count as "rejectedCount",
  to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "receivedAt",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startedAt",
  to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "completedAt"`;

/**
 * A file of this client and kind only: another client's file, or a file of the other kind, is as
 * unknown as a missing one.
 */
export async function findClientEventFile(
  db: Executor,
  clientId: string,
  fileId: string,
  kind: EventFileKind,
) {
  const [row] = await queryRows<EventFileRow>(
    db,
    sql`select ${fileColumns} from event_file
        where id = ${fileId} and client_id = ${clientId} and kind = ${kind}`,
  );
  return row;
}

export type LineOutcome = {
  line: number;
  id: string;
  status: "accepted" | "duplicate" | "rejected";
  warnings: EventProblem[];
  errors: EventProblem[];
};

/** Outcomes of processed lines after a line number, in file order. */
export async function listLineOutcomes(db: Executor, fileId: string, afterLine: number, limit: number) {
  return queryRows<LineOutcome>(
    db,
    sql`select line, coalesce(event_id, '') as id, status, warnings, errors from event_file_line
        where file_id = ${fileId} and line > ${afterLine} and status is not null
        order by line limit ${limit}`,
  );
}

/**
 * Takes the oldest file that is queued, or processing under an expired lease (its worker died):
 * `for update skip locked` lets several servers claim at once without taking the same file.
 */
export async function claimEventFile(db: Executor, owner: string, leaseSeconds: number) {
  const [row] = await queryRows<{
    id: string;
    clientId: string;
    kind: EventFileKind;
    chunkStartedAt: string | null;
  }>(
    db,
    sql`update event_file set status = 'processing', lease_owner = ${owner},
          lease_expires_at = now() + make_interval(secs => ${leaseSeconds}),
          started_at = coalesce(started_at, now())
        where id = (
          select id from event_file
          where status in ('queued', 'processing') and (lease_expires_at is null or lease_expires_at < now())
          order by received_at, id limit 1 for update skip locked)
        returning id, client_id as "clientId", kind, chunk_started_at::text as "chunkStartedAt"`,
  );
  return row;
}

/** Extends the lease; false when another worker has taken the file over. */
export async function renewLease(db: Executor, fileId: string, owner: string, leaseSeconds: number) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update event_file set lease_expires_at = now() + make_interval(secs => ${leaseSeconds})
        where id = ${fileId} and lease_owner = ${owner} returning id`,
  );
  return rows.length === 1;
}

/** Marks the start of a chunk (kept if an earlier attempt of it was cut short) and returns it. */
export async function beginChunk(db: Executor, fileId: string, owner: string, leaseSeconds: number) {
  const [row] = await queryRows<{ since: string; isRetry: boolean }>(
    db,
    sql`update event_file set chunk_started_at = coalesce(chunk_started_at, now()),
          lease_expires_at = now() + make_interval(secs => ${leaseSeconds})
        where id = ${fileId} and lease_owner = ${owner}
        returning chunk_started_at::text as since, chunk_started_at <> now() as "isRetry"`,
  );
  return row;
}

export type PendingLine = { line: number; keyId: string; sealedContent: string };

/** The next lines to process: in the file's order, or for a case file in its processing order. */
export async function listPendingLines(db: Executor, fileId: string, kind: EventFileKind, limit: number) {
  const columns = sql`line, key_id as "keyId", sealed_content as "sealedContent"`;
  return queryRows<PendingLine>(
    db,
    kind === "case"
      ? sql`select ${columns} from event_file_line
            where file_id = ${fileId} and status is null and processing_order is not null
            order by processing_order limit ${limit}`
      : sql`select ${columns} from event_file_line
            where file_id = ${fileId} and status is null order by line limit ${limit}`,
  );
}

/** Structures the client may write now (its registration may have changed since the upload). */
export async function listClientStructureIds(db: Executor, clientId: string) {
  const rows = await queryRows<{ structureId: string }>(
    db,
    sql`select structure_id as "structureId" from machine_client_structure where client_id = ${clientId}`,
  );
  return rows.map((row) => row.structureId);
}

/**
 * Events of this client recorded since the chunk began: a chunk ingested by an attempt that
 * died before recording its outcomes finds them as "duplicates" of itself.
 */
export async function findOwnEarlierOutcomes(db: Executor, clientId: string, ids: string[], since: string) {
  if (ids.length === 0)
    return new Map<string, { status: string; warnings: EventProblem[]; errors: EventProblem[] }>();
  const rows = await queryRows<{
    id: string;
    status: string;
    warnings: EventProblem[];
    errors: EventProblem[];
  }>(
    db,
    sql`select id::text as id, status, warnings, errors from stay_event
        where id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and source_id = ${clientId} and recorded_at >= ${since}::timestamptz`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The outcomes of one chunk and the file's counters, in one transaction and only while this
 * worker holds the lease: a committed chunk is never processed again.
 */
export async function recordChunk(db: Database, fileId: string, owner: string, outcomes: LineOutcome[]) {
  const count = (status: LineOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  return db.transaction(async (tx) => {
    const [file] = await queryRows<{ id: string }>(
      tx,
      sql`update event_file set processed_count = processed_count + ${outcomes.length},
            accepted_count = accepted_count + ${count("accepted")},
            duplicate_count = duplicate_count + ${count("duplicate")},
            rejected_count = rejected_count + ${count("rejected")},
            chunk_started_at = null
          where id = ${fileId} and lease_owner = ${owner} and lease_expires_at > now() returning id`,
    );
    if (!file) return false;
    const values = JSON.stringify(outcomes);
    const updated = await queryRows<{ line: number }>(
      tx,
      sql`update event_file_line as l set status = o.status, event_id = o.id, warnings = o.warnings,
            errors = o.errors, sealed_content = null, key_id = null
          from jsonb_to_recordset(${values}::jsonb)
            as o(line int, id text, status text, warnings jsonb, errors jsonb)
          where l.file_id = ${fileId} and l.line = o.line and l.status is null returning l.line`,
    );
    if (updated.length !== outcomes.length) throw new Error("event file chunk recorded twice");
    return true;
  });
}

export async function completeEventFile(db: Executor, fileId: string, owner: string) {
  await db.execute(
    sql`update event_file set status = 'done', completed_at = now(), lease_owner = null,
          lease_expires_at = null, chunk_started_at = null
        where id = ${fileId} and lease_owner = ${owner}`,
  );
}

/** After an unexpected error: retried later by any worker, failed after a few attempts. */
export async function recordFailure(db: Executor, fileId: string, owner: string, maxFailures: number) {
  await db.execute(
    sql`update event_file set failure_count = failure_count + 1, lease_owner = null,
          lease_expires_at = now() + interval '5 seconds',
          status = case when failure_count + 1 >= ${maxFailures} then 'failed' else status end,
          completed_at = case when failure_count + 1 >= ${maxFailures} then now() else completed_at end
        where id = ${fileId} and lease_owner = ${owner}`,
  );
}

/** Files a worker could claim now: queued, or left by a worker whose lease has expired. */
export async function countClaimableFiles(db: Executor) {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from event_file where status in ('queued', 'processing')
        and (lease_expires_at is null or lease_expires_at < now())`,
  );
  return row.count;
}
