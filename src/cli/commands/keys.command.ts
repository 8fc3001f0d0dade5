import fs from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Config } from "../../server/config.ts";
import {
  generateKeyringFile,
  keyringSchema,
  withNewAuditKey,
  writeKeyringFile,
} from "../../server/core/vault-keys.ts";
import { reencryptFosterCarers } from "../../server/features/cases/index.ts";
import { reencryptVault, withNewActiveKey } from "../../server/features/registry/index.ts";
import { withDatabase } from "../configured-database.ts";

export function registerKeysCommands(program: Command, config: () => Config) {
  const keys = program.command("keys").description("Chiavi dell'archivio delle identità");
  keys
    .command("generate")
    .description(
      "Genera nuove chiavi per una nuova installazione (file con permessi 0600, o JSON su standard output)",
    )
    .option("--out <file>", "file da creare (predefinito: SIRMI_KEYS_FILE)")
    .option("--stdout", "scrive il JSON sullo standard output, per un gestore di segreti (SIRMI_VAULT_KEYS)")
    .action((options: { out?: string; stdout?: boolean }) => {
      const content = generateKeyringFile();
      if (options.stdout) {
        process.stdout.write(`${JSON.stringify(content)}\n`);
        return;
      }
      const target = options.out ?? config().keysFile;
      if (fs.existsSync(target))
        throw new Error(`${target} esiste già: le chiavi esistenti non vengono mai sovrascritte.`);
      writeKeyringFile(target, content);
      process.stdout.write(
        `Chiavi create in ${target} (permessi 0600). Conservarne una copia sicura, separata dai backup della base dati.\n`,
      );
    });

  keys
    .command("rotate")
    .description("Crea una nuova chiave di cifratura attiva e ricifra tutte le identità")
    .action(async () => {
      const settings = config();
      const fromEnvironment = settings.vaultKeysJson !== undefined;
      const text =
        settings.vaultKeysJson ??
        (fs.existsSync(settings.keysFile) ? fs.readFileSync(settings.keysFile, "utf8") : undefined);
      if (!text) throw new Error(`Nessuna chiave configurata (${settings.keysFile} non esiste).`);
      const rotated = withNewActiveKey(keyringSchema.parse(JSON.parse(text)));
      if (fromEnvironment) {
        process.stdout.write(
          "Le chiavi vengono da SIRMI_VAULT_KEYS: salvare questo nuovo valore nel gestore dei segreti prima di riavviare:\n" +
            `${JSON.stringify(rotated)}\n`,
        );
      } else {
        // The new key is saved before any row uses it: an interruption never leaves rows unreadable.
        writeKeyringFile(settings.keysFile, rotated);
      }
      const bar = new SingleBar({
        format: "Ricifratura [{bar}] {value}/{total}",
        stream: process.stderr,
        noTTYOutput: true,
      });
      bar.start(0, 0);
      const result = await withDatabase(settings, (handle) =>
        reencryptVault(
          handle.db,
          rotated,
          { system: true, label: "keys" },
          (done, total) => {
            bar.setTotal(total);
            bar.update(done);
          },
          500,
          reencryptFosterCarers,
        ),
      );
      bar.stop();
      process.stdout.write(
        `Chiave attiva: ${result.activeKeyId}; identità ricifrate: ${result.reencrypted}; affidatari ricifrati: ${result.fosterCarers}.\n`,
      );
    });

  keys
    .command("rotate-audit")
    .description(
      "Crea una nuova chiave attiva del registro degli accessi; le precedenti restano per verificare le voci già scritte",
    )
    .action(() => {
      const settings = config();
      const text =
        settings.vaultKeysJson ??
        (fs.existsSync(settings.keysFile) ? fs.readFileSync(settings.keysFile, "utf8") : undefined);
      if (!text) throw new Error(`Nessuna chiave configurata (${settings.keysFile} non esiste).`);
      const rotated = withNewAuditKey(keyringSchema.parse(JSON.parse(text)));
      if (settings.vaultKeysJson !== undefined) {
        process.stdout.write(
          "Le chiavi vengono da SIRMI_VAULT_KEYS: salvare questo nuovo valore nel gestore dei segreti e riavviare i server:\n" +
            `${JSON.stringify(rotated)}\n`,
        );
        return;
      }
      writeKeyringFile(settings.keysFile, rotated);
      process.stdout.write(
        `Chiave attiva del registro: ${rotated.activeAuditKeyId}, in uso dal prossimo avvio dei server. ` +
          "Aggiornare la copia sicura del file delle chiavi.\n",
      );
    });
}
