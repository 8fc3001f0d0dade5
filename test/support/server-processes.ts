import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "bin/sirmi.mjs");

/** A real `sirmi serve` process: its environment, its port, its log file. */
export type Instance = {
  name: string;
  env: Record<string, string>;
  port: number;
  baseUrl: string;
  process?: ChildProcess;
  log: string;
};

export async function freePort(): Promise<number> {
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

/**
 * A server's settings on a free port, its data folder and log in `work`. `shared` (database,
 * keys, public address) is what several servers behind one load balancer have in common.
 */
export async function serverInstance(name: string, work: string, shared: Record<string, string>) {
  const port = await freePort();
  const dataDir = path.join(work, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    SIRMI_DATA_DIR: dataDir,
    SIRMI_KEYS_FILE: path.join(dataDir, "keys.json"),
    SIRMI_AUDIT_CHECKPOINT_DIR: path.join(dataDir, "audit-checkpoints"),
    PORT: String(port),
    SIRMI_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SIRMI_LOG_LEVEL: "warn",
    SIRMI_RATE_LIMIT_PER_MINUTE: "1000000",
    SIRMI_LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    SIRMI_EVENT_FILE_CHUNK_LINES: process.env.CRASH_FILE_CHUNK_LINES ?? "50",
    ...shared,
  };
  const instance: Instance = {
    name,
    env,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    log: path.join(work, `${name}.log`),
  };
  return instance;
}

/** A server with keys of its own on a freshly migrated database (PGlite in `work` without a URL). */
export async function prepareInstance(name: string, work: string, databaseUrl: string | undefined) {
  const instance = await serverInstance(name, work, databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  await sirmi(instance, ["keys", "generate"]);
  await sirmi(instance, ["migrate"]);
  return instance;
}

/** Starts `sirmi serve` and waits (polling `/status`) until it answers. */
export async function startServer(instance: Instance) {
  const log = fs.openSync(instance.log, "a");
  instance.process = spawn(process.execPath, [cli, "serve"], {
    cwd: root,
    env: { ...process.env, ...instance.env },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  for (let attempt = 0; attempt < 1200; attempt++) {
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
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    instance.process = undefined;
    return;
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
  instance.process = undefined;
}
