import { type Action, scopeOf } from "../../../domain/access/policy.ts";
import type { Membership } from "./session-api.ts";

/** Mirrors the server's policy to show only what the active role may use; the server still decides. */
export function can(active: Membership | null | undefined, action: Action): boolean {
  return Boolean(active && scopeOf(action, active.role));
}

export type Area = {
  path: string;
  navKey:
    | "nav.structures"
    | "nav.newStructure"
    | "nav.approvals"
    | "nav.audit"
    | "nav.protocol"
    | "nav.users";
  descriptionKey:
    | "home.cards.structures"
    | "home.cards.newStructure"
    | "home.cards.approvals"
    | "home.cards.audit"
    | "home.cards.protocol"
    | "home.cards.users";
  action: Action | null;
};

export const areas: Area[] = [
  {
    path: "/strutture",
    navKey: "nav.structures",
    descriptionKey: "home.cards.structures",
    action: "structure.read",
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
    path: "/registro-accessi",
    navKey: "nav.audit",
    descriptionKey: "home.cards.audit",
    action: "audit.read",
  },
  { path: "/utenti", navKey: "nav.users", descriptionKey: "home.cards.users", action: "organisation.manage" },
  {
    path: "/protocollo-accesso",
    navKey: "nav.protocol",
    descriptionKey: "home.cards.protocol",
    action: null,
  },
];

export function areasFor(active: Membership | null | undefined): Area[] {
  if (!active) return [];
  return areas.filter((area) => area.action === null || can(active, area.action));
}
