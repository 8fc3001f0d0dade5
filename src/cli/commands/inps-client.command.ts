import type { Command } from "commander";
import type { Config } from "../../server/config.ts";
import { createInpsClientSystem } from "../../server/features/inps-waas/index.ts";
import { withDatabase } from "../configured-database.ts";
import { describeProblems, readPublicKeys } from "./client.command.ts";

const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value.split(",").map((code) => code.trim()),
];

/** `sirmi client create-inps`: INPS's client of the WaaS e-service, for the enti it reads. */
export function registerCreateInpsClientCommand(client: Command, config: () => Config) {
  client
    .command("create-inps")
    .description(
      "Registra il client di INPS (e-service WaaS, flussi SINBA) e stampa il suo id (iss e sub dei token)",
    )
    .requiredOption(
      "--ente <belfiore>",
      "codice Belfiore di un ente di cui INPS legge i flussi (ripetibile, o separati da virgola)",
      collect,
      [],
    )
    .requiredOption(
      "--jwk <file>",
      "chiave pubblica di INPS in formato JWK o JWK Set (EC P-256 o RSA ≥ 2048 bit)",
    )
    .option("--name <name>", "nome del client")
    .option("--region <code>", "codice dell'organizzazione della Regione, se più d'una")
    .action(async (options: { ente: string[]; jwk: string; name?: string; region?: string }) => {
      const keys = readPublicKeys(options.jwk);
      const created = await withDatabase(config(), (handle) =>
        createInpsClientSystem(
          handle.db,
          { system: true, label: "client" },
          {
            name: options.name,
            enti: options.ente.filter((code) => code.length > 0).map((code) => code.toUpperCase()),
            keys,
            regionCode: options.region,
          },
        ),
      ).catch((error: unknown) => {
        throw new Error(describeProblems(error));
      });
      process.stdout.write(`${created.id}\n`);
      process.stderr.write(
        `Enti: ${created.enti.join(", ")}. Chiavi registrate (kid): ${created.keys.map((key) => key.kid).join(", ")}\n`,
      );
    });
}
