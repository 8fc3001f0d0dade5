import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GranterMembership, type GrantRequest, grantRefusal, managesOrganisation } from "./grants.ts";
import { seesIdentities } from "./identity-roles.ts";
import { organisationKindCodes, organisationKindOfRole, roleCodes } from "./roles.ts";

const organisations = [
  { id: "region", kind: "region" as const },
  { id: "observatory", kind: "observatory" as const },
  { id: "coop-a", kind: "operator" as const },
  { id: "coop-b", kind: "operator" as const },
  { id: "service", kind: "social-service" as const },
];
const organisation = fc.constantFrom(...organisations);
const role = fc.constantFrom(...roleCodes);
const held = fc.record({ organisation, role, structureId: fc.constantFrom(null, "s1", "s2") }).map((h) => ({
  organisationId: h.organisation.id,
  organisationKind: h.organisation.kind,
  role: h.role,
  structureId: h.structureId,
}));
const granter = fc
  .record({
    userId: fc.constantFrom("u1", "u2"),
    organisation,
    role,
    structureId: fc.constantFrom(null, "s1"),
  })
  .filter((g) => organisationKindOfRole[g.role] === g.organisation.kind)
  .map(
    (g): GranterMembership => ({
      userId: g.userId,
      role: g.role,
      organisationId: g.organisation.id,
      organisationKind: g.organisation.kind,
      structureId: g.structureId,
    }),
  );
const request = fc
  .record({
    role,
    organisation,
    structureId: fc.constantFrom(null, "s1", "s2"),
    granteeUserId: fc.constantFrom(null, "u1", "u2", "u3"),
    granteeMemberships: fc.array(held, { maxLength: 3 }),
    granteeSignsInOnlyWithProvider: fc.boolean(),
  })
  .map((r): GrantRequest => r);

describe("separation of duties", () => {
  it("never lets anyone grant a role to themselves", () => {
    fc.assert(
      fc.property(granter, request, (g, r) => {
        if (r.granteeUserId === g.userId) expect(grantRefusal(g, r)).toBe("self-grant");
      }),
      { seed: 1605, numRuns: 2000 },
    );
  });

  it("never gives Region staff a role that sees identities in an organisation the granter does not manage", () => {
    fc.assert(
      fc.property(granter, request, (g, r) => {
        const isStaff = r.granteeMemberships.some((m) => m.organisationKind === "region");
        if (isStaff && seesIdentities(r.role) && !managesOrganisation(g, r.organisation))
          expect(grantRefusal(g, r)).not.toBeNull();
      }),
      { seed: 1606, numRuns: 2000 },
    );
  });

  it("lets only managers and the Region's administrator grant anything, the latter no structure operator", () => {
    fc.assert(
      fc.property(granter, request, (g, r) => {
        const allowed = grantRefusal(g, r) === null;
        if (!["structure-manager", "service-manager", "region-admin"].includes(g.role))
          expect(allowed).toBe(false);
        if (g.role === "region-admin" && r.role === "structure-operator") expect(allowed).toBe(false);
        if (allowed && g.role === "region-admin" && !managesOrganisation(g, r.organisation)) {
          expect(r.granteeUserId).toBeNull();
          expect(r.granteeSignsInOnlyWithProvider).toBe(true);
        }
        if (allowed) expect(organisationKindCodes).toContain(r.organisation.kind);
      }),
      { seed: 1607, numRuns: 2000 },
    );
  });
});
