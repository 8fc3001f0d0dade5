import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToday } from "../../../../test/support/test-app.ts";
import { openTestDatabase } from "../../../../test/support/test-database.ts";
import { queryRows } from "../../../db/database.ts";
import type { DatabaseHandle } from "../../../db/open-database.ts";
import { clockOnDay } from "../../../domain/time/clock.ts";
import { generateKeyringFile, keyringOf } from "../../core/vault-keys.ts";
import { createOrganisation } from "../access/index.ts";
import { exportSinbaFlows } from "./sinba-export.ts";
import { importSinbaXml, maxSinbaImportBytes } from "./sinba-import.ts";

let handle: DatabaseHandle;
const keyring = keyringOf(generateKeyringFile());
const clock = clockOnDay(testToday);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sirmi-sinba-"));

const flow = (codice: string, beneficiary = "MABCDEFGHIJKLMN") =>
  `<?xml version="1.0" encoding="UTF-8"?><Flusso xmlns="http://inps.it/Casellario">` +
  `<IdentificazioneFlusso Nome="D612.SINBA.20261120.0000001"><Ente Codice="${codice}" Indirizzo="D612" CFOperatore="01307110484"/></IdentificazioneFlusso>` +
  `<SINBA IDBeneficiario="${beneficiary}" MinoreStranieroNoAcc="2" CondizioneMinore="1" LuogoVita="1" ScuolaFrequentata="3" CondizioneLavoro="1" Disabilita="2" DataPrimaSegnalazione="09/2026" FonteSegnalazione="13" ValutazioneMinore="7" ValutazioneFamigliaMinore="1" SegnalazioneAutoritaGiudiziaria="2" ProvvedimentoGiudiziario="2" FasciaEtaBeneficiario="3" AnnoNascita="2014" CodiceNazioneResidenza="380">` +
  `<Prestazioni><CodicePrestazione>A1.01</CodicePrestazione></Prestazioni><Famiglia><ComposizioneFamiglia>1</ComposizioneFamiglia></Famiglia></SINBA></Flusso>`;

const countEvents = async () =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from case_event`))[0].n;
const deps = () => ({ db: handle.db, keyring, clock });

beforeAll(async () => {
  handle = await openTestDatabase();
  await createOrganisation(
    handle.db,
    { system: true, label: "test" },
    {
      code: "SST-FI",
      name: "Servizio sociale di Firenze",
      kind: "social-service",
      fiscalCode: "01307110484",
      comune: "048017",
    },
  );
}, 120_000);
afterAll(async () => {
  await handle.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("sirmi sinba import: a file is refused whole, storing nothing", () => {
  it("not well-formed, not valid, too large or of an unknown ente", async () => {
    const before = await countEvents();
    await expect(importSinbaXml(deps(), Buffer.from("<Flusso><SINBA>"))).rejects.toThrow(/non è ben formato/);
    await expect(
      importSinbaXml(deps(), Buffer.from(flow("SST-FI").replace('LuogoVita="1"', 'LuogoVita="X"'))),
    ).rejects.toThrow(/non è conforme allo schema SINBA/);
    await expect(importSinbaXml(deps(), new Uint8Array(maxSinbaImportBytes + 1))).rejects.toThrow(
      /al massimo 20 MB/,
    );
    await expect(importSinbaXml(deps(), Buffer.from(flow("ALTRO-ENTE")))).rejects.toThrow(
      /non è un servizio sociale di S.I.R.MI/,
    );
    expect(await countEvents()).toBe(before);
  });

  it("a record whose minor has no case at the service is not matched, and a fiscal code is never echoed", async () => {
    const report = await importSinbaXml(deps(), Buffer.from(flow("SST-FI")));
    expect(report).toMatchObject({ records: 1, imported: 0, notMatched: 1, service: "SST-FI" });
    const fiscal = await importSinbaXml(deps(), Buffer.from(flow("SST-FI", "RSSMRA80A01H501U")));
    expect(fiscal.outcomes[0]).toMatchObject({ outcome: "not-matched" });
    expect(JSON.stringify(fiscal)).not.toContain("RSSMRA80A01H501U");
    expect(fiscal.outcomes[0].message).toContain("codice fiscale");
  });
});

describe("sirmi sinba export", () => {
  it("refuses an unknown ente in Italian and writes the flows of a known one (none yet)", async () => {
    await expect(exportSinbaFlows(handle.db, { belfiore: "Z999", folder })).rejects.toThrow(
      /ente sconosciuto/,
    );
    await expect(exportSinbaFlows(handle.db, { belfiore: "D612", folder, since: "ieri" })).rejects.toThrow(
      /AAAA-MM-GG/,
    );
    expect(await exportSinbaFlows(handle.db, { belfiore: "D612", folder })).toEqual({ flows: 0, files: [] });
  });
});
