import { randomUUID } from "node:crypto";
import type { Database, Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { InpsClient, InpsClientCreate } from "../../../domain/sinba/inps-waas-api.schema.ts";
import type { Actor, SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { toClientKey } from "../events/index.ts";
import {
  findRegionOrganisations,
  type InpsClientKey,
  insertInpsClient,
  listInpsClients,
  listKnownBelfiore,
  setInpsClientActive,
} from "./inps-clients.queries.ts";

const notFound = () => new AppError("not-found", "Il client di INPS richiesto non esiste.");

async function checkedKeys(keys: unknown[]): Promise<InpsClientKey[]> {
  const checked: InpsClientKey[] = [];
  for (const [index, key] of keys.entries()) checked.push(await toClientKey(key, `/keys/${index}`));
  if (new Set(checked.map((key) => key.kid)).size !== checked.length)
    throw new AppError("validation-failed", "Due chiavi hanno lo stesso kid.", [
      { path: "/keys", code: "duplicate-kid", message: "Due chiavi hanno lo stesso kid." },
    ]);
  return checked;
}

/** Every ente must be a current comune's Belfiore code: a typo would silently read nothing. */
async function checkedEnti(db: Executor, enti: string[]): Promise<string[]> {
  const unique = [...new Set(enti)];
  const known = new Set(await listKnownBelfiore(db, unique));
  const problems = enti.flatMap((code, index) =>
    known.has(code)
      ? []
      : [
          {
            path: `/enti/${index}`,
            code: "unknown-ente",
            message: `Nessun comune ha il codice Belfiore ${code}.`,
          },
        ],
  );
  if (problems.length > 0) throw new AppError("validation-failed", "Enti sconosciuti.", problems);
  return unique.sort();
}

async function register(
  db: Database,
  subject: Actor | SystemActor,
  owner: { organisationId: string; createdBy: string | null },
  input: { name: string; enti: string[]; keys: unknown[] },
) {
  const keys = await checkedKeys(input.keys);
  return db.transaction(async (tx) => {
    const enti = await checkedEnti(tx, input.enti);
    const id = randomUUID();
    await insertInpsClient(
      tx,
      { id, name: input.name, ownerOrganisationId: owner.organisationId, createdBy: owner.createdBy },
      enti,
      keys,
    );
    await appendAuditEntry(tx, subject, {
      action: "inps-client.create",
      resourceType: "machine-client",
      resourceId: id,
      outcome: "success",
      details: { enti, kids: keys.map((key) => key.kid) },
    });
    const [client] = await listInpsClients(tx, id);
    return client;
  });
}

/** The Region's administrator registers INPS's client, with its public keys and the enti it reads. */
export async function createInpsClient(
  db: Database,
  actor: Actor,
  input: InpsClientCreate,
): Promise<InpsClient> {
  authorize(actor, "inps-client.manage");
  return register(db, actor, { organisationId: actor.organisationId, createdBy: actor.userId }, input);
}

export async function listAllInpsClients(db: Database, actor: Actor): Promise<InpsClient[]> {
  authorize(actor, "inps-client.manage");
  return listInpsClients(db);
}

/** Revoked, the client's tokens are no longer accepted: INPS reads nothing until a new registration. */
export async function revokeInpsClient(db: Database, actor: Actor, clientId: string): Promise<InpsClient> {
  authorize(actor, "inps-client.manage");
  return db.transaction(async (tx) => {
    const [client] = await listInpsClients(tx, clientId);
    if (!client) throw notFound();
    await setInpsClientActive(tx, clientId, false);
    await appendAuditEntry(tx, actor, {
      action: "inps-client.revoke",
      resourceType: "machine-client",
      resourceId: clientId,
      outcome: "success",
    });
    return { ...client, isActive: false };
  });
}

/**
 * Command line (`sirmi client create-inps`): registers INPS's client for the Region's organisation
 * (given by code, or the only one). Bypasses the access policy, hence the name; never from HTTP.
 */
export async function createInpsClientSystem(
  db: Database,
  subject: SystemActor,
  input: { name?: string; enti: string[]; keys: unknown[]; regionCode?: string },
): Promise<InpsClient> {
  if (input.enti.length === 0)
    throw new AppError("invalid-request", "Indicare almeno un ente (codice Belfiore).");
  const regions = await findRegionOrganisations(db, input.regionCode);
  if (regions.length === 0)
    throw new AppError("not-found", "Nessuna organizzazione della Regione con questo codice.");
  if (regions.length > 1)
    throw new AppError("invalid-request", "Più organizzazioni della Regione: indicare quella con --region.");
  const invalid = input.enti.filter((code) => !/^[A-Z][0-9]{3}$/.test(code));
  if (invalid.length > 0)
    throw new AppError("invalid-request", `Codici Belfiore non validi: ${invalid.slice(0, 10).join(", ")}.`);
  return register(
    db,
    subject,
    { organisationId: regions[0].id, createdBy: null },
    { name: input.name ?? "INPS – WaaS SIUSS", enti: input.enti, keys: input.keys },
  );
}
