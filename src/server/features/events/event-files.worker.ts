import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Database } from "../../../db/database.ts";
import type { EventProblem } from "../../../domain/stays/parse-stay-event.ts";
import type { Clock } from "../../../domain/time/clock.ts";
import { openField } from "../../core/vault-crypto.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { safeErrorSummary } from "../../http/safe-error.ts";
import { ingestEvents } from "../stays/index.ts";
import {
  beginChunk,
  claimEventFile,
  completeEventFile,
  countClaimableFiles,
  type EventFileKind,
  findOwnEarlierOutcomes,
  type LineOutcome,
  listClientStructureIds,
  listPendingLines,
  recordChunk,
  recordFailure,
  renewLease,
} from "./event-files.queries.ts";
import { clientEventSource } from "./machine-endpoints.ts";

const pollMs = 2_000;
const maxFailures = 5;

export type EventFileWorker = {
  start(): void;
  /** Processes now instead of at the next poll (a file has just arrived). */
  wake(): void;
  /** Processes until no file is left that a worker could take (others may hold a live lease). */
  drain(): Promise<void>;
  /** Finishes the chunk in progress, then stops. */
  stop(): Promise<void>;
};

/** The outcome of one event of a chunk, as the write path of its kind answers a request. */
export type FileEventResult = {
  id: string;
  status: "accepted" | "duplicate" | "rejected";
  warnings: EventProblem[];
  errors: EventProblem[];
};

/**
 * The write path a file's chunks are fed to, each chunk as one request of the client that sent
 * the file: stay events (ASMI, below) or case events (the cases feature's, given by the app).
 */
export type EventFilePipeline = {
  /** One result per event, in the order given. */
  ingest(clientId: string, raws: unknown[]): Promise<FileEventResult[]>;
  /** Events of these ids that this client's events recorded since an instant, with their status. */
  findOwnEarlierOutcomes(
    clientId: string,
    ids: string[],
    since: string,
  ): Promise<Map<string, { status: string }>>;
};

export type EventFileWorkerDependencies = {
  db: Database;
  keyring: Keyring;
  logger: Logger;
  clock: Clock;
  chunkLines: number;
  /**
   * How long a file stays with its worker without news from it: after a crash, the time before
   * another server (or the same one restarted) takes the file over. Renewed four times as often.
   */
  leaseSeconds: number;
  /** The case events' write path (the cases feature's, which itself depends on this feature). */
  casePipeline: EventFilePipeline;
};

declare module "fastify" {
  interface FastifyInstance {
    eventFileWorker: EventFileWorker;
  }
}

type ClaimedFile = { id: string; clientId: string; kind: EventFileKind };

export function sealContextOf(fileId: string, line: number) {
  return `event-file-line:${fileId}:${line}`;
}

class LeaseLost extends Error {}

/** Stay events of a structure's software: the structures it may write are read for every chunk. */
function stayPipeline(deps: EventFileWorkerDependencies): EventFilePipeline {
  const { db } = deps;
  return {
    // The client's registration may have changed since the upload.
    ingest: async (clientId, raws) =>
      ingestEvents(
        db,
        { keyring: deps.keyring, today: deps.clock.today() },
        clientEventSource(clientId, await listClientStructureIds(db, clientId)),
        raws,
      ),
    findOwnEarlierOutcomes: (clientId, ids, since) => findOwnEarlierOutcomes(db, clientId, ids, since),
  };
}

/**
 * Processes event files in the background of a server process: claims one file at a time, ingests
 * it a chunk at a time through the one write path of its kind (ASMI stays, SINBA cases) and
 * commits each chunk's outcomes.
 */
export function createEventFileWorker(deps: EventFileWorkerDependencies): EventFileWorker {
  const { db, logger } = deps;
  const pipelines: Record<EventFileKind, EventFilePipeline> = {
    stay: stayPipeline(deps),
    case: deps.casePipeline,
  };
  const owner = randomUUID();
  const { leaseSeconds } = deps;
  const heartbeatMs = (leaseSeconds * 1000) / 4;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;

  async function processFile(file: ClaimedFile) {
    const renew = () => renewLease(db, file.id, owner, leaseSeconds).catch(() => undefined);
    const heartbeat = setInterval(renew, heartbeatMs);
    try {
      while (!stopping) {
        const lines = await listPendingLines(db, file.id, file.kind, deps.chunkLines);
        if (lines.length === 0) {
          await completeEventFile(db, file.id, owner);
          logger.info({ eventFileId: file.id }, "event file processed");
          return;
        }
        const chunk = await beginChunk(db, file.id, owner, leaseSeconds);
        if (!chunk) throw new LeaseLost();
        const outcomes = await ingestChunk(file, lines, chunk.isRetry ? chunk.since : undefined);
        if (!(await recordChunk(db, file.id, owner, outcomes))) throw new LeaseLost();
      }
    } catch (error) {
      if (error instanceof LeaseLost) {
        logger.warn({ eventFileId: file.id }, "event file taken over by another worker");
        return;
      }
      logger.error({ eventFileId: file.id, error: safeErrorSummary(error) }, "event file chunk failed");
      await recordFailure(db, file.id, owner, maxFailures).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function ingestChunk(
    file: ClaimedFile,
    lines: Awaited<ReturnType<typeof listPendingLines>>,
    retrySince: string | undefined,
  ): Promise<LineOutcome[]> {
    const raws = lines.map((line) =>
      JSON.parse(openField(deps.keyring, line.keyId, sealContextOf(file.id, line.line), line.sealedContent)),
    );
    const pipeline = pipelines[file.kind];
    const results = await pipeline.ingest(file.clientId, raws);
    // A retried chunk finds the events of its own cut-short attempt: they keep their first outcome.
    const duplicates = results.filter((result) => result.status === "duplicate").map((result) => result.id);
    const own = retrySince
      ? await pipeline.findOwnEarlierOutcomes(file.clientId, duplicates, retrySince)
      : new Map<string, { status: string }>();
    const seen = new Set<string>();
    return results.map((result, index) => {
      const isFirstInChunk = !seen.has(result.id);
      seen.add(result.id);
      const earlier = result.status === "duplicate" && isFirstInChunk ? own.get(result.id) : undefined;
      return {
        line: lines[index].line,
        id: result.id,
        status: earlier ? (earlier.status as "accepted" | "rejected") : result.status,
        warnings: result.warnings,
        errors: result.errors,
      };
    });
  }

  async function runUntilIdle() {
    do {
      again = false;
      while (!stopping) {
        const file = await claimEventFile(db, owner, leaseSeconds);
        if (!file) break;
        await processFile(file);
      }
    } while (again && !stopping);
  }

  function wake() {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = runUntilIdle()
      .catch((error: unknown) => {
        logger.error({ error: safeErrorSummary(error) }, "event file worker failed");
      })
      .finally(() => {
        running = undefined;
      });
  }

  return {
    start() {
      if (timer || stopping) return;
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },
    wake,
    async drain() {
      for (;;) {
        wake();
        await running;
        if (stopping || (await countClaimableFiles(db)) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
