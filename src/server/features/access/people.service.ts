import { randomUUID } from "node:crypto";
import type { Executor } from "../../../db/database.ts";
import type { AuditAction } from "../../../domain/access/audit-codes.ts";
import {
  type GranterMembership,
  type GrantRefusal,
  grantRefusal,
  grantRefusalMessages,
  managesAccount,
  mayRevokeMembership,
} from "../../../domain/access/grants.ts";
import { seesIdentities } from "../../../domain/access/identity-roles.ts";
import type { OrganisationKind, Role } from "../../../domain/access/roles.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { validateFiscalCode } from "../../../domain/identity/index.ts";
import type { Actor } from "../../core/actor.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { authorize } from "../../core/authorization.ts";
import { findOrganisationByCode, insertMembership } from "./access.queries.ts";
import { replaceRecoveryCodes, updateAccount } from "./account.queries.ts";
import { fiscalCodeDigest, newTemporaryPassword } from "./account-digests.ts";
import { hashPassword } from "./passwords.ts";
import {
  deleteMembership,
  findAccount,
  findMembership,
  listAccounts,
  listMembershipsOfUsers,
  type PersonMembership,
} from "./people.queries.ts";
import { clearSessionsMembership, deleteSessionsOfUser } from "./session.queries.ts";
import type { SessionContext } from "./session.service.ts";
import { createUserWithRole } from "./users.service.ts";

const granterOf = (actor: Actor): GranterMembership => ({
  userId: actor.userId,
  role: actor.role,
  organisationId: actor.organisationId,
  organisationKind: actor.organisationKind,
  structureId: actor.structureId,
});

/** The people an actor reaches: the Region's administrator everyone, a manager its organisation's. */
function scopeOf(actor: Actor) {
  authorize(actor, "user.manage");
  return actor.role === "region-admin"
    ? undefined
    : { organisationId: actor.organisationId, structureId: actor.structureId };
}

async function refuseGrant(
  tx: Executor,
  actor: Actor,
  reason: GrantRefusal,
  details: Record<string, unknown>,
) {
  await appendAuditEntry(tx, actor, {
    action: "user.grant-refused",
    resourceType: "user",
    resourceId: (details.userId as string | undefined) ?? null,
    outcome: "denied",
    details: { reason, ...details },
  });
}

/** Refusals are written to the log even though the change is not made (own transaction). */
async function denied(
  ctx: SessionContext,
  actor: Actor,
  reason: GrantRefusal,
  details: Record<string, unknown>,
) {
  await ctx.db.transaction((tx) => refuseGrant(tx, actor, reason, details));
  return new AppError("grant-not-allowed", grantRefusalMessages[reason]);
}

export async function listPeople(ctx: SessionContext, actor: Actor) {
  const accounts = await listAccounts(ctx.db, scopeOf(actor));
  const memberships = await listMembershipsOfUsers(
    ctx.db,
    accounts.map((account) => account.id),
  );
  const granter = granterOf(actor);
  return accounts.map((account) => {
    const held = memberships.get(account.id) ?? [];
    return {
      ...account,
      lockedUntil: account.lockedUntil?.toISOString() ?? null,
      isManaged: managesAccount(granter, { userId: account.id, memberships: held }),
      roles: held.map((membership) => ({
        membershipId: membership.membershipId,
        role: membership.role,
        organisationCode: membership.organisationCode,
        organisationName: membership.organisationName,
        structureId: membership.structureId,
        canRevoke: account.id !== actor.userId && mayRevokeMembership(granter, membership),
      })),
    };
  });
}

/** The account if the actor reaches it, else 404 as if it did not exist. */
async function getReachable(ctx: SessionContext, actor: Actor, userId: string) {
  const scope = scopeOf(actor);
  const account = await findAccount(ctx.db, userId);
  const held = account ? ((await listMembershipsOfUsers(ctx.db, [userId])).get(userId) ?? []) : [];
  const reachable =
    account &&
    (!scope ||
      held.some(
        (m) =>
          m.organisationId === scope.organisationId &&
          (!scope.structureId || m.structureId === scope.structureId),
      ));
  if (!account || !reachable) throw new AppError("not-found", "L'utente indicato non esiste.");
  return { account, held };
}

