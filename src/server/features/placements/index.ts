/** Finding a place and the placement request, as the app sees them. */
export { registerPlacementRoutes } from "./placements.routes.ts";
