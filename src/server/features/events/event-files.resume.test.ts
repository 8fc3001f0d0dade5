import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createActiveStructures, simpleEvent } from "../../../../test/support/stay-fixtures.ts";
import { testToday } from "../../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../../test/support/test-database.ts";
import { queryRows } from "../../../db/database.ts";
import type { DatabaseHandle } from "../../../db/open-database.ts";
import { clockOnDay } from "../../../domain/time/clock.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { generateKeyringFile, keyringOf } from "../../core/vault-keys.ts";
import { createLogger } from "../../http/logger.ts";
import { type FileStatus, getEventFile, jsonLinesOf, postEventFile } from "./event-files.fixtures.ts";
import { type KeyedClient, postEvents, publicUrl, registerClient } from "./machine-request.fixtures.ts";

let handle: DatabaseHandle;
let client: KeyedClient;
const keyring = keyringOf(generateKeyringFile());
const config = loadConfig({
  SIRMI_PUBLIC_URL: publicUrl,
  SIRMI_LOG_LEVEL: "silent",
  SIRMI_RATE_LIMIT_PER_MINUTE: "100000",
  SIRMI_EVENT_FILE_CHUNK_LINES: "2",
});

/** A server process on the shared database: several may run at once, as behind a load balancer. */
async function startServer(): Promise<FastifyInstance> {
  const app = await buildApp({
    config,
    db: handle.db,
    logger: createLogger("silent"),
    keyring,
    clock: clockOnDay(testToday),
  });
  await app.ready();
  return app;
}

async function fileRow(id: string) {
  const [row] = await queryRows<{ status: string; processed: number }>(
    handle.db,
    sql`select status, processed_count as processed from event_file where id = ${id}`,
  );
  return row;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await createActiveStructures(handle.db, ["ST000123"], 100);
  client = await registerClient(handle.db, ["ST000123"]);
});
afterAll(() => handle.close());

const activities = (stayRef: string, count: number) =>
  Array.from({ length: count }, (_, index) =>
    simpleEvent("activity", "ST000123", stayRef, `2026-01-${String(1 + (index % 28)).padStart(2, "0")}`, {
      sequence: index,
      activity: { code: "school", hours: index },
    }),
  );

it("resumes a file cut short by a crash from its last committed chunk, each line processed once", async () => {
  const events = activities("R-1", 40);
  const first = await startServer();
  // This process's worker never runs: the state a crash leaves behind is written below.
  await first.eventFileWorker.stop();
  const response = await postEventFile(first, client, jsonLinesOf(events));
  expect(response.statusCode, response.body).toBe(202);
  const id = json(response).id as string;
  // Ten lines committed in earlier chunks (outcomes marked to show they are never redone)…
  const done = await postEvents(first, client, { events: events.slice(0, 10) });
  expect(done.statusCode).toBe(200);
  await handle.db.execute(
    sql`update event_file_line set status = 'accepted', event_id = (line)::text, sealed_content = null,
          key_id = null, warnings = '[]', errors = '[]' where file_id = ${id} and line <= 10`,
  );
  await handle.db.execute(
    sql`update event_file set status = 'processing', processed_count = 10, accepted_count = 10,
          started_at = now(), lease_owner = gen_random_uuid(), lease_expires_at = now() + interval '1 hour',
          chunk_started_at = now() where id = ${id}`,
  );
  // …and the next chunk ingested by the dying process, which never recorded its outcomes.
  const inFlight = await postEvents(first, client, { events: events.slice(10, 12) });
  expect(inFlight.json().results.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted"]);
  await first.close();

  const second = await startServer();
  await second.eventFileWorker.drain();
  expect((await fileRow(id)).status).toBe("processing");
  // The lease of the dead process expires (brought forward here), then the file is taken over.
  await handle.db.execute(
    sql`update event_file set lease_expires_at = now() - interval '1 second' where id = ${id}`,
  );
  await second.eventFileWorker.drain();
  const status = (await getEventFile(second, client, `/api/v1/event-files/${id}`)).json() as FileStatus;
  expect(status.status).toBe("done");
  expect(status.counts).toEqual({ lines: 40, processed: 40, accepted: 40, duplicate: 0, rejected: 0 });
  expect(status.outcomes.map((o) => o.line)).toEqual(events.map((_, index) => index + 1));
  expect(status.outcomes.map((o) => o.id)).toEqual([
    ...events.slice(0, 10).map((_, index) => String(index + 1)),
    ...events.slice(10).map((event) => event.id),
  ]);
  expect(new Set(status.outcomes.map((o) => o.status))).toEqual(new Set(["accepted"]));
  const [stored] = await queryRows<{ events: number; distinct: number }>(
    handle.db,
    sql`select count(*)::int as events, count(distinct id)::int as distinct from stay_event
        where id in (${sql.join(
          events.map((event) => sql`${event.id}::uuid`),
          sql`, `,
        )})`,
  );
  expect(stored).toEqual({ events: 40, distinct: 40 });
  await second.close();
});

it("lets only one of several processes work on a file", async () => {
  const servers = await Promise.all([startServer(), startServer(), startServer()]);
  const events = activities("R-2", 30);
  const response = await postEventFile(servers[0], client, jsonLinesOf(events));
  const id = json(response).id as string;
  await Promise.all(servers.map((server) => server.eventFileWorker.drain()));
  const status = (await getEventFile(servers[1], client, `/api/v1/event-files/${id}`)).json() as FileStatus;
  expect(status.counts).toEqual({ lines: 30, processed: 30, accepted: 30, duplicate: 0, rejected: 0 });
  await Promise.all(servers.map((server) => server.close()));
});

function json(response: { json(): unknown }) {
  return response.json() as Record<string, unknown>;
}
