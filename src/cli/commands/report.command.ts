import fs from "node:fs";
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { isAppError } from "../../domain/errors/app-error.ts";
import type { ReportParameters } from "../../domain/reports/report.ts";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../../server/config.ts";
import type { Actor } from "../../server/core/actor.ts";
import { findActorOfMembership } from "../../server/core/session.queries.ts";
import { loadKeyring } from "../../server/core/vault-keys.ts";
import { findUserByUsername, listMembershipsOfUser } from "../../server/features/access/index.ts";
import {
  type DeliveryContext,
  deliverReport,
  fileNameOf,
  findFileLabels,
  type ReportFormat,
  renderReportFile,
  reportFormats,
  toCsv,
} from "../../server/features/reports/index.ts";
import { withDatabase } from "../configured-database.ts";

/** Options as typed on the command line: every parameter is text, checked by the report engine. */
export type ReportCommandOptions = Omit<ReportParameters, "year"> & {
  year?: string;
  /** procura-list: the structure manager it is produced for. */
  for?: string;
  asOf?: string;
  publication?: boolean;
  format?: string;
  out?: string;
};

/** Where the command writes: the report to `data` (standard output), messages to `say` (standard error). */
export type ReportOutput = { data: (content: string) => void; say: (message: string) => void };

/** The command line acts as the Region: region scope, unsuppressed unless --publication. */
const system = { system: true as const, label: "report" };

/**
 * `sirmi report ID`: the same report as the API, audited as the system. JSON and CSV go to
 * standard output unless --out is given; XLSX and PDF need --out.
 */
export async function runReportCommand(
  db: Database,
  context: DeliveryContext,
  id: string,
  options: ReportCommandOptions,
  output: ReportOutput,
): Promise<void> {
  const format = (options.format ?? "json") as ReportFormat;
  if (!reportFormats.includes(format))
    throw new Error(`Formato non previsto: ${options.format}. Usare json, csv, xlsx o pdf.`);
  if ((format === "xlsx" || format === "pdf") && !options.out)
    throw new Error(`Il formato ${format} è binario: indicare il file da scrivere con --out FILE.`);
  const parameters: ReportParameters = {};
  for (const key of ["date", "year", "from", "to", "structure", "semester", "zone", "province"] as const) {
    const value = options[key];
    if (value !== undefined && value !== "") (parameters as Record<string, string | number>)[key] = value;
  }
  let result: Awaited<ReturnType<typeof deliverReport>>;
  try {
    result = await deliverReport(
      db,
      context,
      id === "procura-list" ? { actor: await managerActor(db, options.for, options.structure) } : { system },
      {
        id,
        parameters,
        asOf: options.asOf,
        publication: options.publication === true ? true : undefined,
        format,
      },
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    const lines = error.problems.map((problem) => `  ${cliNameOf(problem.path)}: ${problem.message}`);
    throw new Error([error.detail, ...lines].join("\n"));
  }
  const labels = await findFileLabels(db, context.regionCode);
  if (format === "json" || format === "csv") {
    const text = format === "json" ? `${JSON.stringify(result, null, 2)}\n` : toCsv(result, labels);
    if (!options.out) return output.data(text);
    fs.writeFileSync(options.out, text, "utf8");
    return output.say(
      `Scritto ${options.out} (${Buffer.byteLength(text)} byte; nome suggerito ${fileNameOf(result, format)}).`,
    );
  }
  const file = await renderReportFile(result, format, labels);
  fs.writeFileSync(options.out as string, file.body);
  output.say(`Scritto ${options.out} (${file.body.length} byte; nome suggerito ${file.fileName}).`);
}

/**
 * The Procura list belongs to a structure's manager: from the command line it is produced for a
 * named manager (`--for USERNAME`), with that manager's access and in that manager's name in the
 * access log, exactly as if asked from the web app.
 */
async function managerActor(
  db: Database,
  username: string | undefined,
  structureCode: string | undefined,
): Promise<Actor> {
  if (!username)
    throw new Error(
      "L'elenco per la Procura è del responsabile della struttura: indicare con --for il nome utente del responsabile per cui si produce.",
    );
  const user = await findUserByUsername(db, username);
  const memberships = user?.isActive ? await listMembershipsOfUser(db, user.id) : [];
  // The membership in the organisation that runs the structure (the access policy then decides).
  const [operator] = structureCode
    ? await queryRows<{ organisationId: string }>(
        db,
        sql`select operator_organisation_id as "organisationId" from structure where code = ${structureCode}`,
      )
    : [];
  const managers = memberships.filter((entry) => entry.role === "structure-manager");
  const managing = managers.find((entry) => entry.organisationId === operator?.organisationId) ?? managers[0];
  const actor =
    user && managing
      ? await findActorOfMembership(
          db,
          { userId: user.id, username: user.username, displayName: user.displayName },
          managing.membershipId,
        )
      : undefined;
  if (!actor) throw new Error(`Nessun responsabile di struttura attivo con nome utente «${username}».`);
  return actor;
}

/** "/parameters/year" → "--year", "/asOf" → "--as-of": the problem named as the option to fix. */
function cliNameOf(path: string): string {
  const name = path.split("/").pop() ?? path;
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function registerReportCommands(program: Command, config: () => Config, clock: Clock) {
  program
    .command("report <id>")
    .description(
      "Produce un prospetto statistico come la Regione (senza tutela statistica salvo --publication); la richiesta è registrata nel registro degli accessi",
    )
    .option("--date <date>", "giorno di riferimento (AAAA-MM-GG)")
    .option("--year <year>", "anno (AAAA)")
    .option("--from <date>", "inizio del periodo (AAAA-MM-GG; per trend AAAA-MM)")
    .option("--to <date>", "fine del periodo (AAAA-MM-GG; per trend AAAA-MM)")
    .option("--structure <code>", "codice della struttura")
    .option("--zone <code>", "codice della zona distretto")
    .option("--province <province>", "provincia (sigla o codice ISTAT)")
    .option("--semester <semester>", "semestre (AAAA-1 o AAAA-2)")
    .option("--as-of <instant>", "istante di conoscenza RFC 3339 (es. 2026-01-15T10:00:00Z)")
    .option("--publication", "tabelle pubblicate: celle sotto la soglia oscurate")
    .option(
      "--for <username>",
      "solo procura-list: il responsabile della struttura per cui si produce l'elenco",
    )
    .option("--format <format>", "json, csv, xlsx o pdf", "json")
    .option("--out <file>", "file da scrivere (obbligatorio per xlsx e pdf)")
    .action(async (id: string, options: ReportCommandOptions) => {
      const settings = config();
      const say = (message: string) => process.stderr.write(`${message}\n`);
      const keyring = loadKeyring(
        { keysFile: settings.keysFile, vaultKeysJson: settings.vaultKeysJson, mayCreate: false },
        say,
      );
      await withDatabase(settings, (handle) =>
        runReportCommand(
          handle.db,
          {
            keyring,
            regionCode: settings.regionCode,
            suppressionThreshold: settings.suppressionThreshold,
            clock,
          },
          id,
          options,
          { data: (content) => process.stdout.write(content), say },
        ),
      );
    });
}
