import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
} from "../../../../test/support/stay-fixtures.ts";
import { structureRecord, vatNumber } from "../../../../test/support/structure-fixtures.ts";
import type { TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import type {
  ReportId,
  ReportParameters,
  ReportResult,
  ReportScope,
} from "../../../domain/reports/report.ts";
import { clockOnDay } from "../../../domain/time/clock.ts";
import type { AuditSubject } from "../../core/actor.ts";
import { type EventSource, ingestEvents } from "../stays/ingest-event.ts";
import { importStructures } from "../structures/structures.import.ts";
import { computeReport } from "./report-engine.ts";

/**
 * A small region whose every figure is worked out by hand in the tests (dates of 2025, the
 * reference day 31/12/2025). Structure A (Firenze, socio-educativa, 10 places) and B (Pisa,
 * comunità familiare until 30/06/2025, pronta accoglienza from 01/07/2025, 10 places).
 *
 *  m1  Bianchi Luca    M 2012-03  A 2024-05-10 open                      judicial
 *  m2  Verdi Anna      F 2010-06  A 2025-03-01 → discharged 2025-12-31   (not present on D)
 *  m3  Neri Sara       F 2015-01  B 2025-12-31 open                      (admitted on D)
 *  m4  Gialli Marco    M 2010-12  A 2025-11-20 open                      (15 from 1/12/2025)
 *  m5  Rosa Giulia     F 2008-02  A 2024-01-10 open consensual           (18 from 1/2/2026)
 *  m6  Haddad Youssef  M 2010-06  B 2025-09-01 open MSNA, emergency 403, referred from Roma
 *  m7  Popescu Ana     F 2014-04  A 2021-09-01 open, citizenship 235
 *  m8  Conti Piero     M 2011-07  A 2025-02-01 (discharge 04-01 voided) and B 2025-05-01: two open stays
 *  m9  Fabbri Elena    F 2013-05  A 2025-06-01, admission voided
 *  m10 Greco Paolo     M 2012-09  A 2025-10-01; after asOf corrected to 2026-01-15
 *  m11 Lombardi Irene  F 2011-11  B 2025-08-01; after asOf discharged 2025-11-15
 *  m12 Ferri Tommaso   M 2006-05  A 2023-01-01 open (young adult)
 */
export const structureA = "ST000101";
export const structureB = "ST000102";

export type ReportWorld = {
  /** An instant between the first events and the late correction and discharge. */
  asOfBefore: string;
  structureIds: { A: string; B: string };
  fiscalCodes: Record<string, string | undefined>;
  run: (
    id: ReportId,
    parameters: ReportParameters,
    options?: { asOf?: string; scope?: ReportScope; today?: string; subject?: AuditSubject },
  ) => Promise<ReportResult>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function buildReportWorld(t: TestApp): Promise<ReportWorld> {
  await createActiveStructures(t.db, [structureA]);
  const familyHome = {
    code: structureB,
    name: "Casa famiglia di prova",
    regionalType: "comunita-familiare",
    nationalType: "comunita-familiare",
    istatCharacter: "familiare",
    istatFunction: "socio-educativa",
    address: { street: "Via di Prova 2", comune: "050026" },
    authorisedPlaces: 10,
    emergencyExtraPlaces: 1,
    operator: {
      name: "Cooperativa Sociale Esempio",
      fiscalCode: vatNumber("0123456789"),
      legalNature: "cooperativa-sociale",
    },
    authorisation: { status: "definitiva", act: "Det. 2/2015", date: "2015-01-01", expiresOn: null },
    validFrom: "2015-01-01",
  } as const;
  const emergencyHome = {
    ...familyHome,
    regionalType: "pronta-accoglienza",
    nationalType: "pronta-accoglienza",
    istatCharacter: "comunitario",
    istatFunction: "emergenza",
    validFrom: "2025-07-01",
  } as const;
  for (const record of [familyHome, emergencyHome]) {
    const [outcome] = await importStructures(t.db, { system: true, label: "test" }, [
      structureRecord(record),
    ]);
    if (outcome.outcome === "rejected")
      throw new Error(`fixture structure rejected: ${JSON.stringify(outcome)}`);
  }
  const ids = await queryRows<{ id: string; code: string }>(
    t.db,
    sql`select id, code from structure where code in (${structureA}, ${structureB})`,
  );
  const idOf = (code: string) => ids.find((row) => row.code === code)?.id as string;

  const source: EventSource = {
    kind: "user",
    id: randomUUID(),
    subject: { system: true, label: "test" },
    mayWrite: () => true,
  };
  const ingest = async (events: object[]) => {
    const results = await ingestEvents(t.db, { keyring: t.keyring, today: t.clock.today() }, source, events);
    const rejected = results.filter((result) => result.status !== "accepted");
    if (rejected.length > 0) throw new Error(`fixture events not accepted: ${JSON.stringify(rejected)}`);
  };
  const child = (familyName: string, givenName: string, sex: "M" | "F", birthDate: string, extra = {}) =>
    italianChild({ familyName, givenName, sex, birthDate, ...extra });
  const people = {
    m1: child("Bianchi", "Luca", "M", "2012-03-14"),
    m2: child("Verdi", "Anna", "F", "2010-06-20"),
    m3: child("Neri", "Sara", "F", "2015-01-05"),
    m4: child("Gialli", "Marco", "M", "2010-12-28"),
    m5: child("Rosa", "Giulia", "F", "2008-02-10"),
    m6: arrivedChild(),
    m7: child("Popescu", "Ana", "F", "2014-04-04", { citizenship: "235" }),
    m8: child("Conti", "Piero", "M", "2011-07-07"),
    m9: child("Fabbri", "Elena", "F", "2013-05-05"),
    m10: child("Greco", "Paolo", "M", "2012-09-09"),
    m11: child("Lombardi", "Irene", "F", "2011-11-11"),
    m12: child("Ferri", "Tommaso", "M", "2006-05-05"),
  };
  const admit = (
    code: string,
    ref: keyof typeof people | string,
    on: string,
    minor: object,
    changes = {},
  ) => {
    const event = admissionEvent(code, ref, on, minor);
    return { ...event, admission: { ...event.admission, ...changes } };
  };
  const m8Discharge = dischargeEvent(structureA, "m8-a", "2025-04-01");
  const m9Admission = admit(structureA, "m9", "2025-06-01", people.m9);
  const m10Admission = admit(structureA, "m10", "2025-10-01", people.m10);
  await ingest([
    admit(structureA, "m1", "2024-05-10", people.m1),
    admit(structureA, "m2", "2025-03-01", people.m2),
    dischargeEvent(structureA, "m2", "2025-12-31"),
    admit(structureB, "m3", "2025-12-31", people.m3),
    admit(structureA, "m4", "2025-11-20", people.m4),
    admit(structureA, "m5", "2024-01-10", people.m5, { legalBasis: "consensual" }),
    admit(structureB, "m6", "2025-09-01", people.m6, {
      legalBasis: "emergency-403",
      kind: "emergency",
      referringService: { code: "SVC-058091-01", comune: "058091" },
    }),
    admit(structureA, "m7", "2021-09-01", people.m7),
    admit(structureA, "m8-a", "2025-02-01", people.m8),
    m8Discharge,
    admit(structureB, "m8-b", "2025-05-01", people.m8),
    simpleEvent("void", structureA, "m8-a", "2025-04-01", {
      voids: m8Discharge.id,
      reason: "dimissione errata",
    }),
    m9Admission,
    simpleEvent("void", structureA, "m9", "2025-06-01", {
      voids: m9Admission.id,
      reason: "accoglienza errata",
    }),
    m10Admission,
    admit(structureB, "m11", "2025-08-01", people.m11),
    admit(structureA, "m12", "2023-01-01", people.m12),
  ]);
  await sleep(20);
  const asOfBefore = new Date().toISOString();
  await sleep(20);
  await ingest([
    simpleEvent("correction", structureA, "m10", "2026-01-15", {
      corrects: m10Admission.id,
      admission: m10Admission.admission,
      reason: "data di ammissione errata",
    }),
    dischargeEvent(structureB, "m11", "2025-11-15"),
  ]);
  const fiscalCodes = Object.fromEntries(
    Object.entries(people).map(([key, person]) => [key, (person as { fiscalCode?: string }).fiscalCode]),
  );
  return {
    asOfBefore,
    structureIds: { A: idOf(structureA), B: idOf(structureB) },
    fiscalCodes,
    run: (id, parameters, options = {}) =>
      computeReport(
        t.db,
        {
          keyring: t.keyring,
          subject: options.subject ?? { system: true, label: "test" },
          regionCode: "09",
          clock: options.today ? clockOnDay(options.today) : t.clock,
        },
        { id, parameters, asOf: options.asOf, scope: options.scope ?? { kind: "region" } },
      ),
  };
}

/** The non-zero cells of a count table, keyed by their dimension values joined with `|`. */
export function nonZeroCells(result: ReportResult, tableId: string): Record<string, number> {
  const table = tableOf(result, tableId);
  return Object.fromEntries(
    table.rows
      .filter((row) => Number(row.count) !== 0)
      .map((row) => [table.dimensions.map((dimension) => row[dimension]).join("|"), Number(row.count)]),
  );
}

export function tableOf(result: ReportResult, tableId: string) {
  const table = result.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table ${tableId} in ${result.report}`);
  return table;
}
