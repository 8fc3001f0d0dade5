import { type Action, accessPolicy, type Scope } from "./policy.ts";
import { type Role, roleCodes } from "./roles.ts";

/**
 * The actions and scopes through which a role reads some part of a minor's identity: the exact
 * search, the identity of minors in charge or in the duplicates queue, the guests' names, the
 * Procura list. Derived from the policy, so that a new identity-bearing rule is counted at once.
 */
const identityBearing: Partial<Record<Action, Scope[]>> = {
  "registry.lookup": ["exact-match"],
  "registry.read": ["in-charge", "review-queue"],
  "stay.read": ["own-structures"],
  "report.procura": ["own-structures"],
};

export function seesIdentities(role: Role): boolean {
  return Object.entries(identityBearing).some(([action, scopes]) => {
    const scope = accessPolicy[action as Action][role];
    return scope !== undefined && scopes.includes(scope);
  });
}

export const rolesSeeingIdentities: readonly Role[] = roleCodes.filter(seesIdentities);
