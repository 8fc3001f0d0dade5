/** Reference data (comuni, zones, code lists), as the app sees it. */
export { registerReferenceRoutes } from "./reference.routes.ts";
