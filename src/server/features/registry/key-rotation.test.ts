import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { italianChild, resolveIdentity } from "../../../../test/support/registry-fixtures.ts";
import { testToday } from "../../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../../test/support/test-database.ts";
import { queryRows } from "../../../db/database.ts";
import type { DatabaseHandle } from "../../../db/open-database.ts";
import { generateKeyringFile, keyringOf } from "../../core/vault-keys.ts";
import { openIdentity } from "./identity-vault.ts";
import { reencryptVault, withNewActiveKey } from "./key-rotation.ts";
import { findVaultRows } from "./registry.queries.ts";

let handle: DatabaseHandle;
const subject = { system: true as const, label: "test" };

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("key rotation", () => {
  it("re-encrypts every identity under the new key; lookups and decryption keep working", async () => {
    const original = generateKeyringFile();
    const children = ["Anna", "Bruno", "Carla", "Dario", "Elena"].map((givenName, index) =>
      italianChild({
        givenName,
        sex: index % 2 === 0 ? "F" : "M",
        familyName: "Lombardi",
        birthDate: `2012-0${index + 1}-11`,
      }),
    );
    const ids: string[] = [];
    for (const child of children) {
      const resolved = await resolveIdentity(handle.db, child, {
        keyring: keyringOf(original),
        today: testToday,
      });
      ids.push(resolved.minorId);
    }
    const before = await findVaultRows(handle.db, ids);
    const rotated = withNewActiveKey(original);
    const result = await reencryptVault(handle.db, rotated, subject, () => {}, 2);
    expect(result.reencrypted).toBe(5);
    const after = await findVaultRows(handle.db, ids);
    expect(after.every((row) => row.keyId === rotated.activeKeyId)).toBe(true);
    expect(after.map((row) => row.familyName)).not.toEqual(before.map((row) => row.familyName));
    const keyring = keyringOf(rotated);
    expect(after.map((row) => openIdentity(keyring, row).givenName).sort()).toEqual([
      "Anna",
      "Bruno",
      "Carla",
      "Dario",
      "Elena",
    ]);
    // Without the old key nothing is left that needs it.
    const onlyNew = keyringOf({
      ...rotated,
      encryptionKeys: { [rotated.activeKeyId]: rotated.encryptionKeys[rotated.activeKeyId] },
    });
    // Without the fiscal code the match is on names: the stored identity must be decrypted.
    const { fiscalCode: _, ...byNames } = children[2];
    const again = await resolveIdentity(handle.db, byNames, { keyring: onlyNew, today: testToday });
    expect(again).toMatchObject({ outcome: "linked", minorId: ids[2] });
    const audit = await queryRows<{ action: string }>(
      handle.db,
      sql`select action from audit_entry where action = 'keys.rotate'`,
    );
    expect(audit).toHaveLength(1);
  });
});
