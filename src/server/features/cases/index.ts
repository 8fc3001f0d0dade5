/** The SINBA case file (cartella sociale) as the app, other features and the command line see it. */
export { registerCaseRoutes } from "./cases.routes.ts";
export { recordCaseEvents } from "./record-case-events.ts";
export { registerCaseTimelineRoutes } from "./timeline.routes.ts";
