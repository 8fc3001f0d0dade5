import type { Command } from "commander";
import type { Clock } from "../../domain/time/clock.ts";
import type { Config } from "../../server/config.ts";
import {
  readCheckpointFile,
  readCheckpointFolder,
  type StoredCheckpoint,
  takeAuditCheckpoint,
} from "../../server/core/audit-checkpoints.ts";
import { describeChainVerification, verifyAuditChain } from "../../server/core/audit-verification.ts";
import { loadConfiguredKeyring, withDatabase } from "../configured-database.ts";

/** `sirmi audit`: verify the log against its keys and checkpoints; print a checkpoint to keep elsewhere. */
export function registerAuditCommands(program: Command, config: () => Config, clock: Clock) {
  const audit = program.command("audit").description("Registro degli accessi");
  audit
    .command("verify")
    .description(
      "Verifica la catena del registro con le sue chiavi e i checkpoint (cartella SIRMI_AUDIT_CHECKPOINT_DIR e --checkpoint)",
    )
    .option(
      "--checkpoint <file...>",
      "checkpoint conservati altrove (JSON di `sirmi audit checkpoint`, o JSON lines)",
    )
    .option("--no-checkpoint-dir", "non leggere la cartella dei checkpoint")
    .action(async (options: { checkpoint?: string[]; checkpointDir: boolean }) => {
      const settings = config();
      const keyring = loadConfiguredKeyring(settings);
      const checkpoints: StoredCheckpoint[] = [
        ...(options.checkpointDir ? readCheckpointFolder(settings.auditCheckpointDir) : []),
        ...(options.checkpoint ?? []).flatMap((file) => readCheckpointFile(file)),
      ];
      const result = await withDatabase(settings, (handle) =>
        verifyAuditChain(handle.db, keyring, checkpoints),
      );
      process.stdout.write(`${describeChainVerification(result)}\n`);
      if (!result.ok) process.exitCode = 2;
    });

  audit
    .command("checkpoint")
    .description("Stampa (JSON) un checkpoint firmato del registro, da conservare fuori dalla base dati")
    .action(async () => {
      const settings = config();
      const keyring = loadConfiguredKeyring(settings);
      const checkpoint = await withDatabase(settings, (handle) =>
        takeAuditCheckpoint(handle.db, keyring, clock),
      );
      process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
    });
}
