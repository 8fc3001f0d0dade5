import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActiveStructures } from "../../../../test/support/stay-fixtures.ts";
import {
  arrivalOrder,
  type GeneratedEvent,
  type SenderKind,
  type StayHistory,
  splitAmongSenders,
  stayHistoryArbitrary,
} from "../../../../test/support/stay-history-generator.ts";
import { vatNumber } from "../../../../test/support/structure-fixtures.ts";
import {
  type Client,
  createOrganisationFor,
  createTestApp,
  createUserFor,
  json,
  logInAs,
} from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import { type FileStatus, getEventFile, jsonLinesOf, postEventFile } from "../events/event-files.fixtures.ts";
import { postEvents, publicUrl, registerClient } from "../events/machine-request.fixtures.ts";

type Outcome = { id: string; status: string; errors: { code: string }[]; warnings: { code: string }[] };

/**
 * A fresh database receives the events of a history in the given order, each from the sender it
 * was given (its structure's operator on the web, a client's batch, another client's file); a
 * run of consecutive events of one sender goes in one request, answered before the next request.
 * Returns what anyone can observe afterwards: stays, flags, minors, child rows, data-quality list
 * and report figures, with nothing that depends on the database (ids, pseudonyms, instants).
 */
async function ingestAndObserve(history: StayHistory, order: (GeneratedEvent & { sender: SenderKind })[]) {
  const t = await createTestApp({ SIRMI_PUBLIC_URL: publicUrl });
  try {
    await createOrganisationFor(
      t,
      "COOP",
      "operator",
      vatNumber("0123456789"),
      "Cooperativa Sociale Esempio",
    );
    await createOrganisationFor(t, "REGIONE", "region");
    await createActiveStructures(t.db, history.structureCodes, 4);
    const structures = new Map(
      (
        await queryRows<{ id: string; code: string }>(
          t.db,
          sql`select id, code from structure where code in ${history.structureCodes}`,
        )
      ).map((row) => [row.code, row.id]),
    );
    const operators = new Map<string, Client>();
    for (const [code, id] of structures) {
      await createUserFor(t, `op-${code}`, "structure-operator", "COOP", id);
      operators.set(code, await logInAs(t.app, `op-${code}`));
    }
    await createUserFor(t, "analista", "region-analyst", "REGIONE");
    const analyst = await logInAs(t.app, "analista");
    const batchClient = await registerClient(t.db, history.structureCodes);
    const fileClient = await registerClient(t.db, history.structureCodes);

    const outcomes: Outcome[] = [];
    for (let start = 0; start < order.length; ) {
      const sender = order[start].sender;
      const structureCode = order[start].event.structureCode;
      let end = start + 1;
      while (end < order.length && order[end].sender === sender && sender !== "web") end++;
      const events = order.slice(start, end).map((entry) => entry.event);
      start = end;
      if (sender === "web") {
        const response = await (operators.get(structureCode) as Client).post(
          `/api/v1/structures/${structures.get(structureCode)}/events`,
          events[0],
        );
        const body = json<Partial<Outcome>>(response);
        outcomes.push({
          id: events[0].id,
          status: response.statusCode === 201 ? "accepted" : (body.status ?? "rejected"),
          errors: body.errors ?? [],
          warnings: body.warnings ?? [],
        });
      } else if (sender === "batch") {
        const response = await postEvents(t.app, batchClient, { events });
        outcomes.push(...json<{ results: Outcome[] }>(response).results);
      } else {
        const response = await postEventFile(t.app, fileClient, jsonLinesOf(events));
        expect(response.statusCode, response.body).toBe(202);
        await t.app.eventFileWorker.drain();
        const status = json<FileStatus>(
          await getEventFile(t.app, fileClient, response.headers.location as string),
        );
        outcomes.push(...status.outcomes);
      }
    }
    // A valid history is accepted whole, whatever the order: nothing is ever refused for arriving early.
    expect(outcomes.filter((outcome) => outcome.status !== "accepted")).toEqual([]);

    const stays = await queryRows<
      Record<string, unknown> & {
        code: string;
        stay_ref: string;
        admission_date: string;
        discharge_date: string | null;
      }
    >(
      t.db,
      sql`select st.code, s.stay_ref, s.status, s.admission_date::text, s.admission_kind, s.legal_basis, s.origin,
            s.reasons, s.msna, s.discharge_date::text, s.discharge_reason, s.discharge_destination, s.has_overlap, s.is_backdated
          from stay s join structure st on st.id = s.structure_id order by st.code, s.stay_ref`,
    );
    const minors = await queryRows(
      t.db,
      sql`select m.is_possible_duplicate, (select string_agg(st.code || '/' || s.stay_ref, ' ' order by st.code, s.stay_ref)
            from stay s join structure st on st.id = s.structure_id where s.minor_id = m.id) as stays
          from minor m order by 2`,
    );
    const children = await queryRows(
      t.db,
      sql`select 'absence' as kind, a.event_id::text, a.kind as detail, a.from_date::text, a.to_date::text from stay_absence a
          union all
          select 'activity', a.event_id::text, a.code, a.from_date::text, a.until_date::text from stay_activity a
          order by 2`,
    );
    const flagged = json<{ items: { structureCode: string; stayRef: string; flags: string[] }[] }>(
      await analyst.get("/api/v1/data-quality/stays"),
    ).items.map((row) => `${row.structureCode}/${row.stayRef}:${row.flags.join(",")}`);
    const figures: Record<string, unknown> = {};
    for (const report of [
      "out-of-family-stock?date=2026-03-31",
      "admissions?year=2026",
      "discharges?year=2026",
      "occupancy?date=2026-06-30",
    ]) {
      const response = await analyst.get(`/api/v1/reports/${report}`);
      expect(response.statusCode, response.body).toBe(200);
      figures[report] = json<{ tables: unknown }>(response).tables;
    }
    const warned = new Set(outcomes.flatMap((outcome) => outcome.warnings.map((warning) => warning.code)));
    return { observed: { stays, minors, children, flagged: flagged.sort(), figures }, warned };
  } finally {
    await t.close();
  }
}

describe("arrival order never changes the result (interchange 1.1)", () => {
  it("gives the same stays, flags, minors and figures for random orders split among web, clients and files", async () => {
    await fc.assert(
      fc.asyncProperty(
        stayHistoryArbitrary({ minors: 6, structures: 3 }),
        fc.array(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: 2, maxLength: 2 }),
        async ({ history }, seeds) => {
          // The reference: every event in the order it happened, in one client's batches.
          const { observed: reference } = await ingestAndObserve(
            history,
            history.events.map((entry) => ({ ...entry, sender: "batch" as const })),
          );
          // What the history means by the standard's rules (recording order of corrections included).
          expect(
            reference.stays.map((row) => ({
              stay: `${row.code}/${row.stay_ref}`,
              admissionDate: row.admission_date,
              dischargeDate: row.discharge_date,
            })),
          ).toEqual(history.expected);
          const warned = new Set<string>();
          for (const seed of seeds) {
            const order = splitAmongSenders(arrivalOrder(history, seed), seed + 1);
            const run = await ingestAndObserve(history, order);
            expect(run.observed).toEqual(reference);
            for (const code of run.warned) warned.add(code);
          }
          // The orders did exercise what the standard lets arrive early.
          expect([...warned]).toEqual(expect.arrayContaining(["overlapping-stay", "waiting-for-admission"]));
        },
      ),
      // Each run costs three fresh databases: one history, bounded, keeps the file under a minute.
      { numRuns: 1, seed: 20_261_121, endOnFailure: true },
    );
  }, 300_000);
});
