/** The registry of minors as the app, other features and the command line see it. */

export { fillBirthDates } from "./birth-dates.ts";
export type { Resolution } from "./candidate-comparison.ts";
export { openIdentity } from "./identity-vault.ts";
export { reencryptVault, type SealedElsewhere, withNewActiveKey } from "./key-rotation.ts";
export { findVaultRows, inChargeOfService, inChargeOfStructures } from "./registry.queries.ts";
export { registerRegistryRoutes } from "./registry.routes.ts";
export { lookUpMinor } from "./registry.service.ts";
export { BatchMinorResolver } from "./resolve-minors-batch.ts";
