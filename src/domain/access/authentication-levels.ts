import { z } from "zod";
import { seesIdentities } from "./identity-roles.ts";
import type { Role } from "./roles.ts";

/**
 * How strongly a session's person was authenticated, on the eIDAS/SPID scale: 1 = one factor
 * (SPID level 1, or a local password alone), 2 = two factors (SPID level 2, CIE, or a local
 * password with a one-time code), 3 = two factors with a certified device (SPID level 3, CIE).
 */
export const AuthenticationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type AuthenticationLevel = z.infer<typeof AuthenticationLevel>;

export const authenticationLevelLabels: Record<AuthenticationLevel, string> = {
  1: "livello 1 (un solo fattore: SPID livello 1 o sola password)",
  2: "livello 2 (due fattori: SPID livello 2, CIE, o password e codice temporaneo)",
  3: "livello 3 (SPID livello 3 o CIE)",
};

/** A role that sees identities needs the level the Region requires; the others any level. */
export function mayActWithLevel(role: Role, level: number, requiredForIdentities: number): boolean {
  return !seesIdentities(role) || level >= requiredForIdentities;
}
