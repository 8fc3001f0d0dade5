/** Emergency access (break-glass) as the app and the registry see it. */
export { findActiveBreakGlass, findActiveBreakGlassOfMinors } from "./break-glass.queries.ts";
export { registerBreakGlassRoutes } from "./break-glass.routes.ts";
