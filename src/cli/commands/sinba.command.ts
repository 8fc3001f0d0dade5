import fs from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { isAppError } from "../../domain/errors/app-error.ts";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../../server/config.ts";
import {
  exportSinbaFlows,
  importSinbaXml,
  maxSinbaImportBytes,
  type SinbaImportReport,
} from "../../server/features/sinba/index.ts";
import { loadConfiguredKeyring, withDatabase } from "../configured-database.ts";

const outcomeLabels = {
  imported: "importato",
  unchanged: "invariato",
  "not-matched": "NON ABBINATO",
  rejected: "RESPINTO",
} as const;

function progressBar(unit: string) {
  return new SingleBar({
    format: `[{bar}] {value}/{total} ${unit}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
}

/** An AppError as the command line says it: its detail, then one line per problem. */
function said(error: unknown): never {
  if (!isAppError(error)) throw error;
  const lines = error.problems.slice(0, 20).map((problem) => `  ${problem.message}`);
  if (error.problems.length > 20) lines.push(`  … e altri ${error.problems.length - 20} problemi.`);
  throw new Error([error.detail, ...lines].join("\n"));
}

export function registerSinbaCommands(program: Command, config: () => Config, clock: Clock) {
  const sinba = program.command("sinba").description("Flusso nazionale SINBA: esportazione e importazione");

  sinba
    .command("export")
    .description(
      "Scrive i flussi registrati di un ente, un file XML per flusso (nome: id_flusso); non cambia ciò che INPS legge",
    )
    .requiredOption("--ente <belfiore>", "codice Belfiore dell'ente (per esempio D612)")
    .option("--since <data>", "solo i flussi registrati da questa data (AAAA-MM-GG)")
    .requiredOption("--out <cartella>", "cartella in cui scrivere i file")
    .action(async (options: { ente: string; since?: string; out: string }) => {
      const bar = progressBar("flussi");
      let started = false;
      const result = await withDatabase(config(), (handle) =>
        exportSinbaFlows(handle.db, {
          belfiore: options.ente,
          since: options.since,
          folder: options.out,
          progress: (done, total) => {
            if (!started) bar.start(total, done);
            started = true;
            bar.update(done);
          },
        }),
      ).catch(said);
      if (started) bar.stop();
      process.stdout.write(`Flussi esportati: ${result.flows} in ${options.out}\n`);
    });

  sinba
    .command("import <file>")
    .description(
      "Importa un file XML SINBA di un altro sistema come fatti delle cartelle (validato con lo schema SINBA.xsd)",
    )
    .option("--service <codice>", "il servizio sociale che riceve le cartelle (di norma l'ente del file)")
    .option("--report <file>", "scrive anche l'esito di ogni record in JSON")
    .action(async (file: string, options: { service?: string; report?: string }) => {
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        throw new Error(`Il file ${file} non esiste o non è leggibile.`);
      }
      if (size > maxSinbaImportBytes)
        throw new Error(
          `Il file è di ${Math.ceil(size / 1024 / 1024)} MB: al massimo ${maxSinbaImportBytes / 1024 / 1024} MB. Dividerlo in più flussi. Nulla è importato.`,
        );
      const xml = fs.readFileSync(file);
      const bar = progressBar("record");
      let started = false;
      const report = await withDatabase(config(), (handle) =>
        importSinbaXml({ db: handle.db, keyring: loadConfiguredKeyring(config()), clock }, xml, {
          serviceCode: options.service,
          progress: (done, total) => {
            if (!started) bar.start(total, done);
            started = true;
            bar.update(done);
          },
        }),
      ).catch(said);
      if (started) bar.stop();
      printReport(report);
      if (options.report) fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
      if (report.notMatched + report.rejected > 0) process.exitCode = 3;
    });
}

function printReport(report: SinbaImportReport) {
  for (const outcome of report.outcomes) {
    const who = outcome.minorPseudonym ? ` (${outcome.minorPseudonym})` : "";
    process.stdout.write(
      `record ${outcome.record}${who}: ${outcomeLabels[outcome.outcome]}, ${outcome.facts} fatti. ${outcome.message}\n`,
    );
    for (const problem of outcome.problems)
      process.stdout.write(`    ${problem.path || "/"}: ${problem.message}\n`);
    for (const note of outcome.notMapped) process.stdout.write(`    non importato: ${note}\n`);
  }
  process.stdout.write(
    `Flusso ${report.flow}, servizio ${report.service}: ${report.records} record, ${report.imported} importati, ` +
      `${report.unchanged} invariati, ${report.notMatched} non abbinati, ${report.rejected} respinti.\n`,
  );
}