async function getManagedAccount(ctx: SessionContext, actor: Actor, userId: string, action: AuditAction) {
  const reached = await getReachable(ctx, actor, userId);
  if (!managesAccount(granterOf(actor), { userId, memberships: reached.held })) {
    await ctx.db.transaction((tx) =>
      appendAuditEntry(tx, actor, {
        action,
        resourceType: "user",
        resourceId: userId,
        outcome: "denied",
        details: { reason: "account-not-managed" },
      }),
    );
    throw new AppError(
      "forbidden",
      "L'utente ha ruoli che il ruolo attivo non gestisce: l'operazione spetta a chi gestisce ciascuna sua organizzazione.",
    );
  }
  return reached;
}

function checkedFiscalCode(fiscalCode: string) {
  const validation = validateFiscalCode(fiscalCode);
  if (!validation.ok || validation.kind !== "personal")
    throw new AppError("fiscal-code-invalid", undefined, [
      { path: "/body/fiscalCode", code: "fiscal-code-invalid", message: "Il codice fiscale non è valido." },
    ]);
  return validation.code;
}

export async function createPerson(
  ctx: SessionContext,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    role: Role;
    organisationCode: string;
    structureId?: string | null;
    fiscalCode?: string | null;
    localAccount: boolean;
  },
) {
  scopeOf(actor);
  if (!input.localAccount && !input.fiscalCode)
    throw new AppError(
      "validation-failed",
      "Indicare il codice fiscale (accesso con SPID o CIE) o un account locale.",
      [{ path: "/body/fiscalCode", code: "required", message: "Campo obbligatorio senza account locale" }],
    );
  const digest = input.fiscalCode ? fiscalCodeDigest(ctx.keyring, checkedFiscalCode(input.fiscalCode)) : null;
  const structureId = input.structureId ?? actor.structureId ?? null;
  const temporaryPassword = input.localAccount ? newTemporaryPassword() : null;
  let refusal: GrantRefusal | null = null;
  const created = await createUserWithRole(
    ctx.db,
    actor,
    {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      organisationCode: input.organisationCode,
      structureId,
      password: temporaryPassword,
      fiscalCodeDigest: digest,
      mustChangePassword: input.localAccount,
    },
    async (_tx, organisation) => {
      refusal = grantRefusal(granterOf(actor), {
        role: input.role,
        organisation: { id: organisation.id, kind: organisation.kind as OrganisationKind },
        structureId,
        granteeUserId: null,
        granteeMemberships: [],
        granteeSignsInOnlyWithProvider: digest !== null && !input.localAccount,
      });
      if (refusal) throw new AppError("grant-not-allowed", grantRefusalMessages[refusal]);
    },
  ).catch(async (error) => {
    if (refusal)
      throw await denied(ctx, actor, refusal, {
        role: input.role,
        organisationCode: input.organisationCode,
        structureId,
      });
    throw error;
  });
  return { ...created, temporaryPassword };
}

export async function grantRole(
  ctx: SessionContext,
  actor: Actor,
  userId: string,
  input: { role: Role; organisationCode: string; structureId?: string | null },
) {
  const { account, held } = await getReachable(ctx, actor, userId);
  const organisation = await findOrganisationByCode(ctx.db, input.organisationCode);
  if (!organisation)
    throw new AppError("unknown-organisation", `L'organizzazione ${input.organisationCode} non esiste.`);
  const structureId = input.structureId ?? actor.structureId ?? null;
  const refusal = grantRefusal(granterOf(actor), {
    role: input.role,
    organisation: { id: organisation.id, kind: organisation.kind as OrganisationKind },
    structureId,
    granteeUserId: userId,
    granteeMemberships: held,
    granteeSignsInOnlyWithProvider: !account.hasPassword && account.signsInWithProvider,
  });
  const details = { userId, role: input.role, organisationCode: organisation.code, structureId };
  if (refusal) throw await denied(ctx, actor, refusal, details);
  await ctx.db.transaction(async (tx) => {
    const added = await insertMembership(tx, {
      id: randomUUID(),
      userId,
      organisationId: organisation.id,
      role: input.role,
      structureId,
    });
    if (!added)
      throw new AppError("conflict", `L'utente ha già il ruolo ${input.role} in ${organisation.code}.`);
    await appendAuditEntry(tx, actor, {
      action: "user.add-role",
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { role: input.role, organisationCode: organisation.code, structureId },
    });
  });
}

