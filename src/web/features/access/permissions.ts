import { type Action, type Scope, scopeOf } from "../../../domain/access/policy.ts";
import type { Messages } from "../../i18n/it.ts";
import type { Membership } from "./session-api.ts";

/** Mirrors the server's policy to show only what the active role may use; the server still decides. */
export function can(active: Membership | null | undefined, action: Action): boolean {
  return Boolean(active && scopeOf(action, active.role));
}

/** Like can, but only when the role reaches the records in one of the given scopes. */
export function canWithin(active: Membership | null | undefined, action: Action, scopes: Scope[]): boolean {
  const scope = active ? scopeOf(action, active.role) : undefined;
  return scope !== undefined && scopes.includes(scope);
}

/** The Region's reports: unsuppressed for the Region, published (suppressed) for the observatory. */
export const regionReportScopes: Scope[] = ["region", "published"];

type AreaName = keyof Messages["home"]["cards"];

export type Area = {
  path: string;
  navKey: `nav.${AreaName}`;
  descriptionKey: `home.cards.${AreaName}`;
  action: Action | null;
  /** When set, the area is offered only to roles whose scope for the action is one of these. */
  scopes?: Scope[];
};

export const areas: Area[] = [
  { path: "/cartelle", navKey: "nav.cases", descriptionKey: "home.cards.cases", action: "case.read" },
  {
    path: "/notifiche",
    navKey: "nav.notifications",
    descriptionKey: "home.cards.notifications",
    action: "notification.read",
  },
  {
    path: "/flusso-sinba",
    navKey: "nav.sinba",
    descriptionKey: "home.cards.sinba",
    action: "sinba.read",
    scopes: ["own-organisation"],
  },
  {
    path: "/flusso-sinba/enti",
    navKey: "nav.sinbaEnti",
    descriptionKey: "home.cards.sinbaEnti",
    action: "sinba.read",
    scopes: ["region"],
  },
  {
    path: "/strutture",
    navKey: "nav.structures",
    descriptionKey: "home.cards.structures",
    action: "structure.read",
  },
  { path: "/ospiti", navKey: "nav.guests", descriptionKey: "home.cards.guests", action: "stay.read" },
  {
    path: "/richieste-inserimento",
    navKey: "nav.placementRequests",
    descriptionKey: "home.cards.placementRequests",
    action: "placement.answer",
  },
  {
    path: "/posti-liberi",
    navKey: "nav.freePlaces",
    descriptionKey: "home.cards.freePlaces",
    action: "places.read",
  },
  {
    path: "/strutture/nuova",
    navKey: "nav.newStructure",
    descriptionKey: "home.cards.newStructure",
    action: "structure.register",
  },
  {
    path: "/approvazioni",
    navKey: "nav.approvals",
    descriptionKey: "home.cards.approvals",
    action: "structure.decide",
  },
  {
    path: "/anagrafe/ricerca",
    navKey: "nav.registrySearch",
    descriptionKey: "home.cards.registrySearch",
    action: "registry.lookup",
  },
  {
    path: "/anagrafe/duplicati",
    navKey: "nav.duplicates",
    descriptionKey: "home.cards.duplicates",
    action: "registry.review",
  },
  {
    path: "/anagrafe/minori",
    navKey: "nav.minors",
    descriptionKey: "home.cards.minors",
    action: "registry.read",
    scopes: ["pseudonymous"],
  },
  {
    path: "/registro-accessi",
    navKey: "nav.audit",
    descriptionKey: "home.cards.audit",
    action: "audit.read",
  },
  {
    path: "/monitoraggio",
    navKey: "nav.monitoring",
    descriptionKey: "home.cards.monitoring",
    action: "report.read",
    scopes: regionReportScopes,
  },
  {
    path: "/report",
    navKey: "nav.reports",
    descriptionKey: "home.cards.reports",
    action: "report.read",
    scopes: regionReportScopes,
  },
  {
    path: "/dati-struttura",
    navKey: "nav.structureFigures",
    descriptionKey: "home.cards.structureFigures",
    action: "report.read",
    scopes: ["own-structures"],
  },
  {
    path: "/gestionali",
    navKey: "nav.machineClients",
    descriptionKey: "home.cards.machineClients",
    action: "machine-client.manage",
  },
  { path: "/utenti", navKey: "nav.users", descriptionKey: "home.cards.users", action: "user.manage" },
  {
    path: "/revisione-emergenze",
    navKey: "nav.breakGlassReviews",
    descriptionKey: "home.cards.breakGlassReviews",
    action: "break-glass.review",
  },
  {
    path: "/revisione-ammissioni",
    navKey: "nav.admissionReviews",
    descriptionKey: "home.cards.admissionReviews",
    action: "audit.read",
  },
  {
    path: "/accesso-emergenza",
    navKey: "nav.breakGlass",
    descriptionKey: "home.cards.breakGlass",
    action: "break-glass.open",
  },
  {
    path: "/protocollo-accesso",
    navKey: "nav.protocol",
    descriptionKey: "home.cards.protocol",
    action: null,
  },
];

export function areasFor(active: Membership | null | undefined): Area[] {
  if (!active) return [];
  return areas.filter(
    (area) =>
      area.action === null ||
      (area.scopes ? canWithin(active, area.action, area.scopes) : can(active, area.action)),
  );
}
