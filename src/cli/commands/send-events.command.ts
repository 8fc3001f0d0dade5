import fs from "node:fs";
import { SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { defaultAttempts, maxBatchSize, SendEventsError, sendEventsText } from "../send-events/client.ts";
import { exitCodeOf, rejectionLines, totalsLine } from "../send-events/report.ts";
import { loadSigningKey } from "../send-events/token.ts";

type SendEventsOptions = {
  url: string;
  client: string;
  key: string;
  batch: number;
  attempts: number;
  integrity?: boolean;
};

const integerBetween = (min: number, max: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new InvalidArgumentError(`deve essere un intero tra ${min} e ${max}.`);
  return parsed;
};

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Impossibile leggere ${what} ${file}: ${error instanceof Error ? error.message : error}`);
  }
}

function readPrivateKey(file: string): unknown {
  try {
    return JSON.parse(readFile(file, "la chiave privata"));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`Il file ${file} non è leggibile come JSON.`);
    throw error;
  }
}

function checkUrl(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`URL non valido: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error("L'URL deve iniziare con https:// (o http:// per prove locali).");
}

export function registerSendEventsCommands(program: Command) {
  program
    .command("send-events <file>")
    .description(
      "Invia gli eventi di un file JSON Lines all'endpoint di interscambio (ModI), a lotti, ritentando in caso di errori temporanei",
    )
    .requiredOption("--url <url>", "URL completo dell'endpoint, es. https://host/api/v1/events (claim aud)")
    .requiredOption("--client <id>", "id del client registrato (iss e sub dei token)")
    .requiredOption("--key <file>", "chiave privata del client in formato JWK, con il kid registrato")
    .option(
      "--batch <n>",
      `eventi per richiesta (al massimo ${maxBatchSize})`,
      integerBetween(1, maxBatchSize),
      500,
    )
    .option(
      "--attempts <n>",
      "tentativi per richiesta in caso di errori temporanei",
      integerBetween(1, 100),
      defaultAttempts,
    )
    .option("--integrity", "aggiunge Digest e Agid-JWT-Signature (ModI INTEGRITY_REST_01)")
    .action(async (file: string, options: SendEventsOptions) => {
      checkUrl(options.url);
      const signing = await loadSigningKey(readPrivateKey(options.key));
      const text = readFile(file, "il file");
      const bar = new SingleBar({
        format: "Invio [{bar}] {value}/{total} eventi",
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      });
      let started = false;
      const stopBar = () => {
        if (started) bar.stop();
        started = false;
      };
      try {
        const summary = await sendEventsText(text, {
          url: options.url,
          clientId: options.client,
          signing,
          batchSize: options.batch,
          attempts: options.attempts,
          integrity: options.integrity ?? false,
          onProgress: (sent, total) => {
            if (!started) {
              bar.start(total, sent);
              started = true;
            } else bar.update(sent);
          },
          onRetry: ({ attempt, delayMs, reason }) =>
            process.stderr.write(
              `\n${reason}: nuovo tentativo (${attempt + 1}/${options.attempts}) tra ${(delayMs / 1000).toFixed(1)} s\n`,
            ),
        });
        stopBar();
        for (const line of rejectionLines(summary)) process.stdout.write(`${line}\n`);
        process.stdout.write(`${totalsLine(summary)}\n`);
        process.exitCode = exitCodeOf(summary);
      } catch (error) {
        stopBar();
        if (error instanceof SendEventsError && error.summary) {
          for (const line of rejectionLines(error.summary)) process.stdout.write(`${line}\n`);
          process.stdout.write(`Prima dell'interruzione: ${totalsLine(error.summary)}\n`);
        }
        throw error;
      }
    });
}
