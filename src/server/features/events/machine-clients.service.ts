import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { MachineClient, MachineClientCreate } from "../../../domain/events/machine-client.schema.ts";
import type { Actor, SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorizeClientManagement } from "./machine-clients.policy.ts";
import {
  type ClientKey,
  findClientEventOutcome,
  findServiceByCode,
  insertClientKey,
  insertMachineClient,
  listClients,
  listStructuresByCode,
  listStructuresInScope,
  setClientActive,
} from "./machine-clients.queries.ts";
import { toClientKey } from "./machine-keys.ts";

const notFound = () => new AppError("not-found", "Il client applicativo richiesto non esiste.");

async function toClientKeys(keys: unknown[]): Promise<ClientKey[]> {
  const checked: ClientKey[] = [];
  for (const [index, key] of keys.entries()) checked.push(await toClientKey(key, `/keys/${index}`));
  const kids = new Set(checked.map((key) => key.kid));
  if (kids.size !== checked.length)
    throw new AppError("validation-failed", "Due chiavi hanno lo stesso kid.", [
      { path: "/keys", code: "duplicate-kid", message: "Due chiavi hanno lo stesso kid." },
    ]);
  return checked;
}

/**
 * A manager registers a client for structures of their own scope (any other structure is 404); a
 * social service's manager registers one for the service itself, with no structure.
 */
export async function createClient(db: Database, actor: Actor, input: MachineClientCreate) {
  const { structureScope, clientScope, writesStructures } = authorizeClientManagement(actor);
  const keys = await toClientKeys(input.keys);
  const structureIds = [...new Set(input.structureIds)];
  // A structure's software writes the stays of its structures; a service's writes its cases only.
  if (writesStructures && structureIds.length === 0)
    throw new AppError("validation-failed", "Indicare almeno una struttura.", [
      { path: "/structureIds", code: "structures-required", message: "Indicare almeno una struttura." },
    ]);
  return db.transaction(async (tx) => {
    const found = await listStructuresInScope(tx, structureScope, structureIds);
    if (found.length !== structureIds.length)
      throw new AppError("not-found", "Una delle strutture indicate non esiste o non è gestita dall'utente.");
    const id = randomUUID();
    await insertMachineClient(
      tx,
      {
        id,
        name: input.name,
        operatorOrganisationId: actor.organisationId,
        requireIntegrity: input.requireIntegrity,
        createdBy: actor.userId,
      },
      structureIds,
      keys,
    );
    await appendAuditEntry(tx, actor, {
      action: "machine-client.create",
      resourceType: "machine-client",
      resourceId: id,
      outcome: "success",
      details: { structureIds, kids: keys.map((key) => key.kid), requireIntegrity: input.requireIntegrity },
    });
    const [client] = await listClients(tx, clientScope, id);
    return client;
  });
}

export async function listOwnClients(db: Database, actor: Actor): Promise<MachineClient[]> {
  const { clientScope } = authorizeClientManagement(actor);
  return listClients(db, clientScope);
}

export async function addClientKey(db: Database, actor: Actor, clientId: string, jwk: unknown) {
  const { clientScope } = authorizeClientManagement(actor);
  const key = await toClientKey(jwk);
  return db.transaction(async (tx) => {
    const [client] = await listClients(tx, clientScope, clientId);
    if (!client) throw notFound();
    if (!(await insertClientKey(tx, clientId, key)))
      throw new AppError("conflict", "Il client ha già una chiave con questo kid.");
    await appendAuditEntry(tx, actor, {
      action: "machine-client.add-key",
      resourceType: "machine-client",
      resourceId: clientId,
      outcome: "success",
      details: { kid: key.kid },
    });
    const [updated] = await listClients(tx, clientScope, clientId);
    return updated;
  });
}

