import type { Action, Scope } from "../../domain/access/policy.ts";
import type { Role } from "../../domain/access/roles.ts";

/**
 * The access protocol as approved (shared/spec/access.md, roles table): the matrix expects what
 * this copy says, while the server applies src/domain/access/policy.ts. Changing an entry of the
 * policy without changing it here, in the same reviewed commit, fails the matrix cell by cell.
 */
export const approvedPolicy: Record<Action, Partial<Record<Role, Scope>>> = {
  "structure.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "active-structures",
    "service-manager": "active-structures",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "active-structures",
    auditor: "region",
  },
  "structure.register": { "structure-manager": "own-structures" },
  "structure.edit": { "structure-manager": "own-structures", "region-admin": "region" },
  "structure.decide": { "region-admin": "region" },
  "organisation.manage": { "region-admin": "region" },
  "user.manage": {
    "structure-manager": "own-organisation",
    "service-manager": "own-organisation",
    "region-admin": "region-staff",
  },
  "audit.read": { auditor: "region" },
  "registry.lookup": {
    "structure-operator": "exact-match",
    "structure-manager": "exact-match",
    "service-operator": "exact-match",
    "service-manager": "exact-match",
  },
  "registry.read": {
    "structure-operator": "in-charge",
    "structure-manager": "in-charge",
    "service-operator": "in-charge",
    "service-manager": "in-charge",
    "registry-steward": "review-queue",
    "region-analyst": "pseudonymous",
    observatory: "pseudonymous",
  },
  "registry.review": { "registry-steward": "review-queue" },
  "stay.write": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "stay.read": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "stay.quality": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "stay.confirm": { "registry-steward": "region" },
  "case.open": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.write": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.read": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.assign": { "service-manager": "own-organisation" },
  "sinba.read": {
    "service-operator": "own-organisation",
    "service-manager": "own-organisation",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "inps-client.manage": { "region-admin": "region" },
  "placement.request": { "service-operator": "own-cases", "service-manager": "own-cases" },
  "placement.answer": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "notification.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "own-organisation",
    "service-manager": "own-organisation",
  },
  "machine-client.manage": { "structure-manager": "own-structures", "service-manager": "own-organisation" },
  "places.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "active-structures",
    "service-manager": "active-structures",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "report.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "published",
  },
  "report.procura": { "structure-manager": "own-structures" },
  "break-glass.open": {
    "structure-operator": "break-glass",
    "structure-manager": "break-glass",
    "service-operator": "break-glass",
    "service-manager": "break-glass",
  },
  "break-glass.review": { auditor: "region" },
  "reference.read": {
    "structure-operator": "region",
    "structure-manager": "region",
    "service-operator": "region",
    "service-manager": "region",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "region",
    auditor: "region",
  },
};

/** Days after a discharge during which structure staff still see the identity (89 yes, 90 no). */
export const approvedIdentityDaysAfterDischarge = 90;
