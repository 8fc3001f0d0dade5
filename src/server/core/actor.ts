import type { OrganisationKind, Role } from "../../domain/access/roles.ts";

/** Who is acting: the user, and the one organisation and role the request acts in. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  membershipId: string;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
  /** For structure roles limited to one structure. */
  structureId: string | null;
};

/** Jobs and the command line act as the system; their audit entries say so. */
export type SystemActor = { system: true; label: string };

export type AuditSubject = Actor | SystemActor | { anonymous: true; username?: string };
