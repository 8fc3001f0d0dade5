import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const base64Key = z.string().refine((value) => Buffer.from(value, "base64").length === 32, {
  error: "Ogni chiave deve essere di 32 byte in base64",
});

const keyId = z.string().regex(/^[a-z0-9-]{1,32}$/);

/**
 * The vault's key material. Encryption keys are named by id so that they can rotate (rows say
 * which key sealed them); the index key must not change, or the blind indexes would have to be
 * recomputed from the decrypted identities. The access log's keys (HMAC of its chain and of its
 * checkpoints) rotate the same way: each entry names the key that sealed it. Files written
 * before the log was keyed lack them; loadKeyring adds them.
 */
export const keyringSchema = z.object({
  version: z.literal(1),
  activeKeyId: keyId,
  encryptionKeys: z.record(keyId, base64Key),
  indexKey: base64Key,
  activeAuditKeyId: keyId.optional(),
  auditKeys: z.record(keyId, base64Key).optional(),
});
export type KeyringFile = z.infer<typeof keyringSchema>;

export type Keyring = {
  activeKeyId: string;
  encryptionKeys: Map<string, Buffer>;
  indexKey: Buffer;
  /** Absent only for a key file from before the keyed log, until loadKeyring completes it. */
  activeAuditKeyId: string | undefined;
  auditKeys: Map<string, Buffer>;
};

export function keyringOf(file: KeyringFile): Keyring {
  if (!file.encryptionKeys[file.activeKeyId])
    throw new Error("La chiave attiva non è tra le chiavi di cifratura.");
  if (file.activeAuditKeyId && !file.auditKeys?.[file.activeAuditKeyId])
    throw new Error("La chiave attiva del registro degli accessi non è tra le chiavi del registro.");
  return {
    activeKeyId: file.activeKeyId,
    encryptionKeys: new Map(
      Object.entries(file.encryptionKeys).map(([id, key]) => [id, Buffer.from(key, "base64")]),
    ),
    indexKey: Buffer.from(file.indexKey, "base64"),
    activeAuditKeyId: file.activeAuditKeyId,
    auditKeys: new Map(
      Object.entries(file.auditKeys ?? {}).map(([id, key]) => [id, Buffer.from(key, "base64")]),
    ),
  };
}

/** A new active key for the access log; older ones stay, so that old entries keep verifying. */
export function withNewAuditKey(file: KeyringFile, now = new Date()): KeyringFile {
  const id = newKeyId(now);
  return {
    ...file,
    activeAuditKeyId: id,
    auditKeys: { ...(file.auditKeys ?? {}), [id]: randomBytes(32).toString("base64") },
  };
}

export function newKeyId(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex")}`;
}

export function generateKeyringFile(): KeyringFile {
  const id = newKeyId();
  return withNewAuditKey({
    version: 1,
    activeKeyId: id,
    encryptionKeys: { [id]: randomBytes(32).toString("base64") },
    indexKey: randomBytes(32).toString("base64"),
  });
}

function parseKeyring(text: string, where: string): KeyringFile {
  const parsed = keyringSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(
      `Chiavi dell'archivio delle identità non valide (${where}): ${parsed.error.issues[0].message}`,
    );
  return parsed.data;
}

/**
 * Keys from configuration: SIRMI_VAULT_KEYS, else the key file. Only the embedded default may
 * create a key file, on first start, readable by its owner only.
 */
export function loadKeyring(
  options: { keysFile: string; vaultKeysJson: string | undefined; mayCreate: boolean },
  say: (message: string) => void,
): Keyring {
  if (options.vaultKeysJson) {
    const file = parseKeyring(options.vaultKeysJson, "SIRMI_VAULT_KEYS");
    if (!file.activeAuditKeyId)
      throw new Error(
        "SIRMI_VAULT_KEYS non contiene le chiavi del registro degli accessi (activeAuditKeyId, auditKeys): " +
          "aggiungerle con `sirmi keys rotate-audit` e salvare il nuovo valore nel gestore dei segreti.",
      );
    return keyringOf(file);
  }
  if (fs.existsSync(options.keysFile)) {
    const file = parseKeyring(fs.readFileSync(options.keysFile, "utf8"), options.keysFile);
    if (file.activeAuditKeyId) return keyringOf(file);
    // A key file from before the keyed log: the log's key is added beside the vault's, which stay as they were.
    const completed = withNewAuditKey(file);
    writeKeyringFile(options.keysFile, completed);
    say(
      `Aggiunta al file delle chiavi (${options.keysFile}) la chiave del registro degli accessi ` +
        `${completed.activeAuditKeyId}. Aggiornarne la copia sicura.`,
    );
    return keyringOf(completed);
  }
  if (!options.mayCreate) {
    throw new Error(
      `Mancano le chiavi dell'archivio delle identità: impostare SIRMI_VAULT_KEYS o SIRMI_KEYS_FILE (${options.keysFile} non esiste).`,
    );
  }
  const file = generateKeyringFile();
  writeKeyringFile(options.keysFile, file);
  say(
    `Creato il file delle chiavi dell'archivio delle identità: ${options.keysFile} (permessi 0600). ` +
      "Conservarne una copia sicura: senza di esso le identità cifrate non sono recuperabili.",
  );
  return keyringOf(file);
}

/**
 * A running server learns keys added by `sirmi keys rotate` without a restart: a row sealed with
 * a key it does not know makes it read the key file again, once per unknown key.
 */
export function reloadingKeyring(keyring: Keyring, keysFile: string): Keyring {
  const reload = () =>
    fs.existsSync(keysFile)
      ? keyringOf(parseKeyring(fs.readFileSync(keysFile, "utf8"), keysFile))
      : undefined;
  return {
    ...keyring,
    encryptionKeys: new ReloadingKeyMap(keyring.encryptionKeys, () => reload()?.encryptionKeys ?? new Map()),
    // Entries sealed by another instance with a key added since this one started, for verification.
    auditKeys: new ReloadingKeyMap(keyring.auditKeys, () => reload()?.auditKeys ?? new Map()),
  };
}

class ReloadingKeyMap extends Map<string, Buffer> {
  readonly #tried = new Set<string>();
  readonly #reload: () => Map<string, Buffer>;

  constructor(entries: Map<string, Buffer>, reload: () => Map<string, Buffer>) {
    super(entries);
    this.#reload = reload;
  }

  override get(id: string): Buffer | undefined {
    const known = super.get(id);
    if (known || this.#tried.has(id)) return known;
    this.#tried.add(id);
    for (const [freshId, key] of this.#reload()) this.set(freshId, key);
    return super.get(id);
  }
}

export function writeKeyringFile(file: string, content: KeyringFile) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
  fs.chmodSync(file, 0o600);
}
