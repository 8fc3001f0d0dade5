import { z } from "zod";

/** What a local login still owes before the session may act, in this order. */
export const LoginStep = z.enum(["second-factor", "password-change", "second-factor-enrolment"]);
export type LoginStep = z.infer<typeof LoginStep>;

export const loginStepLabels: Record<LoginStep, string> = {
  "second-factor": "Inserire il codice temporaneo (secondo fattore)",
  "password-change": "Cambiare la password",
  "second-factor-enrolment": "Attivare il secondo fattore",
};

/**
 * The next step of a local login: the one-time code when a second factor is enrolled and not yet
 * given, then a password change when one is due, then the enrolment of a second factor when the
 * user holds a role that sees identities (mandatory for those roles with local login).
 */
export function nextLoginStep(state: {
  hasSecondFactor: boolean;
  secondFactorGiven: boolean;
  mustChangePassword: boolean;
  holdsIdentityRole: boolean;
}): LoginStep | null {
  if (state.hasSecondFactor && !state.secondFactorGiven) return "second-factor";
  if (state.mustChangePassword) return "password-change";
  if (!state.hasSecondFactor && state.holdsIdentityRole) return "second-factor-enrolment";
  return null;
}
