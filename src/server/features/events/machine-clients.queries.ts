import { and, asc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import {
  machineClient,
  machineClientJti,
  machineClientKey,
  machineClientStructure,
  organisation,
  stayEvent,
  structure,
} from "../../../db/schema/index.ts";
import type { MachineClient } from "../../../domain/events/machine-client.schema.ts";

export type ClientKey = { kid: string; jwk: Record<string, unknown> };

export async function insertMachineClient(
  db: Executor,
  values: typeof machineClient.$inferInsert,
  structureIds: string[],
  keys: ClientKey[],
) {
  await db.insert(machineClient).values(values);
  if (structureIds.length > 0)
    await db
      .insert(machineClientStructure)
      .values(structureIds.map((structureId) => ({ clientId: values.id, structureId })));
  await db.insert(machineClientKey).values(keys.map((key) => ({ clientId: values.id, ...key })));
}

export async function insertClientKey(db: Executor, clientId: string, key: ClientKey): Promise<boolean> {
  const rows = await db
    .insert(machineClientKey)
    .values({ clientId, ...key })
    .onConflictDoNothing()
    .returning({ kid: machineClientKey.kid });
  return rows.length > 0;
}

export async function setClientActive(db: Executor, clientId: string, isActive: boolean) {
  await db.update(machineClient).set({ isActive }).where(eq(machineClient.id, clientId));
}

/** The structures among `ids` that satisfy the caller's scope condition on `structure`. */
export async function listStructuresInScope(db: Executor, scopeCondition: SQL, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: structure.id, operatorOrganisationId: structure.operatorOrganisationId })
    .from(structure)
    .where(and(inArray(structure.id, ids), scopeCondition));
}

export async function listStructuresByCode(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      id: structure.id,
      code: structure.code,
      operatorOrganisationId: structure.operatorOrganisationId,
    })
    .from(structure)
    .where(inArray(structure.code, codes));
}

/** A social service by its code: the owner of a client that sends case events. */
export async function findServiceByCode(db: Executor, code: string) {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.code, code), eq(organisation.kind, "social-service")))
    .limit(1);
  return row;
}

/**
 * Clients of the caller's organisation all of whose structures lie within the caller's scope:
 * a manager limited to one structure does not see a client that also writes another one.
 */
export function clientScopeCondition(organisationId: string, structureScope: SQL): SQL {
  return sql`(${machineClient.operatorOrganisationId} = ${organisationId} and not exists (
    select 1 from ${machineClientStructure}
    join ${structure} on ${structure.id} = ${machineClientStructure.structureId}
    where ${machineClientStructure.clientId} = ${machineClient.id} and not (${structureScope})))`;
}

export async function listClients(db: Executor, condition: SQL, clientId?: string): Promise<MachineClient[]> {
  const clients = await db
    .select()
    .from(machineClient)
    .where(clientId ? and(condition, eq(machineClient.id, clientId)) : condition)
    .orderBy(asc(machineClient.createdAt), asc(machineClient.id));
  if (clients.length === 0) return [];
  const ids = clients.map((client) => client.id);
  const [structures, keys] = await Promise.all([
    db.select().from(machineClientStructure).where(inArray(machineClientStructure.clientId, ids)),
    db
      .select()
      .from(machineClientKey)
      .where(inArray(machineClientKey.clientId, ids))
      .orderBy(asc(machineClientKey.createdAt), asc(machineClientKey.kid)),
  ]);
  return clients.map((client) => ({
    id: client.id,
    name: client.name,
    operatorOrganisationId: client.operatorOrganisationId,
    structureIds: structures.filter((row) => row.clientId === client.id).map((row) => row.structureId),
    keys: keys.filter((row) => row.clientId === client.id).map((row) => ({ kid: row.kid, jwk: row.jwk })),
    requireIntegrity: client.requireIntegrity,
    isActive: client.isActive,
    createdAt: client.createdAt,
  }));
}

/**
 * What authenticating a token needs: the client, if active, with one key, its structures and the
 * organisation it belongs to (an operator's software writes stays, a social service's writes cases).
 */
export async function findActiveClientKey(db: Executor, clientId: string, kid: string) {
  const [row] = await db
    .select({
      id: machineClient.id,
      requireIntegrity: machineClient.requireIntegrity,
      jwk: machineClientKey.jwk,
      organisationId: organisation.id,
      organisationCode: organisation.code,
      organisationKind: organisation.kind,
      structureIds: sql<
        string[]
      >`array(select ${machineClientStructure.structureId} from ${machineClientStructure}
        where ${machineClientStructure.clientId} = ${machineClient.id})`,
    })
    .from(machineClient)
    .innerJoin(organisation, eq(organisation.id, machineClient.operatorOrganisationId))
    .innerJoin(
      machineClientKey,
      and(eq(machineClientKey.clientId, machineClient.id), eq(machineClientKey.kid, kid)),
    )
    .where(and(eq(machineClient.id, clientId), eq(machineClient.isActive, true)))
    .limit(1);
  return row;
}

/**
 * Records a token id; false when it was already used. Rows past their expiry can no longer be
 * replayed (the token is refused as expired), so they are purged along the way.
 */
export async function recordTokenId(db: Executor, clientId: string, jti: string, expiresAt: Date) {
  await db
    .delete(machineClientJti)
    .where(and(eq(machineClientJti.clientId, clientId), lt(machineClientJti.expiresAt, sql`now()`)));
  const rows = await db
    .insert(machineClientJti)
    .values({ clientId, jti, expiresAt: expiresAt.toISOString() })
    .onConflictDoNothing()
    .returning({ jti: machineClientJti.jti });
  return rows.length > 0;
}

/** The stored outcome of one event, only if this client sent it. */
export async function findClientEventOutcome(db: Executor, clientId: string, eventId: string) {
  const [row] = await db
    .select({
      id: stayEvent.id,
      status: stayEvent.status,
      warnings: stayEvent.warnings,
      errors: stayEvent.errors,
    })
    .from(stayEvent)
    .where(
      and(eq(stayEvent.id, eventId), eq(stayEvent.sourceKind, "client"), eq(stayEvent.sourceId, clientId)),
    )
    .limit(1);
  return row;
}
