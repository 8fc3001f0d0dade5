import type { Command } from "commander";
import { organisationInputSchema, userInputSchema } from "../../domain/access/access-api.schema.ts";
import { OrganisationKind, Role } from "../../domain/access/roles.ts";
import type { Config } from "../../server/config.ts";
import {
  addRole,
  createOrganisation,
  createUserWithRole,
  passwordWeakness,
} from "../../server/features/access/index.ts";
import { withDatabase } from "../configured-database.ts";
import { parseOrExit, readStdin } from "../input.ts";

const system = { system: true as const, label: "cli" };

export function registerAccessCommands(program: Command, config: () => Config) {
  const user = program.command("user").description("Utenti");
  user
    .command("create")
    .description("Crea un utente con un ruolo in un'organizzazione")
    .requiredOption("--username <username>")
    .requiredOption("--role <role>", `uno tra: ${Role.options.join(", ")}`)
    .requiredOption(
      "--org <code>",
      "codice dell'organizzazione (per i ruoli regionali: quella della Regione)",
    )
    .option("--name <displayName>", "nome da mostrare")
    .option("--password-stdin", "legge la password dallo standard input")
    .action(
      async (options: {
        username: string;
        role: string;
        org?: string;
        name?: string;
        passwordStdin?: boolean;
      }) => {
        if (!options.passwordStdin)
          throw new Error("Fornire la password con --password-stdin (mai come argomento).");
        const password = (await readStdin()).replace(/\r?\n$/, "");
        const input = parseOrExit(userInputSchema, {
          username: options.username,
          displayName: options.name ?? options.username,
          password,
          role: options.role,
          organisationCode: options.org ?? "",
        });
        const weakness = passwordWeakness(password, options.username);
        if (weakness) throw new Error(weakness);
        await withDatabase(config(), async (handle) => {
          const created = await createUserWithRole(handle.db, system, input);
          process.stdout.write(
            `Utente ${created.username} creato con ruolo ${input.role} in ${input.organisationCode}.\n`,
          );
        });
      },
    );

  user
    .command("add-role")
    .description("Aggiunge un ruolo a un utente esistente")
    .requiredOption("--username <username>")
    .requiredOption("--role <role>", `uno tra: ${Role.options.join(", ")}`)
    .requiredOption("--org <code>", "codice dell'organizzazione")
    .action(async (options: { username: string; role: string; org: string }) => {
      const role = parseOrExit(Role, options.role);
      await withDatabase(config(), async (handle) => {
        await addRole(handle.db, system, { username: options.username, role, organisationCode: options.org });
        process.stdout.write(`Ruolo ${role} in ${options.org} aggiunto a ${options.username}.\n`);
      });
    });

  const org = program.command("org").description("Organizzazioni");
  org
    .command("create")
    .description("Registra un'organizzazione")
    .requiredOption("--code <code>")
    .requiredOption("--name <name>")
    .requiredOption("--kind <kind>", `uno tra: ${OrganisationKind.options.join(", ")}`)
    .option("--fiscal-code <code>")
    .option("--comune <istatCode>")
    .action(
      async (options: { code: string; name: string; kind: string; fiscalCode?: string; comune?: string }) => {
        const input = parseOrExit(organisationInputSchema, {
          code: options.code,
          name: options.name,
          kind: options.kind,
          fiscalCode: options.fiscalCode ?? null,
          comune: options.comune ?? null,
        });
        await withDatabase(config(), async (handle) => {
          const created = await createOrganisation(handle.db, system, input);
          process.stdout.write(`Organizzazione ${created.code} registrata.\n`);
        });
      },
    );
}
