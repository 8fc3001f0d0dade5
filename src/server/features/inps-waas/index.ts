/** INPS's WaaS e-service (the SINBA flows read by INPS) and the Region's registration of INPS's client. */
export { registerInpsClientRoutes } from "./inps-clients.routes.ts";
export { createInpsClientSystem } from "./inps-clients.service.ts";
export { inpsWaasBasePath, registerInpsWaasRoutes } from "./inps-waas.routes.ts";