export async function revokeRole(ctx: SessionContext, actor: Actor, userId: string, membershipId: string) {
  await getReachable(ctx, actor, userId);
  const held = await findMembership(ctx.db, userId, membershipId);
  if (!held) throw new AppError("not-found", "Il ruolo indicato non esiste.");
  if (userId === actor.userId || !mayRevokeMembership(granterOf(actor), held))
    throw await denied(ctx, actor, userId === actor.userId ? "self-grant" : "role-not-managed", {
      userId,
      role: held.role,
      organisationCode: held.organisationCode,
    });
  await ctx.db.transaction(async (tx) => {
    await clearSessionsMembership(tx, membershipId);
    await deleteMembership(tx, membershipId);
    await appendAuditEntry(tx, actor, {
      action: "user.remove-role",
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { role: held.role, organisationCode: held.organisationCode, structureId: held.structureId },
    });
  });
}

/** Suspending closes the person's sessions; the Region's administrator may suspend anyone. */
export async function setActive(ctx: SessionContext, actor: Actor, userId: string, active: boolean) {
  const action = active ? "user.reactivate" : "user.suspend";
  const { held } = await getReachable(ctx, actor, userId);
  const granter = granterOf(actor);
  const allowed =
    userId !== actor.userId &&
    (managesAccount(granter, { userId, memberships: held }) ||
      (actor.role === "region-admin" && held.every((m) => mayRevokeMembership(granter, m))) ||
      (actor.role === "region-admin" && !active));
  if (!allowed) await getManagedAccount(ctx, actor, userId, action);
  await ctx.db.transaction(async (tx) => {
    await updateAccount(tx, userId, { isActive: active });
    const closed = active ? 0 : await deleteSessionsOfUser(tx, userId);
    await appendAuditEntry(tx, actor, {
      action,
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { closedSessions: closed },
    });
  });
}

/** A new temporary password, shown once; the next login must change it. */
export async function resetPassword(ctx: SessionContext, actor: Actor, userId: string) {
  await getManagedAccount(ctx, actor, userId, "user.password-reset");
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await updateAccount(tx, userId, {
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    const closed = await deleteSessionsOfUser(tx, userId);
    await appendAuditEntry(tx, actor, {
      action: "user.password-reset",
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { closedSessions: closed },
    });
  });
  return { temporaryPassword };
}

/** Lost phone: the second factor is removed and enrolled again at the next login. */
export async function resetSecondFactor(ctx: SessionContext, actor: Actor, userId: string) {
  const { held } = await getManagedAccount(ctx, actor, userId, "user.second-factor-reset");
  await ctx.db.transaction(async (tx) => {
    await updateAccount(tx, userId, {
      totpSecretSealed: null,
      totpKeyId: null,
      totpPendingSealed: null,
      totpPendingKeyId: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, userId, []);
    const closed = await deleteSessionsOfUser(tx, userId);
    await appendAuditEntry(tx, actor, {
      action: "user.second-factor-reset",
      resourceType: "user",
      resourceId: userId,
      outcome: "success",
      details: { closedSessions: closed, seesIdentities: held.some((m) => seesIdentities(m.role)) },
    });
  });
}

/** Who may see or close a user's sessions: the administrator anyone's, a manager its people's. */
export async function getSessionsTarget(ctx: SessionContext, actor: Actor, userId: string) {
  const reached = await getReachable(ctx, actor, userId);
  if (actor.role !== "region-admin") await getManagedAccount(ctx, actor, userId, "session.revoke");
  return reached.account;
}

export type { PersonMembership };
