import { randomUUID } from "node:crypto";
import {
  get,
  type OperationCase,
  people,
  policy,
  post,
  put,
  remove,
  roleFor,
  unknownId,
  whole,
} from "./access-matrix-targets.fixtures.ts";

/** The operations on sessions, accounts and organisations (public, one's own session, machine clients, people). */
export const accountCases: Record<string, OperationCase> = {
  "GET /api/v1/settings": { kind: "public", build: () => get("/api/v1/settings") },
  "GET /status": { kind: "public", build: () => get("/status") },
  "POST /api/v1/session": {
    kind: "public",
    build: () => post("/api/v1/session", { username: "nessuno", password: "sbagliata-davvero-1" }),
  },
  "GET /api/v1/session/methods": { kind: "public", build: () => get("/api/v1/session/methods") },
  "GET /api/v1/session/oidc": { kind: "public", build: () => get("/api/v1/session/oidc") },
  "GET /api/v1/session/oidc/callback": {
    kind: "public",
    build: () => get("/api/v1/session/oidc/callback?state=x&code=y"),
  },
  "GET /api/v1/session": { kind: "own-session", build: () => get("/api/v1/session") },
  "PUT /api/v1/session/active-membership": {
    kind: "own-session",
    build: (world, caller) =>
      put("/api/v1/session/active-membership", {
        membershipId: world.people.get(caller.role)?.session.memberships[0]?.membershipId,
      }),
  },
  "GET /api/v1/access-policy": { kind: "own-session", build: () => get("/api/v1/access-policy") },
  "POST /api/v1/session/second-factor": {
    kind: "own-session",
    build: () => post("/api/v1/session/second-factor", { code: "000000" }),
  },
  "PUT /api/v1/session/password": {
    kind: "own-session",
    build: () =>
      put("/api/v1/session/password", {
        currentPassword: "non-e-la-mia-1",
        newPassword: "Una-nuova-password-lunga-1",
      }),
  },
  "POST /api/v1/session/second-factor-enrolment": {
    kind: "own-session",
    build: () => post("/api/v1/session/second-factor-enrolment"),
  },
  "PUT /api/v1/session/second-factor-enrolment": {
    kind: "own-session",
    build: () => put("/api/v1/session/second-factor-enrolment", { code: "000000" }),
  },
  "GET /api/v1/sessions": { kind: "own-session", build: () => get("/api/v1/sessions") },
  "DELETE /api/v1/sessions/{sessionId}": {
    kind: "own-session",
    build: () => remove(`/api/v1/sessions/${unknownId}`),
  },
  "DELETE /api/v1/session": { kind: "own-session", build: () => remove("/api/v1/session") },
  "POST /api/v1/session/provider-logout": {
    kind: "own-session",
    build: () => post("/api/v1/session/provider-logout"),
  },
  "POST /api/v1/events": { kind: "machine", build: () => post("/api/v1/events", { events: [] }) },
  "POST /api/v1/case-events": { kind: "machine", build: () => post("/api/v1/case-events", { events: [] }) },
  "GET /api/v1/events/{id}": { kind: "machine", build: () => get(`/api/v1/events/${unknownId}`) },
  "POST /api/v1/event-files": { kind: "machine", build: () => post("/api/v1/event-files") },
  "GET /api/v1/event-files/{id}": { kind: "machine", build: () => get(`/api/v1/event-files/${unknownId}`) },
  "POST /api/v1/case-event-files": { kind: "machine", build: () => post("/api/v1/case-event-files") },
  "GET /api/v1/case-event-files/{id}": {
    kind: "machine",
    build: () => get(`/api/v1/case-event-files/${unknownId}`),
  },

  "GET /api/v1/organisations": policy(
    "organisation.manage",
    whole(() => get("/api/v1/organisations")),
  ),
  "POST /api/v1/organisations": policy(
    "organisation.manage",
    whole(
      () =>
        post("/api/v1/organisations", {
          code: `ORG-${randomUUID().slice(0, 6).toUpperCase()}`,
          name: "Servizio nuovo",
          kind: "social-service",
        }),
      201,
    ),
  ),
  "PUT /api/v1/zones/{code}": policy(
    "organisation.manage",
    whole((world) => put(`/api/v1/zones/${world.zone.code}`, world.zone.definition)),
  ),
  "GET /api/v1/users": policy(
    "user.manage",
    whole(() => get("/api/v1/users")),
  ),
  "POST /api/v1/users": policy(
    "user.manage",
    whole(
      (_world, caller) =>
        post("/api/v1/users", {
          username: `n-${randomUUID().slice(0, 8)}`,
          displayName: "Persona nuova",
          role: roleFor(caller),
          organisationCode: caller.organisation,
          localAccount: true,
        }),
      "door",
    ),
  ),
  "POST /api/v1/users/{userId}/roles": policy(
    "user.manage",
    ...people(
      (person, caller) =>
        post(`/api/v1/users/${person.userId}/roles`, {
          role: roleFor(caller),
          organisationCode: caller.organisation,
        }),
      "read",
    ),
  ),
  "DELETE /api/v1/users/{userId}/roles/{membershipId}": policy(
    "user.manage",
    ...people(
      (person) => remove(`/api/v1/users/${person.userId}/roles/${person.membershipId}`),
      "read",
      true,
    ),
  ),
  "PUT /api/v1/users/{userId}/status": policy(
    "user.manage",
    ...people((person) => put(`/api/v1/users/${person.userId}/status`, { active: true })),
  ),
  "POST /api/v1/users/{userId}/password-reset": policy(
    "user.manage",
    ...people((person) => post(`/api/v1/users/${person.userId}/password-reset`)),
  ),
  "POST /api/v1/users/{userId}/second-factor-reset": policy(
    "user.manage",
    ...people((person) => post(`/api/v1/users/${person.userId}/second-factor-reset`)),
  ),
  "GET /api/v1/users/{userId}/sessions": policy(
    "user.manage",
    ...people((person) => get(`/api/v1/users/${person.userId}/sessions`), "read"),
  ),
  "DELETE /api/v1/users/{userId}/sessions": policy(
    "user.manage",
    ...people((person) => remove(`/api/v1/users/${person.userId}/sessions`), "read"),
  ),
};
