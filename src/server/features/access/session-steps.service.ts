import type { Executor } from "../../../db/database.ts";
import { seesIdentities } from "../../../domain/access/identity-roles.ts";
import { isLocked } from "../../../domain/access/lockout.ts";
import { nextLoginStep } from "../../../domain/access/login-steps.ts";
import type { Role } from "../../../domain/access/roles.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { appendAuditEntry } from "../../core/audit.queries.ts";
import { listMembershipsOfUser } from "./access.queries.ts";
import {
  type AccountRow,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  findUserByIdForUpdate,
  replaceRecoveryCodes,
  updateAccount,
} from "./account.queries.ts";
import { newRecoveryCodes, recoveryCodeDigest } from "./account-digests.ts";
import { passwordWeakness } from "./password-policy.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import {
  acceptedTotpStep,
  newTotpSecret,
  openTotpSecret,
  otpauthUri,
  sealTotpSecret,
} from "./second-factor.ts";
import { deleteSessionsById, listLiveSessionsOfUser, updateSession } from "./session.queries.ts";
import {
  enforceSessionLimit,
  fullExpiryOf,
  hashToken,
  onlyUsableMembership,
  recordFailure,
  type SessionContext,
  type SessionState,
} from "./session.service.ts";

const subjectOf = (state: SessionState) => ({ anonymous: true as const, username: state.user.username });

/** Moves the session to its next login step, or makes it a full session when none is left. */
async function advance(tx: Executor, ctx: SessionContext, token: string, account: AccountRow, level: number) {
  const memberships = await listMembershipsOfUser(tx, account.id);
  const step = nextLoginStep({
    hasSecondFactor: account.totpSecretSealed !== null,
    secondFactorGiven: level >= 2,
    mustChangePassword: account.mustChangePassword,
    holdsIdentityRole: memberships.some((m) => seesIdentities(m.role as Role)),
  });
  if (step === null)
    await enforceSessionLimit(tx, ctx, { userId: account.id, username: account.username }, hashToken(token));
  await updateSession(tx, hashToken(token), {
    pendingStep: step,
    authenticationLevel: level,
    ...(step === null
      ? {
          expiresAt: fullExpiryOf(ctx, ctx.clock.now()),
          membershipId: onlyUsableMembership(ctx, memberships, level),
        }
      : {}),
  });
}

function requireStep(state: SessionState, step: SessionState["pendingStep"]) {
  if (state.pendingStep !== step)
    throw new AppError("conflict", "Questo passo dell'accesso non è quello richiesto ora.");
}

async function lockedAccount(tx: Executor, ctx: SessionContext, state: SessionState) {
  const account = await findUserByIdForUpdate(tx, state.user.id);
  if (!account) throw new AppError("not-authenticated");
  return { account, locked: isLocked(account.lockedUntil, ctx.clock.now()) };
}

/** The one-time code (or a recovery code) of a login that has a second factor. */
export async function submitSecondFactor(
  ctx: SessionContext,
  state: SessionState,
  token: string,
  code: string,
) {
  requireStep(state, "second-factor");
  const outcome = await ctx.db.transaction(async (tx) => {
    const { account, locked } = await lockedAccount(tx, ctx, state);
    const now = ctx.clock.now();
    let method: "totp" | "recovery-code" | null = null;
    if (!locked && account.totpSecretSealed && account.totpKeyId) {
      const secret = openTotpSecret(ctx.keyring, account.id, account.totpKeyId, account.totpSecretSealed);
      const step = acceptedTotpStep(secret, code, now, account.totpLastStep);
      if (step !== null) {
        await updateAccount(tx, account.id, { totpLastStep: step });
        method = "totp";
      } else if (
        await consumeRecoveryCode(tx, account.id, recoveryCodeDigest(ctx.keyring, account.id, code), now)
      ) {
        method = "recovery-code";
      }
    }
    if (!method) {
      const details = locked
        ? { reason: "locked" }
        : { reason: "code-invalid", ...(await recordFailure(tx, account.id, now)) };
      await appendAuditEntry(tx, subjectOf(state), {
        action: "session.second-factor",
        resourceType: "user",
        resourceId: account.id,
        outcome: "denied",
        details,
      });
      return { ok: false as const };
    }
    await updateAccount(tx, account.id, { failedLoginCount: 0, lockedUntil: null });
    const recoveryCodesLeft = await countUnusedRecoveryCodes(tx, account.id);
    await advance(tx, ctx, token, account, 2);
    await appendAuditEntry(tx, subjectOf(state), {
      action: "session.second-factor",
      resourceType: "user",
      resourceId: account.id,
      outcome: "success",
      details: { method, recoveryCodesLeft },
    });
    return { ok: true as const, method, recoveryCodesLeft };
  });
  if (!outcome.ok) throw new AppError("second-factor-invalid");
  return outcome;
}

