import { seesIdentities } from "./identity-roles.ts";
import type { OrganisationKind, Role } from "./roles.ts";

/**
 * Who may give whom which role (separation of duties), as pure rules over memberships. Structure
 * managers manage the people of their organisation (of their one structure when limited to it),
 * service managers those of their service, the Region's administrator the Region's and the
 * observatory's staff; it also appoints an organisation's manager, but only as a new person
 * identified by fiscal code who signs in through the Region's provider (SPID/CIE), so that it
 * never holds credentials of an account that sees identities elsewhere.
 */
export type GranterMembership = {
  userId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  structureId: string | null;
};

export type HeldMembership = {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
  structureId: string | null;
};

export type GrantRequest = {
  role: Role;
  organisation: { id: string; kind: OrganisationKind };
  structureId: string | null;
  /** null for a person created by this very request. */
  granteeUserId: string | null;
  granteeMemberships: HeldMembership[];
  /** The grantee has no local password and is recognised only by the provider's fiscal code. */
  granteeSignsInOnlyWithProvider: boolean;
};

export const grantRefusalMessages = {
  "self-grant": "Nessuno può assegnare ruoli a sé stesso.",
  "role-not-managed": "Il ruolo attivo non gestisce questo ruolo in questa organizzazione.",
  "structure-out-of-scope": "Il ruolo attivo gestisce solo il personale della propria struttura.",
  "region-staff-identity-role":
    "Al personale della Regione non si assegna un ruolo che vede le identità in un'organizzazione che non si gestisce.",
  "appointment-by-fiscal-code-only":
    "Il responsabile di un'organizzazione si nomina solo come nuovo utente identificato dal codice fiscale, che accede con SPID o CIE.",
} as const;
export type GrantRefusal = keyof typeof grantRefusalMessages;

const managedRoles: Partial<Record<Role, Partial<Record<OrganisationKind, Role[]>>>> = {
  "structure-manager": { operator: ["structure-operator", "structure-manager"] },
  "service-manager": { "social-service": ["service-operator", "service-manager"] },
  "region-admin": {
    region: ["region-admin", "region-analyst", "registry-steward", "auditor"],
    observatory: ["observatory"],
  },
};

/** Managers an administrator of the Region may appoint, by organisation kind. */
const appointedManagers: Partial<Record<OrganisationKind, Role>> = {
  operator: "structure-manager",
  "social-service": "service-manager",
};

function isOwnOrganisationManager(granter: GranterMembership) {
  return granter.role === "structure-manager" || granter.role === "service-manager";
}

/** The organisations whose people the granter manages: its own (managers), the Region's (admin). */
export function managesOrganisation(
  granter: GranterMembership,
  organisation: { id: string; kind: OrganisationKind },
): boolean {
  if (isOwnOrganisationManager(granter)) return organisation.id === granter.organisationId;
  if (granter.role === "region-admin")
    return organisation.kind === "region" || organisation.kind === "observatory";
  return false;
}

/** A membership the granter may give or take away (its organisation, role and structure). */
export function managesMembership(granter: GranterMembership, held: HeldMembership): boolean {
  const roles = managedRoles[granter.role]?.[held.organisationKind] ?? [];
  if (!roles.includes(held.role)) return false;
  if (!managesOrganisation(granter, { id: held.organisationId, kind: held.organisationKind })) return false;
  return granter.structureId === null || held.structureId === granter.structureId;
}

/** Taking a role away is always less access: the administrator may also end an appointment. */
export function mayRevokeMembership(granter: GranterMembership, held: HeldMembership): boolean {
  if (managesMembership(granter, held)) return true;
  return granter.role === "region-admin" && appointedManagers[held.organisationKind] === held.role;
}

/**
 * Password and second-factor resets act on the whole account: only when every role it holds is
 * one the granter manages, and never on one's own.
 */
export function managesAccount(
  granter: GranterMembership,
  account: { userId: string; memberships: HeldMembership[] },
): boolean {
  return (
    account.userId !== granter.userId &&
    account.memberships.length > 0 &&
    account.memberships.every((held) => managesMembership(granter, held))
  );
}

const isRegionStaff = (memberships: HeldMembership[]) =>
  memberships.some((held) => held.organisationKind === "region");

export function grantRefusal(granter: GranterMembership, request: GrantRequest): GrantRefusal | null {
  if (request.granteeUserId === granter.userId) return "self-grant";
  const held: HeldMembership = {
    organisationId: request.organisation.id,
    organisationKind: request.organisation.kind,
    role: request.role,
    structureId: request.structureId,
  };
  const isAppointment =
    granter.role === "region-admin" && appointedManagers[request.organisation.kind] === request.role;
  if (isAppointment) {
    if (request.granteeUserId !== null || !request.granteeSignsInOnlyWithProvider)
      return "appointment-by-fiscal-code-only";
  } else if (!managesMembership(granter, held)) {
    const sameOrganisation = managesOrganisation(granter, request.organisation);
    const roleManaged = (managedRoles[granter.role]?.[request.organisation.kind] ?? []).includes(
      request.role,
    );
    return sameOrganisation && roleManaged ? "structure-out-of-scope" : "role-not-managed";
  }
  const managed = (organisation: { id: string; kind: OrganisationKind }) =>
    managesOrganisation(granter, organisation);
  if (
    seesIdentities(request.role) &&
    !managed(request.organisation) &&
    isRegionStaff(request.granteeMemberships)
  )
    return "region-staff-identity-role";
  const becomesRegionStaff = request.organisation.kind === "region";
  const seesElsewhere = request.granteeMemberships.some(
    (other) =>
      seesIdentities(other.role) && !managed({ id: other.organisationId, kind: other.organisationKind }),
  );
  if (becomesRegionStaff && seesElsewhere) return "region-staff-identity-role";
  return null;
}
