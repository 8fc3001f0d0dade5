/** Health and public settings, as the app sees them. */
export { registerStatusRoutes } from "./status.routes.ts";
export { databaseAnswers } from "./status.service.ts";
