/** The interchange API for the structures' software, as the app and the command line see it. */
export { registerEventFileRoutes } from "./event-files.routes.ts";
export {
  createEventFileWorker,
  type EventFilePipeline,
  type FileEventResult,
} from "./event-files.worker.ts";
export { registerEventRoutes } from "./events.routes.ts";
export type { AuthenticatedClient } from "./machine-auth.ts";
export { createClientSystem, disableClientSystem } from "./machine-clients.service.ts";
export { prepareJsonMachineEndpoints, requireClientOf } from "./machine-endpoints.ts";
export { toClientKey } from "./machine-keys.ts";
