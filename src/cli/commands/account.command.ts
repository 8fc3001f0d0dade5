import type { Command } from "commander";
import type { Config } from "../../server/config.ts";
import { loadKeyring } from "../../server/core/vault-keys.ts";
import {
  enrolSecondFactorSystem,
  resetPasswordSystem,
  setFiscalCodeSystem,
} from "../../server/features/access/index.ts";
import { withDatabase } from "../configured-database.ts";
import { readStdin } from "../input.ts";

const system = { system: true as const, label: "cli" };

/**
 * Account commands for whoever runs the installation: the first managers of organisations when
 * no provider is configured, and a way back in for a locked-out manager. Each is audited as
 * sistema:cli; secrets go to standard output once, fiscal codes come from standard input only.
 */
export function registerAccountCommands(program: Command, config: () => Config) {
  const user = program.commands.find((command) => command.name() === "user") as Command;
  const keyringOf = (settings: Config) =>
    loadKeyring(
      { keysFile: settings.keysFile, vaultKeysJson: settings.vaultKeysJson, mayCreate: false },
      (message) => process.stderr.write(`${message}\n`),
    );

  user
    .command("enrol-second-factor")
    .description("Attiva il secondo fattore (TOTP) di un utente e ne stampa la chiave e i codici di recupero")
    .requiredOption("--username <username>")
    .action(async (options: { username: string }) => {
      const settings = config();
      const keyring = keyringOf(settings);
      await withDatabase(settings, async (handle) => {
        const enrolled = await enrolSecondFactorSystem(handle.db, keyring, system, {
          username: options.username,
          issuer: `S.I.R.MI ${settings.regionName}`,
        });
        process.stdout.write(
          `Secondo fattore attivato per ${options.username} (mostrato solo ora).\n` +
            `Chiave: ${enrolled.secret}\nURI: ${enrolled.otpauthUri}\n` +
            `Codici di recupero:\n${enrolled.recoveryCodes.map((code) => `  ${code}`).join("\n")}\n`,
        );
      });
    });

  user
    .command("reset-password")
    .description("Assegna una password temporanea (da cambiare al primo accesso) e chiude le sessioni")
    .requiredOption("--username <username>")
    .action(async (options: { username: string }) => {
      await withDatabase(config(), async (handle) => {
        const { temporaryPassword } = await resetPasswordSystem(handle.db, system, options.username);
        process.stdout.write(
          `Password temporanea di ${options.username} (mostrata solo ora): ${temporaryPassword}\n`,
        );
      });
    });

  user
    .command("set-fiscal-code")
    .description(
      "Registra il codice fiscale di un utente per l'accesso con SPID o CIE (letto dallo standard input)",
    )
    .requiredOption("--username <username>")
    .option("--fiscal-code-stdin", "legge il codice fiscale dallo standard input")
    .action(async (options: { username: string; fiscalCodeStdin?: boolean }) => {
      if (!options.fiscalCodeStdin)
        throw new Error("Fornire il codice fiscale con --fiscal-code-stdin (mai come argomento).");
      const fiscalCode = (await readStdin()).trim();
      const settings = config();
      const keyring = keyringOf(settings);
      await withDatabase(settings, async (handle) => {
        await setFiscalCodeSystem(handle.db, keyring, system, options.username, fiscalCode);
        process.stdout.write(
          `Codice fiscale registrato per ${options.username}: potrà accedere con SPID o CIE.\n`,
        );
      });
    });
}
