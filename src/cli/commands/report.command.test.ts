import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionEvent, createActiveStructures, italianChild } from "../../../test/support/stay-fixtures.ts";
import { testToday } from "../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { queryRows } from "../../db/database.ts";
import type { DatabaseHandle } from "../../db/open-database.ts";
import { internalViewNotice, type ReportResult } from "../../domain/reports/report.ts";
import { clockOnDay } from "../../domain/time/clock.ts";
import { generateKeyringFile, keyringOf } from "../../server/core/vault-keys.ts";
import { createUserWithRole } from "../../server/features/access/users.service.ts";
import { type EventSource, ingestEvent } from "../../server/features/stays/ingest-event.ts";
import { type ReportCommandOptions, runReportCommand } from "./report.command.ts";

let handle: DatabaseHandle;
const keyring = keyringOf(generateKeyringFile());
const context = { keyring, regionCode: "09", suppressionThreshold: 3, clock: clockOnDay(testToday) };
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-report-"));

beforeAll(async () => {
  handle = await openTestDatabase();
  await createActiveStructures(handle.db, ["ST000010"], 8);
  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "test" },
    mayWrite: () => true,
  };
  const minors = [
    italianChild({ familyName: "Riva", givenName: "Tommaso", birthDate: "2012-03-14" }),
    italianChild({ familyName: "Conti", givenName: "Giulia", sex: "F", birthDate: "2013-05-02" }),
  ];
  for (const [index, minor] of minors.entries())
    await ingestEvent(
      handle.db,
      { keyring, today: "2026-01-10" },
      source,
      admissionEvent("ST000010", `r-${index}`, "2025-02-01", minor),
    );
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function run(id: string, options: ReportCommandOptions) {
  const data: string[] = [];
  const messages: string[] = [];
  await runReportCommand(handle.db, context, id, options, {
    data: (content) => data.push(content),
    say: (message) => messages.push(message),
  });
  return { data: data.join(""), messages };
}

describe("sirmi report", () => {
  it("writes JSON to standard output as the Region, unsuppressed, and is audited as the system", async () => {
    const { data } = await run("out-of-family-stock", { date: "2025-12-31" });
    const result = JSON.parse(data) as ReportResult;
    expect(result.suppression.applied).toBe(false);
    expect(result.tables.find((table) => table.id === "by-province")?.total).toBe(2);
    const [entry] = await queryRows<{ username: string; action: string; purpose: string; outcome: string }>(
      handle.db,
      sql`select username, action, purpose, outcome from audit_entry where action = 'report.read' order by sequence desc limit 1`,
    );
    expect(entry).toEqual({
      username: "sistema:report",
      action: "report.read",
      purpose: "statistics",
      outcome: "success",
    });
  });

  it("writes CSV with the internal notice, and suppresses with --publication", async () => {
    const internal = await run("out-of-family-stock", { date: "2025-12-31", format: "csv" });
    expect(internal.data).toContain(internalViewNotice);
    const published = await run("out-of-family-stock", {
      date: "2025-12-31",
      format: "csv",
      publication: true,
    });
    expect(published.data).toContain("soglia 3");
    const records = parse(published.data, {
      delimiter: ";",
      bom: true,
      relax_column_count: true,
    }) as string[][];
    expect(records.some((record) => record.at(-1) === "c")).toBe(true);
  });

  it("needs --out for XLSX and PDF, and writes the file there", async () => {
    await expect(run("occupancy", { date: "2025-12-31", format: "pdf" })).rejects.toThrow(/--out/);
    const out = path.join(folder, "occupazione.xlsx");
    const { messages } = await run("occupancy", { date: "2025-12-31", format: "xlsx", out });
    expect(fs.readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(messages[0]).toContain(out);
  });

  it("gives the same file twice for the same instant of knowledge", async () => {
    const asOf = new Date(Date.now() - 60_000).toISOString();
    const first = path.join(folder, "a.pdf");
    const second = path.join(folder, "b.pdf");
    await run("out-of-family-stock", { date: "2025-12-31", asOf, format: "pdf", out: first });
    await run("out-of-family-stock", { date: "2025-12-31", asOf, format: "pdf", out: second });
    expect(fs.readFileSync(first).equals(fs.readFileSync(second))).toBe(true);
  });

  it("names the option to fix, in Italian, and refuses the Procura list without its manager", async () => {
    await expect(run("admissions", { year: "19" })).rejects.toThrow(/--year: /);
    await expect(run("out-of-family-stock", { date: "2025-12-31", asOf: "domani" })).rejects.toThrow(
      /--as-of: /,
    );
    await expect(run("out-of-family-stock", { date: "2025-12-31", format: "odt" })).rejects.toThrow(
      /Formato non previsto/,
    );
    await expect(run("procura-list", { structure: "ST000010", semester: "2026-1" })).rejects.toThrow(
      /responsabile della struttura/,
    );
    await expect(
      run("procura-list", { structure: "ST000010", semester: "2026-1", for: "nessuno" }),
    ).rejects.toThrow(/Nessun responsabile/);
  });

  it("produces the Procura list for a named structure manager, in that manager's name in the log", async () => {
    const [operator] = await queryRows<{ code: string }>(
      handle.db,
      sql`select o.code from organisation o join structure s on s.operator_organisation_id = o.id
          where s.code = 'ST000010'`,
    );
    await createUserWithRole(
      handle.db,
      { system: true, label: "test" },
      {
        username: "resp-cli",
        displayName: "Responsabile",
        password: "Password-di-prova-1",
        role: "structure-manager",
        organisationCode: operator.code,
        structureId: null,
      },
    );
    const { data } = await run("procura-list", {
      structure: "ST000010",
      semester: "2026-1",
      for: "resp-cli",
    });
    const result = JSON.parse(data) as { tables: { rows: { familyName: string }[] }[] };
    expect(result.tables[0].rows.map((row) => row.familyName).sort()).toEqual(["Conti", "Riva"]);
    const [logged] = await queryRows<{ count: number }>(
      handle.db,
      sql`select count(*)::int as count from audit_entry
          where username = 'resp-cli' and purpose = 'legal-obligation' and minor_pseudonym is not null`,
    );
    expect(logged.count).toBe(2);
  });
});
