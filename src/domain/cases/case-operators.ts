import { accessPolicy } from "../access/policy.ts";
import type { Role } from "../access/roles.ts";

/** The roles that work on cases (the policy's `case.write`): an assignment names a person holding one. */
export const caseWorkingRoles = Object.keys(accessPolicy["case.write"]) as Role[];

type PersonWithRoles = {
  id: string;
  displayName: string;
  isActive: boolean;
  roles: { role: Role; organisationCode: string }[];
};

/** The people a case of this service may be assigned to: active, with a case role in the service. */
export function operatorsOfService(people: readonly PersonWithRoles[], serviceCode: string) {
  return people
    .filter(
      (person) =>
        person.isActive &&
        person.roles.some(
          (held) => held.organisationCode === serviceCode && caseWorkingRoles.includes(held.role),
        ),
    )
    .map((person) => ({ id: person.id, name: person.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name, "it"));
}