export async function disableClient(db: Database, actor: Actor, clientId: string) {
  const { clientScope } = authorizeClientManagement(actor);
  return db.transaction(async (tx) => {
    const [client] = await listClients(tx, clientScope, clientId);
    if (!client) throw notFound();
    await setClientActive(tx, clientId, false);
    await appendAuditEntry(tx, actor, {
      action: "machine-client.disable",
      resourceType: "machine-client",
      resourceId: clientId,
      outcome: "success",
    });
    return { ...client, isActive: false };
  });
}

/**
 * Command line: registers a client for structures given by code, all of one operator, or for a
 * social service given by code (its software sends case events). Bypasses the access policy,
 * hence the name; never called from HTTP.
 */
export async function createClientSystem(
  db: Database,
  subject: SystemActor,
  input: {
    name?: string;
    structureCodes: string[];
    serviceCode?: string;
    keys: unknown[];
    requireIntegrity: boolean;
  },
) {
  const codes = [...new Set(input.structureCodes)];
  if (input.serviceCode !== undefined && codes.length > 0)
    throw new AppError("invalid-request", "Il client di un servizio sociale non ha strutture.");
  if (input.serviceCode === undefined && codes.length === 0)
    throw new AppError("invalid-request", "Indicare almeno una struttura, o il servizio sociale.");
  const keys = await toClientKeys(input.keys);
  return db.transaction(async (tx) => {
    const owner = input.serviceCode
      ? await serviceOf(tx, input.serviceCode)
      : await operatorOfStructures(tx, codes);
    const id = randomUUID();
    await insertMachineClient(
      tx,
      {
        id,
        name: input.name ?? `Client ${input.serviceCode ?? codes.join(", ")}`,
        operatorOrganisationId: owner.organisationId,
        requireIntegrity: input.requireIntegrity,
      },
      owner.structureIds,
      keys,
    );
    await appendAuditEntry(tx, subject, {
      action: "machine-client.create",
      resourceType: "machine-client",
      resourceId: id,
      outcome: "success",
      details: {
        structureIds: owner.structureIds,
        kids: keys.map((key) => key.kid),
        requireIntegrity: input.requireIntegrity,
      },
    });
    return { id, kids: keys.map((key) => key.kid) };
  });
}

async function operatorOfStructures(tx: Executor, codes: string[]) {
  const structures = await listStructuresByCode(tx, codes);
  const missing = codes.filter((code) => !structures.some((row) => row.code === code));
  if (missing.length > 0) throw new AppError("not-found", `Strutture inesistenti: ${missing.join(", ")}.`);
  const operators = new Set(structures.map((row) => row.operatorOrganisationId));
  if (operators.size !== 1)
    throw new AppError("invalid-request", "Le strutture di un client devono avere lo stesso ente gestore.");
  return {
    organisationId: structures[0].operatorOrganisationId,
    structureIds: structures.map((row) => row.id),
  };
}

async function serviceOf(tx: Executor, code: string) {
  const service = await findServiceByCode(tx, code);
  if (!service) throw new AppError("not-found", `Servizio sociale inesistente: ${code}.`);
  return { organisationId: service.id, structureIds: [] };
}

/** Command line: disables any client by id. */
export async function disableClientSystem(db: Database, subject: SystemActor, clientId: string) {
  return db.transaction(async (tx) => {
    const [client] = await listClients(tx, sql`true`, clientId);
    if (!client) throw notFound();
    await setClientActive(tx, clientId, false);
    await appendAuditEntry(tx, subject, {
      action: "machine-client.disable",
      resourceType: "machine-client",
      resourceId: clientId,
      outcome: "success",
    });
  });
}

/** The recorded outcome of an event a client sent; another client's events do not exist for it. */
export async function findEventOutcome(db: Database, clientId: string, eventId: string) {
  const outcome = await findClientEventOutcome(db, clientId, eventId);
  if (!outcome) throw new AppError("not-found", "Nessun evento con questo id è stato inviato dal client.");
  return { ...outcome, status: outcome.status as "accepted" | "rejected" };
}
