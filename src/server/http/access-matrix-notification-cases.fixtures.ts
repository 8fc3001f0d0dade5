import { get, type OperationCase, policy, post, unknownId, whole } from "./access-matrix-targets.fixtures.ts";

/** The case timeline and the notifications: what a role reaches of them. */
export const notificationCases: Record<string, OperationCase> = {
  "GET /api/v1/cases/{caseId}/timeline": policy("case.read", {
    name: "another service's or no case",
    reaches: () => false,
    build: () => get(`/api/v1/cases/${unknownId}/timeline`),
    allowed: 200,
  }),
  "GET /api/v1/notifications": policy(
    "notification.read",
    whole(() => get("/api/v1/notifications")),
  ),
  "GET /api/v1/notifications/unread-count": policy(
    "notification.read",
    whole(() => get("/api/v1/notifications/unread-count")),
  ),
  "POST /api/v1/notifications/{id}/read": policy("notification.read", {
    name: "another's or no notification",
    reaches: () => false,
    build: () => post(`/api/v1/notifications/runaway.${unknownId}/read`),
    allowed: 200,
  }),
};
