import fs from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Config } from "../../server/config.ts";
import { importStructures } from "../../server/features/structures/index.ts";
import { withDatabase } from "../configured-database.ts";

export function registerStructureCommands(program: Command, config: () => Config) {
  const structure = program.command("structure").description("Anagrafe delle strutture (ASSO)");
  structure
    .command("import <file>")
    .description(
      "Importa un registro esistente (array JSON di schede); un codice già noto diventa una nuova versione",
    )
    .action(async (file: string) => {
      let records: unknown;
      try {
        records = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (error) {
        throw new Error(
          `Il file ${file} non è leggibile come JSON: ${error instanceof Error ? error.message.split("\n")[0] : ""}`,
        );
      }
      if (!Array.isArray(records))
        throw new Error("Il file deve contenere un array JSON di schede struttura.");
      const bar = new SingleBar({
        format: "Importazione [{bar}] {value}/{total} schede",
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      });
      bar.start(records.length, 0);
      const outcomes = await withDatabase(config(), (handle) =>
        importStructures(handle.db, { system: true, label: "import" }, records as unknown[], (done) =>
          bar.update(done),
        ),
      );
      bar.stop();
      const labels = {
        created: "creata",
        "new-version": "nuova versione",
        unchanged: "invariata",
        rejected: "RESPINTA",
      };
      for (const outcome of outcomes) {
        const where = `scheda ${outcome.index + 1}${outcome.code ? ` (${outcome.code})` : ""}`;
        process.stdout.write(`${where}: ${labels[outcome.outcome]}\n`);
        if (outcome.outcome === "rejected") {
          for (const problem of outcome.problems)
            process.stdout.write(`    ${problem.path || "/"}: ${problem.message}\n`);
        }
      }
      const rejected = outcomes.filter((outcome) => outcome.outcome === "rejected").length;
      process.stdout.write(
        `Totale: ${outcomes.length} schede, ${outcomes.length - rejected} importate, ${rejected} respinte.\n`,
      );
      if (rejected > 0) process.exitCode = 3;
    });
}
