/** The access feature as the app, other features and the command line see it. */

export type { SessionContext, SessionState } from "../../core/session-state.ts";
export { findUserByUsername, listMembershipsOfUser } from "./access.queries.ts";
export { registerAccessRoutes } from "./access.routes.ts";
export { resetPasswordSystem, setFiscalCodeSystem } from "./account.system.ts";
export { registerAuditRoutes } from "./audit.routes.ts";
export { registerOidcRoutes } from "./oidc.routes.ts";
export { passwordWeakness } from "./password-policy.ts";
export { registerPeopleRoutes } from "./people.routes.ts";
export { enrolSecondFactorSystem } from "./second-factor.system.ts";
export { registerSessionStepRoutes } from "./session-steps.routes.ts";
export { addRole, createOrganisation, createUserWithRole } from "./users.service.ts";
