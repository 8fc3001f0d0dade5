/**
 * Crash safety of the interchange API: a stream of signed batches is sent to a server that is
 * killed with SIGKILL mid-stream and restarted; every unanswered batch is sent again. Then an
 * event file is sent and the server killed while processing it. The outcome must equal an
 * uninterrupted run of the same stream into another fresh database.
 *
 *   npx tsx scripts/crash-safety.ts                  # PGlite data folders in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx scripts/…      # two fresh PostgreSQL databases on that server
 *
 * CRASH_EVENTS (3000), CRASH_BATCH (100), CRASH_CONCURRENCY (3), CRASH_FILE_LINES (600),
 * CRASH_FILE_CHUNK_LINES (50), CRASH_SEED (random) tune the run.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/open-database.ts";
import {
  eventStream,
  type FileState,
  type Machine,
  type Result,
  randomSequence,
  registerMachine,
  sendBatch,
  sendFile,
  waitForFile,
} from "../test/support/interchange-client.ts";
import {
  type Instance,
  killServer,
  prepareInstance,
  sirmi,
  startServer,
} from "../test/support/server-processes.ts";
import { firstStayDifference, readStayOutcome } from "../test/support/stay-outcome.ts";
import { structureRecord } from "../test/support/structure-fixtures.ts";

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const eventCount = setting("CRASH_EVENTS", 3000);
const batchSize = setting("CRASH_BATCH", 100);
const concurrency = setting("CRASH_CONCURRENCY", 3);
const fileLines = setting("CRASH_FILE_LINES", 600);
const seed = setting("CRASH_SEED", randomBytes(4).readUInt32LE());
const baseUrl = process.env.DATABASE_URL;
const structureCodes = ["ST900001", "ST900002", "ST900003", "ST900004"];

const say = (message: string) => process.stdout.write(`${message}\n`);
const failures: string[] = [];
function check(condition: boolean, message: string) {
  say(`${condition ? "ok  " : "FAIL"} ${message}`);
  if (!condition) failures.push(message);
}

const stream = eventStream(eventCount, structureCodes, seed);
const fileEvents = eventStream(fileLines, structureCodes, seed + 1, 500_000);
const fileBody = `${fileEvents.map((event) => JSON.stringify(event)).join("\n")}\n`;
const batches: Record<string, unknown>[][] = [];
for (let start = 0; start < stream.length; start += batchSize)
  batches.push(stream.slice(start, start + batchSize));

/** Sends batches with a few in flight at once; returns the answers and the unanswered batches. */
async function sendAll(
  instance: Instance,
  machine: Machine,
  indexes: number[],
  onDispatch?: (index: number) => void,
) {
  const answers = new Map<number, Result[]>();
  const unanswered: number[] = [];
  const queue = [...indexes];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
        onDispatch?.(index);
        const results = await sendBatch(instance, machine, batches[index]);
        if (results) answers.set(index, results);
        else unanswered.push(index);
      }
    }),
  );
  return { answers, unanswered: unanswered.sort((a, b) => a - b) };
}

const instances: Instance[] = [];

async function setUp(name: string, work: string, url: string | undefined) {
  const instance = await prepareInstance(name, work, url);
  instances.push(instance);
  const structuresFile = path.join(work, "structures.json");
  fs.writeFileSync(
    structuresFile,
    JSON.stringify(
      structureCodes.map((code, index) =>
        structureRecord({ code, name: `Comunità ${index + 1}`, authorisedPlaces: 500 }),
      ),
    ),
  );
  await sirmi(instance, ["structure", "import", structuresFile]);
  const machine = await registerMachine(instance, work, structureCodes);
  await startServer(instance);
  return { instance, machine };
}

async function uninterruptedRun(work: string, url: string | undefined) {
  const { instance, machine } = await setUp("reference", work, url);
  const started = performance.now();
  const { unanswered } = await sendAll(
    instance,
    machine,
    batches.map((_, index) => index),
  );
  check(unanswered.length === 0, `reference run: all ${batches.length} batches answered`);
  const sent = performance.now();
  const location = await sendFile(instance, machine, fileBody);
  const file = await waitForFile(
    instance,
    machine,
    location,
    (state) => state.status === "done" || state.status === "failed",
  );
  const fileMs = performance.now() - sent;
  check(file.status === "done", `reference run: the event file was processed (${file.status})`);
  say(
    `reference run: ${stream.length} events in ${((sent - started) / 1000).toFixed(1)} s, ` +
      `the ${fileLines}-line file in ${(fileMs / 1000).toFixed(1)} s`,
  );
  await killServer(instance, "SIGTERM");
  return { instance, file, fileMs };
}

