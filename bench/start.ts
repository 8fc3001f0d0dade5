/**
 * Start-up cost of `sirmi start`: cold (empty data folder: migrations, comuni, demo data) and
 * warm (existing folder), time until the server answers and peak memory (VmHWM) of the process.
 * Baseline, measured in the same run: a bare PGlite on a new folder plus an empty Fastify server.
 * Run: npx tsx bench/start.ts   (the web app must be built once: npm run build:web)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

type Measure = { seconds: number; peakMegabytes: number };

function run(command: string[], environment: NodeJS.ProcessEnv, ready: RegExp): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, command, { env: { ...process.env, ...environment } });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (!ready.test(output)) return;
      const seconds = (performance.now() - started) / 1000;
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const peakKilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      child.kill("SIGTERM");
      child.once("close", () => resolve({ seconds, peakMegabytes: peakKilobytes / 1024 }));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => {
      if (!ready.test(output)) reject(new Error(`exited ${code} before ready:\n${output}`));
    });
  });
}

const tsx = ["--import", "tsx"];
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-bench-start-"));
const environment = { SIRMI_DATA_DIR: path.join(folder, "data"), PORT: "0", SIRMI_LOG_LEVEL: "warn" };

const baseline = await run([...tsx, "bench/start-baseline.ts", path.join(folder, "baseline")], {}, /ready/);
const cold = await run(["bin/sirmi.mjs", "start"], environment, /è pronto su/);
const warm = await run(["bin/sirmi.mjs", "start"], environment, /è pronto su/);
fs.rmSync(folder, { recursive: true, force: true });

const line = (name: string, measure: Measure) =>
  `${name.padEnd(34)} ${measure.seconds.toFixed(2).padStart(6)} s   peak ${measure.peakMegabytes.toFixed(0).padStart(5)} MB   ` +
  `× baseline ${(measure.seconds / baseline.seconds).toFixed(2)} (time) ${(measure.peakMegabytes / baseline.peakMegabytes).toFixed(2)} (memory)`;
console.log(`Node ${process.version}, ${os.cpus().length} CPU`);
console.log(line("baseline (PGlite + empty Fastify)", baseline));
console.log(line("sirmi start, cold (new folder)", cold));
console.log(line("sirmi start, warm (existing folder)", warm));
