import { Command, Option } from "commander";
import { systemClock } from "../domain/time/clock.ts";
import { loadConfig } from "../server/config.ts";
import { registerAccessCommands } from "./commands/access.command.ts";
import { registerAccountCommands } from "./commands/account.command.ts";
import { registerAuditCommands } from "./commands/audit.command.ts";
import { registerBackupCommands } from "./commands/backup.command.ts";
import { registerClientCommands } from "./commands/client.command.ts";
import { registerDatabaseCommands } from "./commands/database.command.ts";
import { registerCreateInpsClientCommand } from "./commands/inps-client.command.ts";
import { registerKeysCommands } from "./commands/keys.command.ts";
import { registerReportCommands } from "./commands/report.command.ts";
import { registerSendEventsCommands } from "./commands/send-events.command.ts";
import { registerServeCommands } from "./commands/serve.command.ts";
import { registerSinbaCommands } from "./commands/sinba.command.ts";
import { registerStructureCommands } from "./commands/structure.command.ts";

const program = new Command("sirmi")
  .description("S.I.R.MI – Sistema Informativo Regionale Minori")
  .showHelpAfterError("(usare --help per l'elenco dei comandi)");

const config = () => loadConfig();
// The one clock of the command: "today" for demo data, reports and the server it starts.
const clock = systemClock;
registerServeCommands(program, config, clock);
registerDatabaseCommands(program, config);
registerBackupCommands(program, config, clock);
registerAuditCommands(program, config, clock);
registerAccessCommands(program, config);
registerAccountCommands(program, config);
registerStructureCommands(program, config);
registerKeysCommands(program, config);
registerCreateInpsClientCommand(registerClientCommands(program, config), config);
registerSendEventsCommands(program);
registerReportCommands(program, config, clock);
registerSinbaCommands(program, config, clock);
program.addOption(new Option("--version").hideHelp());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${describeError(error)}\n`);
  process.exitCode = 1;
}

/** Query errors carry their parameters in the message: show the database's own reason instead. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (error.message.startsWith("Failed query") && cause instanceof Error)
    return `Errore della base dati: ${cause.message}`;
  return error.message;
}