/** Changes one's own password: forced after a reset, or by choice. Other sessions are closed. */
export async function changePassword(
  ctx: SessionContext,
  state: SessionState,
  token: string,
  input: { currentPassword: string; newPassword: string },
) {
  if (state.pendingStep !== null && state.pendingStep !== "password-change")
    throw new AppError("login-step-required");
  if (state.authMethod !== "password")
    throw new AppError(
      "conflict",
      "Con SPID o CIE la password si gestisce presso il proprio gestore d'identità.",
    );
  const weakness = passwordWeakness(input.newPassword, state.user.username);
  if (weakness)
    throw new AppError("password-too-weak", weakness, [
      { path: "/body/newPassword", code: "password-too-weak", message: weakness },
    ]);
  const current = await ctx.db.transaction((tx) => lockedAccount(tx, ctx, state));
  const ok =
    !current.locked &&
    (await verifyPassword(current.account.passwordHash ?? undefined, input.currentPassword));
  if (!ok) {
    await ctx.db.transaction(async (tx) => {
      const details = await recordFailure(tx, state.user.id, ctx.clock.now());
      await appendAuditEntry(tx, subjectOf(state), {
        action: "user.password-change",
        resourceType: "user",
        resourceId: state.user.id,
        outcome: "denied",
        details: { reason: "invalid-credentials", ...details },
      });
    });
    throw new AppError("invalid-credentials", "La password attuale non è corretta.");
  }
  if (input.newPassword === input.currentPassword)
    throw new AppError("password-too-weak", "La nuova password deve essere diversa da quella attuale.", [
      {
        path: "/body/newPassword",
        code: "password-too-weak",
        message: "La nuova password deve essere diversa da quella attuale.",
      },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const { account } = await lockedAccount(tx, ctx, state);
    await updateAccount(tx, account.id, { passwordHash, mustChangePassword: false, failedLoginCount: 0 });
    const now = ctx.clock.now();
    const others = (await listLiveSessionsOfUser(tx, account.id, now, new Date(0))).filter(
      (row) => row.id !== state.sessionId,
    );
    await deleteSessionsById(
      tx,
      account.id,
      others.map((row) => row.id),
    );
    if (state.pendingStep === "password-change")
      await advance(tx, ctx, token, { ...account, mustChangePassword: false }, state.authenticationLevel);
    await appendAuditEntry(tx, subjectOf(state), {
      action: "user.password-change",
      resourceType: "user",
      resourceId: account.id,
      outcome: "success",
      details: { forced: state.pendingStep === "password-change", closedSessions: others.length },
    });
  });
}

/** A new TOTP secret to scan; it counts only once confirmed with a code. */
export async function startEnrolment(ctx: SessionContext, state: SessionState) {
  if (state.pendingStep !== null && state.pendingStep !== "second-factor-enrolment")
    throw new AppError("login-step-required");
  if (state.authMethod !== "password" || state.hasSecondFactor)
    throw new AppError("conflict", "Il secondo fattore è già attivo per questo utente.");
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(ctx.keyring, state.user.id, secret);
  await updateAccount(ctx.db, state.user.id, {
    totpPendingSealed: sealed.sealed,
    totpPendingKeyId: sealed.keyId,
  });
  const issuer = `S.I.R.MI ${ctx.config.regionName}`;
  return { secret, otpauthUri: otpauthUri(secret, state.user.username, issuer), issuer };
}

/** Confirms the enrolment with a first code; returns the recovery codes, shown this once. */
export async function confirmEnrolment(
  ctx: SessionContext,
  state: SessionState,
  token: string,
  code: string,
) {
  if (state.pendingStep !== null && state.pendingStep !== "second-factor-enrolment")
    throw new AppError("login-step-required");
  const result = await ctx.db.transaction(async (tx) => {
    const { account, locked } = await lockedAccount(tx, ctx, state);
    if (account.totpSecretSealed)
      throw new AppError("conflict", "Il secondo fattore è già attivo per questo utente.");
    if (!account.totpPendingSealed || !account.totpPendingKeyId)
      throw new AppError("conflict", "Avviare prima l'attivazione del secondo fattore.");
    const now = ctx.clock.now();
    const secret = openTotpSecret(
      ctx.keyring,
      account.id,
      account.totpPendingKeyId,
      account.totpPendingSealed,
    );
    const step = locked ? null : acceptedTotpStep(secret, code, now, null);
    if (step === null) {
      const details = locked
        ? { reason: "locked" }
        : { reason: "code-invalid", ...(await recordFailure(tx, account.id, now)) };
      await appendAuditEntry(tx, subjectOf(state), {
        action: "user.second-factor-enrol",
        resourceType: "user",
        resourceId: account.id,
        outcome: "denied",
        details,
      });
      return null;
    }
    const recoveryCodes = newRecoveryCodes();
    await updateAccount(tx, account.id, {
      totpSecretSealed: account.totpPendingSealed,
      totpKeyId: account.totpPendingKeyId,
      totpPendingSealed: null,
      totpPendingKeyId: null,
      totpLastStep: step,
      failedLoginCount: 0,
    });
    await replaceRecoveryCodes(
      tx,
      account.id,
      recoveryCodes.map((recovery) => recoveryCodeDigest(ctx.keyring, account.id, recovery)),
    );
    const enrolled = { ...account, totpSecretSealed: account.totpPendingSealed };
    if (state.pendingStep === "second-factor-enrolment") await advance(tx, ctx, token, enrolled, 2);
    else await updateSession(tx, hashToken(token), { authenticationLevel: 2 });
    await appendAuditEntry(tx, subjectOf(state), {
      action: "user.second-factor-enrol",
      resourceType: "user",
      resourceId: account.id,
      outcome: "success",
      details: { recoveryCodes: recoveryCodes.length },
    });
    return recoveryCodes;
  });
  if (!result) throw new AppError("second-factor-invalid");
  return { recoveryCodes: result };
}
