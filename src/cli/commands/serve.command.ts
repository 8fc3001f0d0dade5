import type { Command } from "commander";
import { loadReferenceData } from "../../db/seed/reference-data.ts";
import { seesIdentities } from "../../domain/access/identity-roles.ts";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../../server/config.ts";
import { bindAuditKeys } from "../../server/core/audit-chain.ts";
import { loadKeyring, reloadingKeyring } from "../../server/core/vault-keys.ts";
import { defaultWebRoot, ensureWebBuilt, serve } from "../../server/main.ts";
import { openConfiguredDatabase } from "../configured-database.ts";
import { isDatabaseEmpty, isVaultEmpty } from "../database-state.ts";
import { createDemoCases } from "../demo/demo-cases.ts";
import { actorOf, createDemoData } from "../demo/demo-data.ts";
import { createDemoStays } from "../demo/demo-stays.ts";

export function registerServeCommands(program: Command, config: () => Config, clock: Clock) {
  program
    .command("start")
    .description("Avvia S.I.R.MI; su una base dati vuota la prepara e carica i dati dimostrativi")
    .option("--no-demo", "non caricare i dati dimostrativi su una base dati vuota")
    .action(async (options: { demo: boolean }) => {
      const started = performance.now();
      const settings = config();
      const say = (message: string) => process.stdout.write(`${message}\n`);
      await ensureWebBuilt(defaultWebRoot, say);
      const handle = await openConfiguredDatabase(settings);
      const isNew = await isDatabaseEmpty(handle.db);
      if (isNew)
        say(
          handle.kind === "pglite"
            ? `Nuova base dati incorporata in ${settings.dataDir}`
            : "Base dati vuota: preparazione",
        );
      await handle.migrate();
      await loadReferenceData(handle.db);
      // New keys only for an embedded database whose vault is empty: never over existing identities.
      const keyring = loadKeyring(
        {
          keysFile: settings.keysFile,
          vaultKeysJson: settings.vaultKeysJson,
          mayCreate: handle.kind === "pglite" && (await isVaultEmpty(handle.db)),
        },
        say,
      );
      // The demo data is audited like real use, sealed with the log's key.
      bindAuditKeys(handle.db, keyring);
      if (isNew && options.demo) {
        say("Caricamento dei dati dimostrativi…");
        const demo = await createDemoData(handle.db, settings.regionCode, clock.today());
        const stays = await createDemoStays(handle.db, keyring, clock.today());
        const cases = await createDemoCases(
          handle.db,
          keyring,
          { today: clock.today(), now: clock.now() },
          (username) => actorOf(handle.db, username),
        );
        say(
          `Strutture dimostrative: ${demo.structures} schede; accoglienze: ${stays.stays} (${stays.events} eventi); cartelle sociali: ${cases.cases} (${cases.events} fatti).`,
        );
        say(`\nUtenti dimostrativi (le password sono mostrate solo ora):`);
        for (const user of demo.passwords)
          say(
            `  ${user.username.padEnd(14)} ${user.role.padEnd(20)} ${user.password}${seesIdentities(user.role) ? "  *" : ""}`,
          );
        say(
          "  * ruolo che vede le identità dei minori: al primo accesso si attiva la verifica in due passaggi\n" +
            "    (codice QR per un'app di autenticazione, o la chiave mostrata come testo, es. oathtool --totp -b CHIAVE).",
        );
        say("");
      }
      const { address } = await serve(settings, handle, reloadingKeyring(keyring, settings.keysFile), clock);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(`S.I.R.MI è pronto su ${address.replace("127.0.0.1", "localhost")} (avvio in ${seconds} s)`);
      say(`Documentazione delle API: ${address.replace("127.0.0.1", "localhost")}/api/docs`);
    });

  program
    .command("serve")
    .description("Avvia il server su una base dati già migrata (produzione)")
    .action(async () => {
      const settings = config();
      const keyring = loadKeyring(
        { keysFile: settings.keysFile, vaultKeysJson: settings.vaultKeysJson, mayCreate: false },
        (message) => process.stdout.write(`${message}\n`),
      );
      const handle = await openConfiguredDatabase(settings);
      const { address } = await serve(settings, handle, reloadingKeyring(keyring, settings.keysFile), clock);
      process.stdout.write(`S.I.R.MI in ascolto su ${address}\n`);
    });
}
