import {
  everyPlace,
  get,
  type OperationCase,
  places,
  policy,
  post,
  type Target,
  unknownId,
} from "./access-matrix-targets.fixtures.ts";

/** Finding a place and the placement requests: a service reaches its own cases, a structure its own inbox. */
const noCase = (build: Target["build"]): Target => ({
  name: "another service's or no case",
  reaches: () => false,
  build,
  allowed: 200,
});

const noRequest = (action: "accept" | "decline", body?: unknown): Target => ({
  name: "no such request",
  reaches: () => false,
  build: (world) =>
    post(`/api/v1/structures/${world.placeIds.A1}/placement-requests/${unknownId}/${action}`, body),
  allowed: 200,
});

export const placementCases: Record<string, OperationCase> = {
  "GET /api/v1/cases/{caseId}/places": policy(
    "placement.request",
    noCase(() => get(`/api/v1/cases/${unknownId}/places`)),
  ),
  "POST /api/v1/cases/{caseId}/placement-requests": policy(
    "placement.request",
    noCase(() => post(`/api/v1/cases/${unknownId}/placement-requests`, { structureId: unknownId })),
  ),
  "GET /api/v1/cases/{caseId}/placement-requests": policy(
    "placement.request",
    noCase(() => get(`/api/v1/cases/${unknownId}/placement-requests`)),
  ),
  "POST /api/v1/cases/{caseId}/placement-requests/{requestId}/withdraw": policy(
    "placement.request",
    noCase(() => post(`/api/v1/cases/${unknownId}/placement-requests/${unknownId}/withdraw`)),
  ),
  "GET /api/v1/structures/{id}/placement-requests": policy(
    "placement.answer",
    ...places(everyPlace, (world, place) =>
      get(`/api/v1/structures/${world.placeIds[place]}/placement-requests`),
    ),
  ),
  "POST /api/v1/structures/{id}/placement-requests/{requestId}/accept": policy(
    "placement.answer",
    noRequest("accept"),
  ),
  "POST /api/v1/structures/{id}/placement-requests/{requestId}/decline": policy(
    "placement.answer",
    noRequest("decline", { reason: "Nessun posto adatto" }),
  ),
};
