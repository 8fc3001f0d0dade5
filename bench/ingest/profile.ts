/**
 * Optional CPU profile of the pipeline phase only (client and server share the process):
 * SIRMI_BENCH_CPU_PROFILE=/tmp/ingest.cpuprofile npx tsx bench/ingest/ingest.ts
 * The file opens in Chrome DevTools; summarise-profile.ts lists the top functions by self time.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

export async function startProfiler(path: string | undefined) {
  if (!path) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
