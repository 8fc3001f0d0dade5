import fs from "node:fs";
import type { Command } from "commander";
import type { Config } from "../../server/config.ts";
import { createClientSystem, disableClientSystem } from "../../server/features/events/index.ts";
import { withDatabase } from "../configured-database.ts";

const collect = (value: string, previous: string[]) => [...previous, value];

/** A file with one public JWK, or a JWK Set ({"keys": [...]}). */
export function readPublicKeys(file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `Il file ${file} non è leggibile come JSON: ${error instanceof Error ? error.message.split("\n")[0] : ""}`,
    );
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  return Array.isArray(keys) ? keys : [parsed];
}

export function describeProblems(error: unknown): string {
  const problems = (error as { problems?: { path: string; message: string }[] })?.problems ?? [];
  const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);
  return [error instanceof Error ? error.message : String(error), ...lines].join("\n");
}

/** Returns the `client` command, which `create-inps` joins (inps-client.command.ts). */
export function registerClientCommands(program: Command, config: () => Config): Command {
  const client = program
    .command("client")
    .description("Client applicativi (gestionali) che inviano eventi con lo standard di interscambio");
  client
    .command("create")
    .description("Registra un client e stampa il suo id (iss e sub dei token)")
    .option("--structure <code>", "codice ASSO di una struttura (ripetibile)", collect, [])
    .option("--service <code>", "codice del servizio sociale (il client invia gli eventi delle cartelle)")
    .requiredOption("--jwk <file>", "chiave pubblica in formato JWK (EC P-256 o RSA ≥ 2048 bit)")
    .option("--name <name>", "nome del client")
    .option("--require-integrity", "richiede Digest e Agid-JWT-Signature (INTEGRITY_REST_01)", false)
    .action(
      async (options: {
        structure: string[];
        service?: string;
        jwk: string;
        name?: string;
        requireIntegrity: boolean;
      }) => {
        const keys = readPublicKeys(options.jwk);
        const created = await withDatabase(config(), (handle) =>
          createClientSystem(
            handle.db,
            { system: true, label: "client" },
            {
              name: options.name,
              structureCodes: options.structure,
              serviceCode: options.service,
              keys,
              requireIntegrity: options.requireIntegrity,
            },
          ),
        ).catch((error: unknown) => {
          throw new Error(describeProblems(error));
        });
        process.stdout.write(`${created.id}\n`);
        process.stderr.write(`Chiavi registrate (kid): ${created.kids.join(", ")}\n`);
      },
    );
  client
    .command("disable")
    .description("Disattiva un client: i suoi token non sono più accettati")
    .requiredOption("--id <id>", "id del client")
    .action(async (options: { id: string }) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.id))
        throw new Error("L'id del client non è un UUID valido.");
      await withDatabase(config(), (handle) =>
        disableClientSystem(handle.db, { system: true, label: "client" }, options.id.toLowerCase()),
      );
      process.stdout.write(`Client ${options.id} disattivato.\n`);
    });
  return client;
}
