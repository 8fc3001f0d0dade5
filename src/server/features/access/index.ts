/** The access feature as the app, other features and the command line see it. */
export { findUserByUsername, listMembershipsOfUser } from "./access.queries.ts";
export { registerAccessRoutes } from "./access.routes.ts";
export { registerAuditRoutes } from "./audit.routes.ts";
export { addRole, createOrganisation, createUserWithRole } from "./users.service.ts";
