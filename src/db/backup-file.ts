import { createHash } from "node:crypto";
import fs from "node:fs";
import { z } from "zod";

/**
 * A backup of the embedded database: one JSON header line, then the PGlite data folder as a
 * gzip tarball. The header carries the tarball's length and SHA-256, so that a truncated,
 * altered or foreign file is refused before anything is written (PGlite itself would fail
 * half-way through extracting it).
 */
export const backupFormat = "sirmi-backup/1";

const backupHeaderSchema = z.strictObject({
  format: z.literal(backupFormat),
  engine: z.literal("pglite"),
  createdAt: z.iso.datetime(),
  migrations: z.int().nonnegative(),
  auditEntries: z.int().nonnegative(),
  payloadBytes: z.int().positive(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The header line is short: a file whose first 4 KiB hold no line break is not a backup. */
const maximumHeaderBytes = 4096;

export class BackupFileError extends Error {}

/** Writes the backup next to its destination and renames it there: no half-written file under its name. */
export function writeBackupFile(
  file: string,
  payload: Buffer,
  content: Omit<BackupHeader, "format" | "engine" | "payloadBytes" | "payloadSha256">,
): BackupHeader {
  const header: BackupHeader = {
    format: backupFormat,
    engine: "pglite",
    ...content,
    payloadBytes: payload.length,
    payloadSha256: sha256Of(payload),
  };
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]), {
    mode: 0o600,
    flag: "wx",
  });
  fs.renameSync(partial, file);
  return header;
}

export function readBackupFile(file: string): { header: BackupHeader; payload: Buffer } {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupFileError(
      code === "ENOENT" ? `Il file ${file} non esiste.` : `Il file ${file} non è leggibile (${code}).`,
    );
  }
  const notABackup = `Il file ${file} non è un backup di S.I.R.MI (sirmi backup).`;
  const end = content.subarray(0, maximumHeaderBytes).indexOf(0x0a);
  if (end < 0) throw new BackupFileError(notABackup);
  let header: BackupHeader;
  try {
    header = backupHeaderSchema.parse(JSON.parse(content.subarray(0, end).toString("utf8")));
  } catch {
    throw new BackupFileError(notABackup);
  }
  const payload = content.subarray(end + 1);
  if (payload.length !== header.payloadBytes)
    throw new BackupFileError(
      `Il backup ${file} è incompleto o alterato: ${payload.length} byte di dati invece di ${header.payloadBytes}.`,
    );
  if (sha256Of(payload) !== header.payloadSha256)
    throw new BackupFileError(`Il backup ${file} è alterato: l'impronta SHA-256 dei dati non corrisponde.`);
  return { header, payload };
}

function sha256Of(content: Buffer) {
  return createHash("sha256").update(content).digest("hex");
}
