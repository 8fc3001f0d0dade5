/** ASMI stays as the app, other features and the command line see them. */
export { type EventResult, type EventSource, ingestEvent, ingestEvents } from "./ingest-event.ts";
export { registerStayRoutes } from "./stays.routes.ts";
