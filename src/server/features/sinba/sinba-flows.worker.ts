import type { Logger } from "pino";
import { safeErrorSummary } from "../../http/safe-error.ts";
import {
  produceSinbaFlows,
  type SinbaProducerDependencies,
  type SinbaProduction,
} from "./sinba-flows.producer.ts";

export type SinbaFlowWorker = {
  start(): void;
  /** Runs the producer now, until no case is left to check. */
  drain(): Promise<SinbaProduction>;
  stop(): Promise<void>;
};

declare module "fastify" {
  interface FastifyInstance {
    sinbaFlowWorker: SinbaFlowWorker;
  }
}

/**
 * Runs the SINBA flow producer every `seconds` in the background of the server process (never when
 * `seconds` is 0: then only `drain` runs it, as the tests and the command line do).
 */
export function createSinbaFlowWorker(
  deps: SinbaProducerDependencies & { logger: Logger; seconds: number },
): SinbaFlowWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SinbaProduction> | undefined;
  let stopped = false;

  async function run(): Promise<SinbaProduction> {
    if (running) await running.catch(() => undefined);
    running = (async () => {
      const total: SinbaProduction = { checked: 0, recorded: 0, notSendable: 0 };
      for (;;) {
        const batch = await produceSinbaFlows(deps, { maxCases: 200 });
        total.checked += batch.checked;
        total.recorded += batch.recorded;
        total.notSendable += batch.notSendable;
        if (batch.checked < 200 || stopped) return total;
      }
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  function schedule() {
    if (stopped || deps.seconds === 0) return;
    timer = setTimeout(async () => {
      try {
        const done = await run();
        if (done.recorded > 0 || done.notSendable > 0)
          deps.logger.info({ sinba: done }, "SINBA flows produced");
      } catch (error) {
        deps.logger.error({ error: safeErrorSummary(error) }, "SINBA flow producer failed");
      }
      schedule();
    }, deps.seconds * 1000);
    timer.unref();
  }

  return {
    start: schedule,
    drain: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
