import type { Database, Executor } from "../../../db/database.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import {
  type Notification,
  type NotificationQuery,
  notificationIdOf,
  notificationKindLabels,
} from "../../../domain/notifications/notification-api.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { authorize } from "../../core/authorization.ts";
import { structureScopeCondition } from "../../core/structure-scope.ts";
import {
  type DerivedNotification,
  derivePlacementAnswers,
  derivePlacementRequests,
  deriveServiceNotifications,
  deriveStructureNotifications,
  findReadMarks,
  insertReadMark,
} from "./notifications.queries.ts";

/** A service is told of its minors; a structure of the links to its stays (the policy's scope). */
async function derive(db: Executor, actor: Actor): Promise<DerivedNotification[]> {
  const scope = authorize(actor, "notification.read");
  if (scope === "own-organisation" && actor.organisationKind === "social-service")
    return newestFirst([
      ...(await deriveServiceNotifications(db, actor.organisationId)),
      ...(await derivePlacementAnswers(db, actor.organisationId)),
    ]);
  if (scope === "own-structures") {
    const structures = structureScopeCondition(actor, scope);
    return newestFirst([
      ...(await deriveStructureNotifications(db, structures)),
      ...(await derivePlacementRequests(db, structures)),
    ]);
  }
  return [];
}

function newestFirst(notifications: DerivedNotification[]) {
  return notifications.sort(
    (left, right) =>
      right.recordedAt.localeCompare(left.recordedAt) || left.factId.localeCompare(right.factId),
  );
}

function titleOf(notification: DerivedNotification) {
  const label = notificationKindLabels[notification.kind];
  return (notification.kind === "stay-linked" || notification.kind === "placement-request") &&
    notification.serviceName
    ? `${label}: ${notification.serviceName}`
    : `${label} · ${notification.structureName}`;
}

async function inboxOf(db: Executor, actor: Actor): Promise<Notification[]> {
  const derived = await derive(db, actor);
  const marks = await findReadMarks(db, actor.userId, actor.organisationId);
  return derived.map((notification) => {
    const id = notificationIdOf(notification.kind, notification.factId);
    return {
      id,
      kind: notification.kind,
      title: titleOf(notification),
      occurredOn: notification.occurredOn,
      recordedAt: notification.recordedAt,
      read: marks.has(id),
      minorPseudonym: notification.minorPseudonym,
      caseId: notification.caseId,
      stayId: notification.stayId,
      placementRequestId: notification.placementRequestId,
      structureId: notification.structureId,
      structureName: notification.structureName,
      eventId: notification.eventId,
      serviceName: notification.serviceName,
    };
  });
}

export async function listNotifications(db: Database, actor: Actor, query: NotificationQuery) {
  const all = await inboxOf(db, actor);
  const items = all.filter(
    (item) =>
      (query.kind === undefined || item.kind === query.kind) &&
      (query.status === undefined || item.read === (query.status === "read")),
  );
  return { items, unread: all.filter((item) => !item.read).length };
}

export async function countUnreadNotifications(db: Database, actor: Actor) {
  return { unread: (await inboxOf(db, actor)).filter((item) => !item.read).length };
}

/** Marks one of the caller's notifications read (again: no change); another's answers 404. */
export async function markNotificationRead(db: Database, actor: Actor, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const found = (await inboxOf(tx, actor)).some((item) => item.id === id);
    if (!found) throw new AppError("not-found", "La notifica richiesta non esiste.");
    await insertReadMark(tx, {
      userId: actor.userId,
      organisationId: actor.organisationId,
      notificationId: id,
      readAt: now.toISOString(),
    });
    return { id, read: true as const };
  });
}
