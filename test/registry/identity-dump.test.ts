import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestEvent } from "../../src/server/features/stays/ingest-event.ts";
import { arrivedChild, italianChild, resolveIdentity } from "../support/registry-fixtures.ts";
import { admissionEvent, createActiveStructures } from "../support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Identity lives only in the vault, encrypted: a dump of the whole database (PGlite's data
 * folder, or pg_dump of PostgreSQL) holds none of the plaintext fiscal codes or names stored.
 */
let t: TestApp;
const children = [
  italianChild({ familyName: "Zanardelli", givenName: "Ottavio", birthDate: "2012-08-09" }),
  italianChild({ familyName: "Quaranta", givenName: "Benedetta", sex: "F", birthDate: "2014-01-22" }),
  arrivedChild({ familyName: "Abdelrahman", givenName: "Oumaima", sex: "F", birthDate: "2009-12-01" }),
];
/** Admitted through the ASMI pipeline: the event table and the projections must not keep them either. */
const admitted = [
  italianChild({ familyName: "Vannucchi", givenName: "Ludovico", birthDate: "2011-04-30" }),
  arrivedChild({ familyName: "Bouzekri", givenName: "Ilyass", birthDate: "2008-10-10" }),
];
const pseudonyms: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const child of children) {
    const resolved = await resolveIdentity(t.db, child, { keyring: t.keyring, today: t.today });
    pseudonyms.push(resolved.pseudonym);
  }
  await createActiveStructures(t.db, ["ST000077"]);
  const source = {
    kind: "user" as const,
    id: randomUUID(),
    subject: { system: true as const, label: "test" },
    mayWrite: () => true,
  };
  for (const [index, child] of admitted.entries()) {
    const result = await ingestEvent(
      t.db,
      { keyring: t.keyring, today: t.today },
      source,
      admissionEvent("ST000077", `dump-${index}`, "2025-03-01", child),
    );
    expect(result.status).toBe("accepted");
  }
  children.push(...admitted);
});
afterAll(() => t.close());

async function dumpText(): Promise<string> {
  if (t.handle.kind === "pglite") {
    const blob = await t.handle.dumpDataDir?.();
    return Buffer.from(await (blob as Blob).arrayBuffer()).toString("latin1");
  }
  const { stdout } = await promisify(execFile)(
    "pg_dump",
    ["--no-owner", "--data-only", (t.handle as { url?: string }).url as string],
    {
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  return stdout;
}

describe("database dump", () => {
  // PGlite's dump of its whole data folder takes half a minute on a quiet machine: room for a busy one.
  it("contains the pseudonyms (the scan can see stored text) but no plaintext identity", {
    timeout: 180_000,
  }, async () => {
    const dump = await dumpText();
    for (const pseudonym of pseudonyms) expect(dump).toContain(pseudonym);
    const secrets = children.flatMap((child) =>
      [child.fiscalCode, child.familyName, child.givenName].filter((value): value is string => !!value),
    );
    for (const secret of secrets) {
      expect(dump, `found ${secret.slice(0, 3)}…`).not.toContain(secret);
      expect(dump.toUpperCase()).not.toContain(secret.toUpperCase());
    }
  });
});
