import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withNewActiveKey } from "../features/registry/key-rotation.ts";
import { blindIndex, openField, sealField } from "./vault-crypto.ts";
import {
  generateKeyringFile,
  keyringOf,
  loadKeyring,
  reloadingKeyring,
  withNewAuditKey,
  writeKeyringFile,
} from "./vault-keys.ts";

describe("vault keys", () => {
  it("creates the embedded default key file readable by its owner only, says so, and reads it back", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-keys-"));
    const keysFile = path.join(folder, "keys.json");
    const messages: string[] = [];
    const created = loadKeyring({ keysFile, vaultKeysJson: undefined, mayCreate: true }, (message) =>
      messages.push(message),
    );
    expect(fs.statSync(keysFile).mode & 0o777).toBe(0o600);
    expect(messages.join(" ")).toContain(keysFile);
    const again = loadKeyring({ keysFile, vaultKeysJson: undefined, mayCreate: false }, () => {});
    expect(again.activeKeyId).toBe(created.activeKeyId);
    expect(again.indexKey.equals(created.indexKey)).toBe(true);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("refuses to invent keys where configuration must provide them", () => {
    expect(() =>
      loadKeyring(
        { keysFile: "/nonexistent/keys.json", vaultKeysJson: undefined, mayCreate: false },
        () => {},
      ),
    ).toThrow(/SIRMI_VAULT_KEYS/);
    expect(() =>
      loadKeyring({ keysFile: "x", vaultKeysJson: '{"version":1}', mayCreate: false }, () => {}),
    ).toThrow();
  });

  it("adds the access log's key to a key file from before the keyed log, keeping the vault's keys", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-keys-"));
    const keysFile = path.join(folder, "keys.json");
    const { activeAuditKeyId: _id, auditKeys: _keys, ...older } = generateKeyringFile();
    writeKeyringFile(keysFile, older);
    const messages: string[] = [];
    const loaded = loadKeyring({ keysFile, vaultKeysJson: undefined, mayCreate: false }, (message) =>
      messages.push(message),
    );
    expect(loaded.activeAuditKeyId).toMatch(/^k\d{8}-[0-9a-f]{6}$/);
    expect(loaded.auditKeys.get(loaded.activeAuditKeyId as string)).toHaveLength(32);
    expect(messages.join(" ")).toContain("registro degli accessi");
    const saved = JSON.parse(fs.readFileSync(keysFile, "utf8"));
    expect(saved.encryptionKeys).toEqual(older.encryptionKeys);
    expect(saved.indexKey).toBe(older.indexKey);
    expect(saved.activeAuditKeyId).toBe(loaded.activeAuditKeyId);
    // From a secret store nothing can be written back: the message says what to add.
    expect(() =>
      loadKeyring({ keysFile, vaultKeysJson: JSON.stringify(older), mayCreate: false }, () => {}),
    ).toThrow(/rotate-audit/);
    const rotated = withNewAuditKey(saved);
    expect(Object.keys(rotated.auditKeys ?? {})).toHaveLength(2);
    expect(rotated.activeAuditKeyId).not.toBe(saved.activeAuditKeyId);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("binds each ciphertext to its minor and field, and rejects a tampered one", () => {
    const keyring = keyringOf(generateKeyringFile());
    const sealed = sealField(keyring, "minor-1|familyName", "Rossi");
    expect(sealed).not.toContain("Rossi");
    expect(openField(keyring, keyring.activeKeyId, "minor-1|familyName", sealed)).toBe("Rossi");
    expect(() => openField(keyring, keyring.activeKeyId, "minor-2|familyName", sealed)).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.at(-1)}`;
    expect(() => openField(keyring, keyring.activeKeyId, "minor-1|familyName", tampered)).toThrow();
    expect(sealField(keyring, "minor-1|familyName", "Rossi")).not.toBe(sealed);
    expect(blindIndex(keyring, "fiscal-code", "X")).toBe(blindIndex(keyring, "fiscal-code", "X"));
    expect(blindIndex(keyringOf(generateKeyringFile()), "fiscal-code", "X")).not.toBe(
      blindIndex(keyring, "fiscal-code", "X"),
    );
  });

  it("lets a running server read rows sealed with a key added by a rotation, without a restart", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-keys-"));
    const keysFile = path.join(folder, "keys.json");
    const original = generateKeyringFile();
    writeKeyringFile(keysFile, original);
    const running = reloadingKeyring(keyringOf(original), keysFile);
    const rotated = withNewActiveKey(original);
    writeKeyringFile(keysFile, rotated);
    const sealed = sealField(keyringOf(rotated), "minor-9|givenName", "Ada");
    expect(openField(running, rotated.activeKeyId, "minor-9|givenName", sealed)).toBe("Ada");
    expect(() => openField(running, "k-unknown", "minor-9|givenName", sealed)).toThrow(/not configured/);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
