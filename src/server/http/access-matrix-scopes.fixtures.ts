import type { Scope } from "../../domain/access/policy.ts";
import { approvedIdentityDaysAfterDischarge, approvedPolicy } from "./access-matrix-approved.fixtures.ts";
import type { Caller, MinorFacts, Place } from "./access-matrix-world.fixtures.ts";
import { ownerOfPlace } from "./access-matrix-world.fixtures.ts";

/**
 * What each scope of the approved policy reaches, as the access protocol states it (shared/spec/access.md,
 * roles and principles 1, 3, 5, 7–8). These readings, with the policy table and the facts of the
 * world, give every expected answer of the matrix: `true` → allowed, `false` → 404 (invisible is
 * not forbidden), `"forbidden"` → 403.
 */
export type Reach = boolean | "forbidden";

const isStructureRole = (caller: Caller) => caller.organisation.startsWith("COOP");

/** Structures, and every record that belongs to one (stays, guests, clients, reports). */
export function reachesPlace(scope: Scope, caller: Caller, place: Place): boolean {
  switch (scope) {
    case "region":
    case "published":
      return true;
    case "active-structures":
      return place !== "P";
    case "own-structures":
      return ownerOfPlace[place] === caller.organisation && (caller.structure ?? place) === place;
    default:
      return false;
  }
}

/**
 * A minor's record (`record`), identity (`identity`) or the correction of it (`correction`):
 * in charge = a stay in the caller's structures open or discharged less than the policy's days
 * ago (structure staff) or an open case of the service (none exists: case files come with SINBA);
 * the steward's queue; every minor but no identity for pseudonymous roles; an emergency access
 * opens one identity, to read only.
 */
export function reachesMinor(
  scope: Scope,
  caller: Caller,
  facts: MinorFacts,
  use: "record" | "identity" | "correction",
): Reach {
  // Who may never read an identity, or correct one, is told so: it reveals nothing of the minor.
  if (use === "correction" && scope !== "in-charge") return "forbidden";
  if (use !== "record" && scope === "pseudonymous") return "forbidden";
  if (!facts.exists) return false;
  const emergency =
    use === "identity" &&
    facts.breakGlass === "active" &&
    approvedPolicy["break-glass.open"][caller.role] !== undefined;
  switch (scope) {
    case "pseudonymous":
      return true;
    case "review-queue":
      return facts.inReview;
    case "in-charge": {
      const inCharge =
        isStructureRole(caller) &&
        facts.stays.some(
          (stay) =>
            reachesPlace("own-structures", caller, stay.place) &&
            (stay.daysSinceDischarge === null ||
              stay.daysSinceDischarge < approvedIdentityDaysAfterDischarge),
        );
      return inCharge || emergency;
    }
    default:
      return false;
  }
}

/**
 * People: a manager reaches the accounts of its own organisation. The Region's administrator
 * sees every account (it appoints the organisations' managers; roles are granted and revoked by
 * the rules of appointment, sessions closed for anyone) but manages the account itself (status,
 * password, second factor) of the Region's and the observatory's staff only.
 */
export function reachesPerson(
  scope: Scope,
  caller: Caller,
  organisation: string,
  use: "read" | "manage",
): Reach {
  if (scope === "region-staff")
    return use === "read" || ["REGIONE", "OSS"].includes(organisation) ? true : "forbidden";
  if (scope === "own-organisation") return organisation === caller.organisation;
  return false;
}
