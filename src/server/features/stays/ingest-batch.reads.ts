import { randomUUID } from "node:crypto";
import type { Transaction } from "../../../db/database.ts";
import { StayBatchState } from "../../../domain/stays/stay-batch.state.ts";
import type { EarlierOutcome, EventSender, PreparedEvent } from "../../../domain/stays/stay-batch.types.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import type { Keyring } from "../../core/vault-keys.ts";
import { BatchMinorResolver } from "../registry/index.ts";
import {
  findRecordedEventsOfStays,
  findStaysByRefs,
  findStaysOfMinors,
  findStaysPresentBetween,
  findStructuresByCodes,
  findStructureVersions,
  findTransactionInstant,
  lockKeys,
} from "./stays.queries.ts";

/**
 * The shell's half before the decisions: every lock and every read a batch of events can need,
 * in a few set-based statements, into the prepared state the core decides against. Locks in a
 * fixed order (stays, then identifiers, then minors; each set sorted) so that batches do not
 * deadlock: one writer at a time per stay, per identifier and per minor, as one by one.
 */
export async function readBatchState(
  tx: Transaction,
  context: { keyring: Keyring; today: string },
  sender: EventSender,
  prepared: PreparedEvent[],
  earlier: Map<string, EarlierOutcome>,
): Promise<{ state: StayBatchState; resolver: BatchMinorResolver }> {
  const candidates = prepared.flatMap((entry) =>
    entry.parsed.ok && !earlier.has(entry.parsed.event.id) ? [entry.parsed.event] : [],
  );
  const structures = await findStructuresByCodes(tx, [
    ...new Set(candidates.map((event) => event.structureCode)),
  ]);
  const writable = candidates.filter((event) => {
    const structure = structures.get(event.structureCode);
    return structure && sender.mayWrite(structure);
  });
  const structureIdOf = (event: StayEvent) => structures.get(event.structureCode)?.id as string;

  const stayKeys = [...new Set(writable.map((event) => `stay|${structureIdOf(event)}|${event.stayRef}`))];
  await lockKeys(tx, stayKeys.sort());
  const refs = [
    ...new Map(
      writable.map((event) => [StayBatchState.keyOf(structureIdOf(event), event.stayRef), event]),
    ).values(),
  ].map((event) => ({ structureId: structureIdOf(event), stayRef: event.stayRef }));
  const storedStaysRead = findStaysByRefs(tx, refs);
  storedStaysRead.catch(() => {}); // awaited below: a failure is raised there
  // The identities' keyed digests are computed while the database reads the stays.
  await new Promise((resolve) => setImmediate(resolve));
  const admissions = writable.flatMap((event) => (event.type === "admission" ? [event.minor] : []));
  const resolver = BatchMinorResolver.digest(context.keyring, context.today, admissions);
  const storedStays = await storedStaysRead;
  await resolver.read(tx);
  // Every minor a decision can meet: those of the stays named, and every one an identity can link to.
  const minors = new Set<string>([
    ...storedStays.flatMap((row) => (row.minorId ? [row.minorId] : [])),
    ...resolver.knownMinorIds,
  ]);
  await lockKeys(tx, [...minors].map((id) => `minor|${id}`).sort());

  const state = new StayBatchState({
    sender,
    registry: resolver,
    today: context.today,
    recordedAt: await findTransactionInstant(tx),
    newStayId: randomUUID,
  });
  for (const [code, structure] of structures) state.structures.set(code, structure);
  for (const [id, outcome] of earlier) state.earlier.set(id, outcome);
  for (const row of storedStays) state.load(row);
  for (const row of await findStaysOfMinors(tx, [...minors])) state.load(row);
  for (const minorId of minors) state.loadedMinors.add(minorId);
  for (const [stayId, events] of await findRecordedEventsOfStays(
    tx,
    storedStays.map((row) => row.id),
  ))
    state.events.set(stayId, events);
  // Presence in each structure over the days its admissions fall on, for the capacity warning.
  const ranges = new Map<string, { from: string; to: string }>();
  for (const event of writable) {
    if (event.type !== "admission") continue;
    const id = structureIdOf(event);
    const range = ranges.get(id);
    ranges.set(id, {
      from: range && range.from < event.occurredOn ? range.from : event.occurredOn,
      to: range && range.to > event.occurredOn ? range.to : event.occurredOn,
    });
  }
  for (const row of await findStaysPresentBetween(tx, ranges)) state.load(row);
  state.versions = await findStructureVersions(tx, [...ranges.keys()]);
  return { state, resolver };
}
