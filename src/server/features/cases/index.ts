/** The SINBA case file (cartella sociale) as the app, other features and the command line see it. */

export { caseEventFilePipeline } from "./case-event-files.pipeline.ts";
export { registerCaseEventRoutes } from "./case-events.routes.ts";
export { registerCaseRoutes } from "./cases.routes.ts";
export { reencryptFosterCarers } from "./foster-carers.rotation.ts";
export { registerFosterCarerRoutes } from "./foster-carers.routes.ts";
export { recordCaseEvents, recordClientCaseEvents } from "./record-case-events.ts";
export { registerCaseTimelineRoutes } from "./timeline.routes.ts";
