import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActiveStructures } from "../../../../../test/support/stay-fixtures.ts";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.ts";
import { type Database, queryRows } from "../../../../db/database.ts";
import {
  type ReportId,
  type ReportParameters,
  type ReportScope,
  reportIds,
} from "../../../../domain/reports/report.ts";
import { computeReport } from "../report-engine.ts";

/**
 * The SQL each report definition runs, written out with its parameters and compared with the
 * committed files in `__snapshots__/`: a changed query shows in review as a changed file.
 * After an intended change: `npx vitest run src/server/features/reports/definitions/report-sql.test.ts -u`.
 */

const asOf = "2026-01-15T10:00:00.000Z";
const parametersOf: Record<ReportId, ReportParameters> = {
  "out-of-family-stock": { date: "2025-12-31" },
  admissions: { year: 2025 },
  discharges: { year: 2025 },
  "ministry-survey": { year: 2025 },
  "istat-presidi": { year: 2025 },
  occupancy: { date: "2025-12-31" },
  trend: { from: "2025-01", to: "2025-12" },
  "procura-list": { structure: "ST000040", semester: "2026-1" },
  timeliness: { from: "2025-01-01", to: "2025-12-31" },
};

const dialect = new PgDialect();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database, recording the text and parameters of every statement run through it. */
function recording(executor: object, statements: string[]): object {
  return new Proxy(executor, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "transaction")
        return (work: (tx: object) => unknown, config?: unknown) =>
          (value as (w: (tx: object) => unknown, c?: unknown) => unknown).call(
            target,
            (tx: object) => work(recording(tx, statements)),
            config,
          );
      if (property !== "execute") return value;
      return (query: SQL) => {
        const { sql: text, params } = dialect.sqlToQuery(query);
        // Identifiers made by the test's own records differ at each run.
        const shown = params.map((param) =>
          typeof param === "string" && uuid.test(param) ? "<uuid>" : param,
        );
        statements.push(`${text.trim()};\n-- parameters: ${JSON.stringify(shown)}`);
        return (value as (q: SQL) => Promise<unknown>).call(target, query);
      };
    },
  });
}

let t: TestApp;
/** The Procura list is a structure manager's, for a structure of the scope. */
let procuraScope: ReportScope;

beforeAll(async () => {
  t = await createTestApp();
  await createActiveStructures(t.db, ["ST000040"]);
  const [structure] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from structure where code = 'ST000040'`,
  );
  procuraScope = { kind: "structures", structureIds: [structure.id] };
});
afterAll(() => t.close());

describe("the SQL of each report definition", () => {
  it("covers the whole catalogue", () => {
    expect(Object.keys(parametersOf).sort()).toEqual([...reportIds].sort());
  });

  for (const id of reportIds) {
    it(`${id}: the statements as committed`, async () => {
      const statements: string[] = [];
      const db = recording(t.db, statements) as Database;
      await computeReport(
        db,
        { keyring: t.keyring, subject: { system: true, label: "test" }, regionCode: "09", clock: t.clock },
        {
          id,
          parameters: parametersOf[id],
          asOf,
          scope: id === "procura-list" ? procuraScope : { kind: "region" },
        },
      );
      expect(statements.length).toBeGreaterThan(0);
      await expect(`${statements.join("\n\n")}\n`).toMatchFileSnapshot(`__snapshots__/${id}.sql`);
    });
  }

  it("writes the parameters out: another year is another snapshot", async () => {
    const statementsOf = async (year: number) => {
      const statements: string[] = [];
      await computeReport(
        recording(t.db, statements) as Database,
        { keyring: t.keyring, subject: { system: true, label: "test" }, regionCode: "09", clock: t.clock },
        { id: "admissions", parameters: { year }, asOf, scope: { kind: "region" } },
      );
      return statements.join("\n");
    };
    const [of2024, of2025] = [await statementsOf(2024), await statementsOf(2025)];
    expect(of2025).toContain("2025-12-31");
    expect(of2024).not.toEqual(of2025);
  });
});
