import { z } from "zod";

export const roleCodes = [
  "structure-operator",
  "structure-manager",
  "service-operator",
  "service-manager",
  "registry-steward",
  "region-analyst",
  "region-admin",
  "observatory",
  "auditor",
] as const;
export const Role = z.enum(roleCodes);
export type Role = z.infer<typeof Role>;

export const organisationKindCodes = ["region", "social-service", "operator", "observatory"] as const;
export const OrganisationKind = z.enum(organisationKindCodes);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const roleLabels: Record<Role, string> = {
  "structure-operator": "Operatore di struttura",
  "structure-manager": "Responsabile di struttura",
  "service-operator": "Operatore del servizio sociale",
  "service-manager": "Responsabile del servizio sociale",
  "registry-steward": "Curatore dell'anagrafe",
  "region-analyst": "Analista regionale",
  "region-admin": "Amministratore regionale",
  observatory: "Osservatorio",
  auditor: "Revisore degli accessi",
};

export const organisationKindLabels: Record<OrganisationKind, string> = {
  region: "Regione",
  "social-service": "Servizio sociale territoriale",
  operator: "Ente gestore",
  observatory: "Osservatorio",
};

/** The kind of organisation in which each role can be held. */
export const organisationKindOfRole: Record<Role, OrganisationKind> = {
  "structure-operator": "operator",
  "structure-manager": "operator",
  "service-operator": "social-service",
  "service-manager": "social-service",
  "registry-steward": "region",
  "region-analyst": "region",
  "region-admin": "region",
  observatory: "observatory",
  auditor: "region",
};
