import { Command, Option } from "commander";
import { loadConfig } from "../server/config.ts";
import { registerAccessCommands } from "./commands/access.command.ts";
import { registerDatabaseCommands } from "./commands/database.command.ts";
import { registerServeCommands } from "./commands/serve.command.ts";
import { registerStructureCommands } from "./commands/structure.command.ts";

const program = new Command("sirmi")
  .description("S.I.R.MI – Sistema Informativo Regionale Minori")
  .showHelpAfterError("(usare --help per l'elenco dei comandi)");

const config = () => loadConfig();
registerServeCommands(program, config);
registerDatabaseCommands(program, config);
registerAccessCommands(program, config);
registerStructureCommands(program, config);
program.addOption(new Option("--version").hideHelp());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
