import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Database, Executor } from "../../../db/database.ts";
import type { organisationInputSchema, userInputSchema } from "../../../domain/access/access-api.schema.ts";
import { type OrganisationKind, organisationKindOfRole, type Role } from "../../../domain/access/roles.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { Actor, SystemActor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize, authorizeSubject } from "../../core/authorization.ts";
import {
  findOrganisationByCode,
  findUserByUsername,
  insertMembership,
  insertOrganisation,
  insertUser,
  listOrganisations as listOrganisationRows,
  listUsersWithMemberships,
} from "./access.queries.ts";
import { hashPassword } from "./passwords.ts";

export async function createOrganisation(
  db: Database,
  subject: Actor | SystemActor,
  input: z.infer<typeof organisationInputSchema>,
) {
  authorizeSubject(subject, "organisation.manage");
  const row = await db.transaction(async (tx) => {
    if (await findOrganisationByCode(tx, input.code)) {
      throw new AppError("conflict", `Esiste già un'organizzazione con il codice ${input.code}.`);
    }
    const row = await insertOrganisation(tx, {
      id: randomUUID(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      fiscalCode: input.fiscalCode ?? null,
      comune: input.comune ?? null,
    });
    await appendAuditEntry(tx, subject, {
      action: "organisation.create",
      resourceType: "organisation",
      resourceId: row.id,
      outcome: "success",
    });
    return row;
  });
  return organisationView(row);
}

function organisationView(row: Awaited<ReturnType<typeof listOrganisationRows>>[number]) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as OrganisationKind,
    fiscalCode: row.fiscalCode,
    comune: row.comune,
  };
}

export async function listOrganisations(db: Database, actor: Actor) {
  authorize(actor, "organisation.manage");
  return (await listOrganisationRows(db)).map(organisationView);
}

/** The organisation a role is to be held in, if it exists and is of the kind the role needs. */
async function getOrganisationForRole(tx: Executor, code: string, role: Role) {
  const organisation = await findOrganisationByCode(tx, code);
  if (!organisation) throw new AppError("unknown-organisation", `L'organizzazione ${code} non esiste.`);
  if (organisationKindOfRole[role] !== organisation.kind) {
    throw new AppError(
      "role-not-allowed-for-organisation",
      `Il ruolo ${role} non può essere assegnato in un'organizzazione di tipo ${organisation.kind}.`,
    );
  }
  return organisation;
}

/** Creates a user holding one role in one organisation; more roles come with addRole. */
export async function createUserWithRole(
  db: Database,
  subject: Actor | SystemActor,
  input: z.infer<typeof userInputSchema> & { structureId?: string | null },
) {
  authorizeSubject(subject, "organisation.manage");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const organisation = await getOrganisationForRole(tx, input.organisationCode, input.role);
    const created = await insertUser(tx, {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
    });
    if (!created) throw new AppError("username-taken", `Il nome utente ${input.username} è già in uso.`);
    await insertMembership(tx, {
      id: randomUUID(),
      userId: created.id,
      organisationId: organisation.id,
      role: input.role,
      structureId: input.structureId ?? null,
    });
    await appendAuditEntry(tx, subject, {
      action: "user.create",
      resourceType: "user",
      resourceId: created.id,
      outcome: "success",
      details: { role: input.role, organisationCode: organisation.code },
    });
    return created;
  });
}

export async function listUsers(db: Database, actor: Actor) {
  authorize(actor, "organisation.manage");
  const rows = await listUsersWithMemberships(db);
  const users = new Map<
    string,
    {
      id: string;
      username: string;
      displayName: string;
      isActive: boolean;
      roles: { role: string; organisationCode: string; organisationName: string }[];
    }
  >();
  for (const row of rows) {
    const user = users.get(row.userId) ?? {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      isActive: row.isActive,
      roles: [],
    };
    if (row.role && row.organisationCode && row.organisationName) {
      user.roles.push({
        role: row.role,
        organisationCode: row.organisationCode,
        organisationName: row.organisationName,
      });
    }
    users.set(row.userId, user);
  }
  return [...users.values()];
}

/** Gives an existing user one more role, in the same or another organisation. */
export async function addRole(
  db: Database,
  subject: Actor | SystemActor,
  input: { username: string; role: Role; organisationCode: string; structureId?: string | null },
) {
  authorizeSubject(subject, "organisation.manage");
  return db.transaction(async (tx) => {
    const user = await findUserByUsername(tx, input.username);
    if (!user) throw new AppError("not-found", `L'utente ${input.username} non esiste.`);
    const organisation = await getOrganisationForRole(tx, input.organisationCode, input.role);
    const added = await insertMembership(tx, {
      id: randomUUID(),
      userId: user.id,
      organisationId: organisation.id,
      role: input.role,
      structureId: input.structureId ?? null,
    });
    if (!added)
      throw new AppError(
        "conflict",
        `L'utente ${input.username} ha già il ruolo ${input.role} in ${organisation.code}.`,
      );
    await appendAuditEntry(tx, subject, {
      action: "user.add-role",
      resourceType: "user",
      resourceId: user.id,
      outcome: "success",
      details: { role: input.role, organisationCode: organisation.code },
    });
  });
}
