import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import {
  digestHeader,
  loadSigningKey,
  requestHeaders,
  type SigningKey,
  signClientToken,
} from "../src/cli/send-events/token.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "bin/sirmi.mjs");

/** A deterministic pseudo-random sequence, so that both runs send the very same stream. */
export function randomSequence(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const letters = "ABCDEFGHILMNOPRSTUVZ";
function nameOf(index: number, length: number) {
  let name = "";
  let rest = index;
  for (let i = 0; i < length; i++) {
    name += letters[rest % letters.length];
    rest = Math.floor(rest / letters.length);
  }
  return name[0] + name.slice(1).toLowerCase();
}

const day = (offset: number) =>
  new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Admissions, activities, absences and discharges over many stays, each stay's events in order. */
export function eventStream(count: number, structureCodes: string[], seed: number, firstStay = 0) {
  const random = randomSequence(seed);
  const events: Record<string, unknown>[] = [];
  for (let stay = firstStay; events.length < count; stay++) {
    const structureCode = structureCodes[stay % structureCodes.length];
    const stayRef = `CS-${String(stay).padStart(6, "0")}`;
    const start = Math.floor(random() * 300);
    const base = { structureCode, stayRef };
    events.push({
      id: randomUUID(),
      type: "admission",
      ...base,
      occurredOn: day(start),
      minor: {
        familyName: nameOf(stay, 6),
        givenName: nameOf(stay * 7 + 3, 5),
        sex: stay % 2 ? "F" : "M",
        birthDate: day(-3000 - (stay % 2000)),
        birthPlace: { country: "436" },
        citizenship: "436",
        unaccompaniedForeignMinor: true,
      },
      admission: {
        kind: "planned",
        legalBasis: "judicial",
        referringService: { code: "SVC-048017-01", comune: "048017" },
        withParent: false,
        origin: "arrived-from-abroad",
        reasons: ["7", "2"],
      },
    });
    const activities = 1 + Math.floor(random() * 3);
    for (let a = 0; a < activities; a++)
      events.push({
        id: randomUUID(),
        type: "activity",
        ...base,
        occurredOn: day(start + 1 + a),
        sequence: a,
        activity: { code: a % 2 ? "language-course" : "school", hours: 10 + a },
      });
    if (random() < 0.3) {
      events.push({
        id: randomUUID(),
        type: "absence-start",
        ...base,
        occurredOn: day(start + 5),
        absence: { kind: "hospital" },
      });
      events.push({ id: randomUUID(), type: "absence-end", ...base, occurredOn: day(start + 7) });
    }
    if (random() < 0.6)
      events.push({
        id: randomUUID(),
        type: "discharge",
        ...base,
        occurredOn: day(start + 10 + Math.floor(random() * 40)),
        discharge: { reason: "project-completed", destination: "family-of-origin" },
      });
  }
  return events.slice(0, count);
}

export type Instance = {
  name: string;
  env: Record<string, string>;
  port: number;
  baseUrl: string;
  process?: ChildProcess;
  log: string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function sirmi(instance: Instance, args: string[]) {
  const { stdout } = await run(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, ...instance.env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

export async function prepareInstance(name: string, work: string, databaseUrl: string | undefined) {
  const port = await freePort();
  const dataDir = path.join(work, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    SIRMI_DATA_DIR: dataDir,
    SIRMI_KEYS_FILE: path.join(dataDir, "keys.json"),
    PORT: String(port),
    SIRMI_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SIRMI_LOG_LEVEL: "warn",
    SIRMI_RATE_LIMIT_PER_MINUTE: "1000000",
    SIRMI_EVENT_FILE_CHUNK_LINES: process.env.CRASH_FILE_CHUNK_LINES ?? "50",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const instance: Instance = {
    name,
    env,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    log: path.join(work, `${name}.log`),
  };
  await sirmi(instance, ["keys", "generate"]);
  await sirmi(instance, ["migrate"]);
  return instance;
}

export async function startServer(instance: Instance) {
  const log = fs.openSync(instance.log, "a");
  instance.process = spawn(process.execPath, [cli, "serve"], {
    cwd: root,
    env: { ...process.env, ...instance.env },
    stdio: ["ignore", log, log],
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (instance.process.exitCode !== null)
      throw new Error(`${instance.name}: the server exited, see ${instance.log}`);
    const ok = await fetch(`${instance.baseUrl}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${instance.name}: the server did not start, see ${instance.log}`);
}

export async function killServer(instance: Instance, signal: NodeJS.Signals) {
  const child = instance.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
  instance.process = undefined;
}

export type Machine = { clientId: string; signing: SigningKey };

export async function registerMachine(instance: Instance, work: string, structureCodes: string[]) {
  const { generateKeyPair, exportJWK } = await import("jose");
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  const publicFile = path.join(work, `${instance.name}-public.json`);
  fs.writeFileSync(publicFile, JSON.stringify({ ...(await exportJWK(publicKey)), kid }));
  const args = ["client", "create", "--jwk", publicFile, "--require-integrity"];
  for (const code of structureCodes) args.push("--structure", code);
  const clientId = (await sirmi(instance, args)).trim();
  return { clientId, signing: await loadSigningKey({ ...(await exportJWK(privateKey)), kid }) };
}

export type Result = { id: string; status: string; line?: number; errors?: { code: string }[] };

/** One signed batch (ID_AUTH_REST_02 + INTEGRITY_REST_01); undefined when no answer came back. */
export async function sendBatch(instance: Instance, machine: Machine, events: unknown[]) {
  const url = `${instance.baseUrl}/api/v1/events`;
  const body = JSON.stringify({ events });
  const headers = await requestHeaders(machine.signing, {
    clientId: machine.clientId,
    audience: `${instance.env.SIRMI_PUBLIC_URL}/api/v1/events`,
    body,
    integrity: true,
  });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(120_000),
    });
    if (response.status !== 200) return undefined;
    return ((await response.json()) as { results: Result[] }).results;
  } catch {
    return undefined;
  }
}

export async function sendFile(instance: Instance, machine: Machine, body: string) {
  const contentType = "application/x-ndjson";
  const audience = `${instance.env.SIRMI_PUBLIC_URL}/api/v1/event-files`;
  const claims = { clientId: machine.clientId, audience };
  const digest = digestHeader(body);
  const response = await fetch(`${instance.baseUrl}/api/v1/event-files`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      authorization: `Bearer ${await signClientToken(machine.signing, claims)}`,
      digest,
      "agid-jwt-signature": await signClientToken(machine.signing, {
        ...claims,
        extra: { signed_headers: [{ digest }, { "content-type": contentType }] },
      }),
    },
    body,
  });
  if (response.status !== 202)
    throw new Error(`event file refused: ${response.status} ${await response.text()}`);
  return response.headers.get("location") as string;
}

export type FileState = {
  status: string;
  counts: Record<string, number>;
  outcomes: Result[];
  nextCursor: number | null;
};

export async function fileState(
  instance: Instance,
  machine: Machine,
  location: string,
): Promise<FileState | undefined> {
  const outcomes: Result[] = [];
  let cursor = 0;
  for (;;) {
    const token = await signClientToken(machine.signing, {
      clientId: machine.clientId,
      audience: `${instance.env.SIRMI_PUBLIC_URL}${location}`,
    });
    const response = await fetch(`${instance.baseUrl}${location}?limit=5000&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    if (response?.status !== 200) return undefined;
    const page = (await response.json()) as FileState;
    outcomes.push(...page.outcomes);
    if (page.nextCursor === null) return { ...page, outcomes };
    cursor = page.nextCursor;
  }
}