async function interruptedRun(work: string, url: string | undefined) {
  const { instance, machine } = await setUp("interrupted", work, url);
  const random = randomSequence(seed ^ 0x5bd1e995);
  const killAt = Math.floor(batches.length * (0.2 + random() * 0.6));
  let kill: Promise<void> | undefined;
  const acknowledged = new Map<string, string>();
  let pending = batches.map((_, index) => index);
  for (let round = 0; pending.length > 0; round++) {
    if (round > 3) throw new Error("batches still unanswered after three restarts");
    const { answers, unanswered } = await sendAll(instance, machine, pending, (index) => {
      // Killed within a few milliseconds of sending batch `killAt`, while it is in flight: a
      // longer delay lets a fast machine answer every batch before the kill.
      if (round === 0 && index === killAt && !kill)
        kill = new Promise((resolve) => setTimeout(resolve, random() * 5)).then(() =>
          killServer(instance, "SIGKILL"),
        );
    });
    await kill;
    for (const results of answers.values())
      for (const result of results)
        if (!acknowledged.has(result.id)) acknowledged.set(result.id, result.status);
    say(
      `interrupted run, round ${round + 1}: ${answers.size} batches answered, ${unanswered.length} to send again`,
    );
    if (round === 0) check(unanswered.length > 0, `SIGKILL at batch ${killAt} left batches unanswered`);
    pending = unanswered;
    if (!instance.process) await startServer(instance);
  }
  // Second phase: the server dies while it processes an event file: as soon as a random number of
  // lines (from one chunk to half the file) is committed, whatever the speed of the machine.
  const location = await sendFile(instance, machine, fileBody);
  const killAfter = Math.max(1, Math.floor((fileLines / 2) * random()));
  await waitForFile(instance, machine, location, (state) => state.counts.processed >= killAfter, 10);
  await killServer(instance, "SIGKILL");
  await startServer(instance);
  // The dead process's lease has not expired yet: what is committed is what it left behind.
  const cut = await waitForFile(instance, machine, location, () => true);
  say(`event file: server killed with ${cut.counts.processed}/${cut.counts.lines} lines committed`);
  check(cut.counts.processed < cut.counts.lines, "the server was killed before the file was complete");
  const file = await waitForFile(
    instance,
    machine,
    location,
    (state) => state.status === "done" || state.status === "failed",
  );
  await killServer(instance, "SIGTERM");
  return { instance, file, acknowledged };
}

const codesOf = (outcome: Result) => (outcome.errors ?? []).map((problem) => problem.code).join(",");

async function readOutcome(instance: Instance) {
  const handle = await openDatabase(
    instance.env.DATABASE_URL
      ? { kind: "postgres", url: instance.env.DATABASE_URL }
      : { kind: "pglite", dataDir: instance.env.SIRMI_DATA_DIR },
  );
  try {
    return await readStayOutcome(handle.db);
  } finally {
    await handle.close();
  }
}

async function createDatabases() {
  if (!baseUrl) return { urls: [undefined, undefined], drop: async () => {} };
  const names = ["a", "b"].map((suffix) => `sirmi_crash_${randomBytes(4).toString("hex")}_${suffix}`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  for (const name of names) await admin.query(`create database ${name}`);
  await admin.end();
  const urlOf = (name: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    urls: names.map(urlOf),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      for (const name of names) await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-crash-"));
  say(
    `crash safety on ${baseUrl ? "PostgreSQL" : "PGlite"}: ${stream.length} events in ${batches.length} batches ` +
      `(${concurrency} in flight), then a ${fileLines}-line event file; seed ${seed}; work folder ${work}`,
  );
  const databases = await createDatabases();
  try {
    const reference = await uninterruptedRun(work, databases.urls[0]);
    const interrupted = await interruptedRun(work, databases.urls[1]);
    const [expected, actual] = [
      await readOutcome(reference.instance),
      await readOutcome(interrupted.instance),
    ];

    const acknowledgedAccepted = [...interrupted.acknowledged].filter(([, status]) => status === "accepted");
    const storedOnce = acknowledgedAccepted.filter(
      ([id]) => actual.events.get(id)?.copies === 1 && actual.events.get(id)?.status === "accepted",
    );
    check(
      storedOnce.length === acknowledgedAccepted.length,
      `each of the ${acknowledgedAccepted.length} events acknowledged "accepted" is stored exactly once (${storedOnce.length})`,
    );
    const allIds = [...stream, ...fileEvents].map((event) => event.id as string);
    const missing = allIds.filter((id) => !actual.events.has(id));
    check(missing.length === 0, `no event of the stream or the file is missing (${missing.length} missing)`);
    check(
      [...actual.events.values()].every((event) => event.copies === 1),
      `no event stored twice (${actual.events.size} events)`,
    );
    const differentStatus = allIds.filter(
      (id) => actual.events.get(id)?.status !== expected.events.get(id)?.status,
    );
    check(
      differentStatus.length === 0,
      `every event has the outcome of the uninterrupted run (${differentStatus.length} differ)`,
    );
    const same = JSON.stringify(actual.stays) === JSON.stringify(expected.stays);
    check(
      same,
      `the ${actual.stays.length} stays equal those of the uninterrupted run (${expected.stays.length})`,
    );
    if (!same) say(`     first difference: ${firstStayDifference(actual.stays, expected.stays)}`);
    check(
      interrupted.file.status === "done",
      `the event file killed mid-processing completed (${interrupted.file.status})`,
    );
    check(
      JSON.stringify(interrupted.file.counts) === JSON.stringify(reference.file.counts),
      `its counts equal the uninterrupted run's: ${JSON.stringify(interrupted.file.counts)}`,
    );
    const lines = interrupted.file.outcomes.map((outcome) => outcome.line);
    check(
      lines.length === fileLines && new Set(lines).size === fileLines,
      `each of its ${fileLines} lines has exactly one outcome (${lines.length})`,
    );
    const summary = (file: FileState) =>
      file.outcomes.map((o) => `${o.line}:${o.id}:${o.status}:${codesOf(o)}`).join("\n");
    check(
      summary(interrupted.file) === summary(reference.file),
      "its per-line outcomes equal the uninterrupted run's",
    );
  } finally {
    for (const instance of instances) await killServer(instance, "SIGKILL");
    await databases.drop();
  }
  if (failures.length > 0) {
    say(`\n${failures.length} check(s) failed; server logs in ${work}`);
    process.exit(1);
  }
  fs.rmSync(work, { recursive: true, force: true });
  say("\nall checks passed");
}

main().catch((error: unknown) => {
  process.stderr.write(`crash safety run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
