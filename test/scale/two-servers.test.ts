/**
 * Several servers, one database: two `sirmi serve` processes on the same PostgreSQL database,
 * as behind a load balancer. Event batches, an event file and web writes go to both; one server
 * is killed mid-file. The outcome must equal one server's: sessions valid on both, a `jti` used
 * on one refused on the other, the file processed exactly once, the audit chain intact.
 * PostgreSQL only (PGlite lives inside one process): skipped without DATABASE_URL.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/database.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { bindAuditKeys } from "../../src/server/core/audit-chain.ts";
import { readCheckpointFolder } from "../../src/server/core/audit-checkpoints.ts";
import { describeChainVerification, verifyAuditChain } from "../../src/server/core/audit-verification.ts";
import { generateKeyringFile, keyringOf } from "../../src/server/core/vault-keys.ts";
import { createOrganisation, createUserWithRole } from "../../src/server/features/access/index.ts";
import { createClientSystem } from "../../src/server/features/events/index.ts";
import { importStructures } from "../../src/server/features/structures/index.ts";
import {
  batchesOfWholeStays,
  eventStream,
  type FileState,
  fileState,
  type Machine,
  newMachineKey,
  postBatch,
  sendBatch,
  sendFile,
  signedBatch,
  waitForFile,
} from "../support/interchange-client.ts";
import {
  freePort,
  type Instance,
  killServer,
  serverInstance,
  startServer,
} from "../support/server-processes.ts";
import { firstStayDifference, readStayOutcome } from "../support/stay-outcome.ts";
import { structureRecord } from "../support/structure-fixtures.ts";
import { createTestApp, type TestApp, testPassword } from "../support/test-app.ts";
import { openTestDatabase } from "../support/test-database.ts";

const hasPostgres = readTestSettings().databaseUrl !== undefined;
const system = { system: true as const, label: "test" };
const structureCodes = ["ST910001", "ST910002", "ST910003"];
const seed = 20_261_204;
const stream = eventStream(900, structureCodes, seed);
const batches = batchesOfWholeStays(stream, 40);
const fileEvents = eventStream(400, structureCodes, seed + 1, 500_000);
const fileBody = `${fileEvents.map((event) => JSON.stringify(event)).join("\n")}\n`;
const fileChunkLines = "25";
// A dead server's file is taken over when its lease expires: short here, 20 s by default.
const leaseSeconds = "4";

type Shared = Awaited<ReturnType<typeof openTestDatabase>>;
let work: string;
let shared: Shared | undefined;
let reference: TestApp | undefined;
let referenceServer: Instance;
let servers: Instance[] = [];
let machine: Machine;
let referenceMachine: Machine;
const keyFile = generateKeyringFile();
const keyring = keyringOf(keyFile);

/** Structures, a machine client of them and a region administrator: the same on both databases. */
async function prepareDatabase(db: Database) {
  bindAuditKeys(db, keyring);
  const records = structureCodes.map((code, index) =>
    structureRecord({ code, name: `Comunità ${index + 1}`, authorisedPlaces: 500 }),
  );
  const outcomes = await importStructures(db, system, records);
  expect(outcomes.map((outcome) => outcome.outcome)).toEqual(structureCodes.map(() => "created"));
  const key = await newMachineKey();
  const client = await createClientSystem(db, system, {
    structureCodes,
    keys: [key.publicJwk],
    requireIntegrity: true,
  });
  await createOrganisation(db, system, { code: "REGIONE-PROVA", name: "Regione di prova", kind: "region" });
  await createUserWithRole(db, system, {
    username: "amministratore",
    displayName: "Amministratore",
    password: testPassword,
    role: "region-admin",
    organisationCode: "REGIONE-PROVA",
    structureId: null,
  });
  return { clientId: client.id, signing: key.signing };
}

/** The single server the two must equal: the same app, in this process, listening on a port. */
async function startReference() {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  reference = await createTestApp({
    SIRMI_PUBLIC_URL: publicUrl,
    SIRMI_EVENT_FILE_CHUNK_LINES: fileChunkLines,
  });
  referenceMachine = await prepareDatabase(reference.db);
  await reference.app.listen({ host: "127.0.0.1", port });
  referenceServer = {
    name: "reference",
    env: { SIRMI_PUBLIC_URL: publicUrl },
    port,
    baseUrl: publicUrl,
    log: "",
  };
}

