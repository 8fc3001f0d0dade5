import { generateKeyPairSync } from "node:crypto";
import { get, type OperationCase, policy, post, unknownId, whole } from "./access-matrix-targets.fixtures.ts";

/** The Region's registration of INPS's client, the only one that reads the SINBA flows. */
export const inpsClientCases: Record<string, OperationCase> = {
  "GET /api/v1/inps-clients": policy(
    "inps-client.manage",
    whole(() => get("/api/v1/inps-clients")),
  ),
  "POST /api/v1/inps-clients": policy(
    "inps-client.manage",
    whole(
      () =>
        post("/api/v1/inps-clients", {
          enti: ["Z999"],
          keys: [
            {
              ...generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }),
              kid: "k",
            },
          ],
        }),
      422,
    ),
  ),
  "POST /api/v1/inps-clients/{id}/revoke": policy(
    "inps-client.manage",
    whole(() => post(`/api/v1/inps-clients/${unknownId}/revoke`, {}), 404),
  ),
};
