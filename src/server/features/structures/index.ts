/** ASSO structures as the app and the command line see them. */
export { importStructures } from "./structures.import.ts";
export { registerStructureRoutes } from "./structures.routes.ts";
export { editStructure, registerStructure } from "./structures.service.ts";