async function startTwoServers() {
  shared = await openTestDatabase();
  machine = await prepareDatabase(shared.db);
  const keysFile = path.join(work, "keys.json");
  fs.writeFileSync(keysFile, JSON.stringify(keyFile), { mode: 0o600 });
  const common = {
    DATABASE_URL: shared.url as string,
    SIRMI_KEYS_FILE: keysFile,
    SIRMI_EVENT_FILE_CHUNK_LINES: fileChunkLines,
    SIRMI_EVENT_FILE_LEASE_SECONDS: leaseSeconds,
  };
  const a = await serverInstance("a", work, common);
  // Behind one load balancer both answer to the same public address: the tokens' audience.
  const b = await serverInstance("b", work, { ...common, SIRMI_PUBLIC_URL: a.env.SIRMI_PUBLIC_URL });
  servers = [a, b];
  await Promise.all(servers.map((server) => startServer(server)));
}

describe.skipIf(!hasPostgres)("two servers on one PostgreSQL database (skipped without DATABASE_URL)", () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-two-servers-"));
    await Promise.all([startTwoServers(), startReference()]);
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) {
      server.process?.kill("SIGCONT");
      await killServer(server, "SIGKILL");
    }
    await reference?.close();
    await shared?.close();
    fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it("interleaved event batches to both servers leave the stays a single server leaves", async () => {
    const [a, b] = servers;
    const queue = batches.map((_, index) => index);
    // Four in flight, two on each server; every fifth batch goes to both at the same instant.
    await Promise.all(
      [a, b, a, b].map(async (server) => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
          if (index % 5 === 0) {
            const [onA, onB] = await Promise.all([
              sendBatch(a, machine, batches[index]),
              sendBatch(b, machine, batches[index]),
            ]);
            expect(onA && onB, `batch ${index} answered by both`).toBeTruthy();
            // Each event is taken by one server and is a duplicate on the other (or refused by both).
            const pairs = batches[index].map((_, i) => [onA?.[i].status, onB?.[i].status].sort().join("+"));
            for (const pair of pairs) expect(["accepted+duplicate", "rejected+rejected"]).toContain(pair);
          } else {
            expect(await sendBatch(server, machine, batches[index]), `batch ${index} answered`).toBeDefined();
          }
        }
      }),
    );
    for (const batch of batches)
      expect(await sendBatch(referenceServer, referenceMachine, batch)).toBeDefined();

    const [actual, expected] = [
      await readStayOutcome(shared?.db as Database),
      await readStayOutcome(reference?.db as Database),
    ];
    expect(actual.events.size).toBe(stream.length);
    expect([...actual.events.values()].every((event) => event.copies === 1)).toBe(true);
    expect(actual.events).toEqual(expected.events);
    expect(actual.stays.length).toBe(expected.stays.length);
    expect(firstStayDifference(actual.stays, expected.stays)).toBeUndefined();
    expect(actual.stays).toEqual(expected.stays);
  }, 180_000);

  it("the same ModI token (same jti) accepted by one server is refused by the other as a replay", async () => {
    const [a, b] = servers;
    const request = await signedBatch(a, machine, [stream[0]]);
    const first = await postBatch(a, request);
    expect(first.status).toBe(200);
    const replayed = await postBatch(b, request);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { code: string }).code).toBe("token-replayed");
    const again = await postBatch(a, request);
    expect(((await again.json()) as { code: string }).code).toBe("token-replayed");
  });

  it("a session opened on one server is valid on the other; writes through both; signing out on one is seen by the other", async () => {
    const [a, b] = servers;
    const login = await fetch(`${a.baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "amministratore", password: testPassword }),
    });
    expect(login.status).toBe(201);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toMatch(/^sirmi_session=./);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    // A browser: the cookie, and the CSRF token on writes, whichever server answers.
    const asAdmin = (server: Instance, url: string, method = "GET", body?: unknown) =>
      fetch(`${server.baseUrl}${url}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const onB = await asAdmin(b, "/api/v1/session");
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe("amministratore");

    // Edits of one structure sent to both servers at once: each becomes its own version.
    const [{ id }] = await queryRows<{ id: string }>(
      shared?.db as Database,
      sql`select id::text as id from structure where code = ${structureCodes[0]}`,
    );
    const edits = Array.from({ length: 8 }, (_, n) =>
      structureRecord({
        code: structureCodes[0],
        name: `Comunità 1 (modifica ${n + 1})`,
        authorisedPlaces: 500,
      }),
    );
    const answers = await Promise.all(
      edits.map((edit, n) => asAdmin(servers[n % 2], `/api/v1/structures/${id}`, "PUT", edit)),
    );
    for (const answer of answers) expect(answer.status, await answer.clone().text()).toBe(200);
    const details = await Promise.all(
      servers.map(async (server) => (await asAdmin(server, `/api/v1/structures/${id}`)).json()),
    );
    const detail = details[0] as { history: { version: number }[]; record: { name: string } };
    expect(details[1]).toEqual(detail);
    expect(detail.history.map((version) => version.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 9 }, (_, n) => n + 1),
    );
    expect(edits.map((edit) => edit.name)).toContain(detail.record.name);

    const signedOut = await asAdmin(b, "/api/v1/session", "DELETE");
    expect(signedOut.status).toBe(204);
    expect((await asAdmin(a, "/api/v1/session")).status).toBe(401);
    expect((await asAdmin(b, "/api/v1/session")).status).toBe(401);
  });

  it("an event file whose server is killed mid-file is finished once, by the other server or the restarted one", async () => {
    const [a, b] = servers;
    const db = shared?.db as Database;
    // B is paused while the file arrives, so that A is the one that claims it.
    b.process?.kill("SIGSTOP");
    const location = await sendFile(a, machine, fileBody);
    const fileId = location.split("/").at(-1) as string;
    await waitForFile(a, machine, location, (state) => state.counts.processed > 0, 10);
    b.process?.kill("SIGCONT");
    const leaseOwner = async () =>
      (
        await queryRows<{ owner: string | null; status: string }>(
          db,
          sql`select lease_owner::text as owner, status from event_file where id = ${fileId}`,
        )
      )[0];
    const before = await leaseOwner();
    await killServer(a, "SIGKILL");
    const cut = (await waitForFile(b, machine, location, () => true)) as FileState;
    expect(cut.counts.processed).toBeLessThan(cut.counts.lines);
    // A comes back at once: it and B both wait for the dead process's lease to expire.
    const restarted = startServer(a);
    restarted.catch(() => undefined);

    const owners = new Set<string>();
    for (;;) {
      const now = await leaseOwner();
      if (now.owner) owners.add(now.owner);
      if (now.status === "done" || now.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(before.owner).not.toBeNull();
    expect(
      [...owners].some((owner) => owner !== before.owner),
      "the file changed hands",
    ).toBe(true);
    const done = (await fileState(b, machine, location)) as FileState;
    expect(done.status).toBe("done");

    await restarted;
    const referenceLocation = await sendFile(referenceServer, referenceMachine, fileBody);
    await reference?.app.eventFileWorker.drain();
    const expected = (await fileState(referenceServer, referenceMachine, referenceLocation)) as FileState;
    const seenFromA = (await fileState(a, machine, location)) as FileState;
    expect(seenFromA).toEqual(done);
    expect(done.counts).toEqual(expected.counts);
    const lines = done.outcomes.map((outcome) => outcome.line);
    expect(new Set(lines).size).toBe(fileEvents.length);
    const summary = (file: FileState) => file.outcomes.map((o) => `${o.line}:${o.id}:${o.status}`);
    expect(summary(done)).toEqual(summary(expected));

    const outcome = await readStayOutcome(db);
    for (const event of fileEvents) expect(outcome.events.get(event.id as string)?.copies).toBe(1);
    const referenceOutcome = await readStayOutcome(reference?.db as Database);
    expect(outcome.stays).toEqual(referenceOutcome.stays);
  }, 180_000);

  it("the audit log written by both servers verifies, against the checkpoints of both", async () => {
    await Promise.all(servers.map((server) => killServer(server, "SIGTERM")));
    // What `sirmi audit verify` does, with each server's checkpoint folder.
    const checkpoints = servers.map((server) => readCheckpointFolder(server.env.SIRMI_AUDIT_CHECKPOINT_DIR));
    for (const written of checkpoints) expect(written.length).toBeGreaterThan(0);
    const result = await verifyAuditChain(shared?.db as Database, keyring, checkpoints.flat());
    expect(describeChainVerification(result)).toMatch(
      /^Registro integro: \d+ voci verificate \(confrontate con \d+ checkpoint\)/,
    );
    expect(result).toMatchObject({ ok: true, checkpoints: checkpoints.flat().length });
    const [{ entries }] = await queryRows<{ entries: number }>(
      shared?.db as Database,
      sql`select count(*)::int as entries from audit_entry`,
    );
    expect(result).toMatchObject({ checked: entries });
  }, 120_000);
});
