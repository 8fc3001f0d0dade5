import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/open-database.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { structureRecord } from "../support/structure-fixtures.ts";
import { openTestDatabase } from "../support/test-database.ts";

let folder: string;
let environment: NodeJS.ProcessEnv;
let database: (DatabaseHandle & { url?: string }) | undefined;

/** Runs the real `sirmi` command in a child process, on the test's own database. */
function sirmi(args: string[], input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("bin/sirmi.mjs"), ...args], { env: environment });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-cli-"));
  environment = {
    PATH: process.env.PATH,
    SIRMI_DATA_DIR: path.join(folder, "data"),
    SIRMI_LOG_LEVEL: "silent",
  };
  if (readTestSettings().databaseUrl) {
    // On PostgreSQL the commands work on a private clone of the migrated template.
    database = await openTestDatabase();
    environment.DATABASE_URL = database.url;
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

// Each step runs several `sirmi` processes, each opening the embedded database: minutes on a busy machine.
describe("sirmi command line", { timeout: 240_000 }, () => {
  it("migrates and loads the comuni", async () => {
    const result = await sirmi(["migrate"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/comuni caricati: \d{4}/);
  });

  it("creates the keys that seal identities and the access log", async () => {
    environment.SIRMI_KEYS_FILE = path.join(folder, "keys.json");
    environment.SIRMI_AUDIT_CHECKPOINT_DIR = path.join(folder, "checkpoints");
    expect((await sirmi(["keys", "generate", "--out", environment.SIRMI_KEYS_FILE])).code).toBe(0);
  });

  it("creates organisations and users, reading the password from standard input only", async () => {
    expect(
      (await sirmi(["org", "create", "--code", "REGIONE", "--name", "Regione Toscana", "--kind", "region"]))
        .code,
    ).toBe(0);
    const badKind = await sirmi(["org", "create", "--code", "X1", "--name", "Ente", "--kind", "pianeta"]);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain("Dati non validi");
    const noStdin = await sirmi([
      "user",
      "create",
      "--username",
      "admin",
      "--role",
      "region-admin",
      "--org",
      "REGIONE",
    ]);
    expect(noStdin.code).toBe(1);
    expect(noStdin.stderr).toContain("--password-stdin");
    const created = await sirmi(
      [
        "user",
        "create",
        "--username",
        "admin",
        "--role",
        "region-admin",
        "--org",
        "REGIONE",
        "--password-stdin",
      ],
      "una-password-lunga\n",
    );
    expect(created.stdout).toContain("Utente admin creato");
    const short = await sirmi(
      ["user", "create", "--username", "breve", "--role", "auditor", "--org", "REGIONE", "--password-stdin"],
      "corta\n",
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("almeno 12 caratteri");
    const common = await sirmi(
      ["user", "create", "--username", "comune", "--role", "auditor", "--org", "REGIONE", "--password-stdin"],
      "password12345\n",
    );
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("più comuni");
  });

  it("resets a password, registers a fiscal code from standard input and enrols a second factor", async () => {
    const reset = await sirmi(["user", "reset-password", "--username", "admin"]);
    expect(reset.stdout).toMatch(/Password temporanea di admin \(mostrata solo ora\): \S{16}/);
    const asArgument = await sirmi(["user", "set-fiscal-code", "--username", "admin"]);
    expect(asArgument.code).toBe(1);
    const fiscal = await sirmi(
      ["user", "set-fiscal-code", "--username", "admin", "--fiscal-code-stdin"],
      "RSSMRA80A01H501U\n",
    );
    expect(fiscal.code, fiscal.stderr).toBe(0);
    expect(fiscal.stdout).not.toContain("RSSMRA80A01H501U");
    const enrolled = await sirmi(["user", "enrol-second-factor", "--username", "admin"]);
    expect(enrolled.stdout).toMatch(/URI: otpauth:\/\/totp\//);
    expect(enrolled.stdout.match(/^ {2}\w{5}-\w{5}$/gm)).toHaveLength(10);
  });

  it("imports a registry record by record: good ones stored, bad ones explained, exit code 3", async () => {
    const file = path.join(folder, "registry.json");
    const good = structureRecord({ code: "ST000500" });
    fs.writeFileSync(
      file,
      JSON.stringify([
        good,
        { ...structureRecord({ code: "ST000501" }), authorisedPlaces: -3 },
        structureRecord({ code: "ST000502", address: { street: "Via Roma 1", comune: "999999" } }),
        "not a record",
      ]),
    );
    const first = await sirmi(["structure", "import", file]);
    expect(first.code).toBe(3);
    expect(first.stdout).toContain("scheda 1 (ST000500): creata");
    expect(first.stdout).toMatch(
      /scheda 2 \(ST000501\): RESPINTA\n\s+\/authorisedPlaces: Il numero di posti non può essere negativo/,
    );
    expect(first.stdout).toContain("Il comune con codice ISTAT 999999 non esiste");
    expect(first.stdout).toContain("Totale: 4 schede, 1 importate, 3 respinte.");

    fs.writeFileSync(file, JSON.stringify([{ ...good, authorisedPlaces: 11, validFrom: "2025-01-01" }]));
    const second = await sirmi(["structure", "import", file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("scheda 1 (ST000500): nuova versione");

    fs.writeFileSync(file, '[{"code": "ST0005');
    const broken = await sirmi(["structure", "import", file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("non è leggibile come JSON");
  });

  it("verifies the access log, against checkpoints kept elsewhere, across a rotation of its key", async () => {
    const printed = await sirmi(["audit", "checkpoint"]);
    expect(printed.code, printed.stderr).toBe(0);
    const checkpoint = JSON.parse(printed.stdout);
    expect(checkpoint).toMatchObject({ entryCount: expect.any(Number), keyId: expect.any(String) });
    expect(checkpoint.entryCount).toBeGreaterThan(3);
    const kept = path.join(folder, "kept-checkpoint.json");
    fs.writeFileSync(kept, printed.stdout);
    const result = await sirmi(["audit", "verify", "--checkpoint", kept]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Registro integro: \d+ voci verificate \(confrontate con 1 checkpoint\)/);

    expect((await sirmi(["keys", "rotate-audit"])).code).toBe(0);
    expect(
      (await sirmi(["org", "create", "--code", "DOPO", "--name", "Ente", "--kind", "operator"])).code,
    ).toBe(0);
    expect((await sirmi(["audit", "verify", "--checkpoint", kept])).code).toBe(0);

    const forged = path.join(folder, "forged-checkpoint.json");
    fs.writeFileSync(forged, JSON.stringify({ ...checkpoint, entryCount: checkpoint.entryCount + 100 }));
    const refused = await sirmi(["audit", "verify", "--checkpoint", forged]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("Registro ALTERATO");
    expect(refused.stdout).toContain("non ha una firma valida");
  });
});
