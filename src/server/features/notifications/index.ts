/** Notifications: derived from the recorded facts, with the read marks of each person. */
export { registerNotificationRoutes } from "./notifications.routes.ts";
