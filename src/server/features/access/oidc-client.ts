import fs from "node:fs";
import { importJWK, type JWK } from "jose";
import * as client from "openid-client";
import type { Clock } from "../../../domain/time/clock.ts";
import type { OidcConfig } from "../../config.ts";

/**
 * The relying party towards the Region's OpenID provider, with openid-client: discovery once per
 * process (retried after a failure), then a configuration per request whose notion of "now" is
 * the injected clock's, so that ID-token lifetimes are judged against the same time as the rest.
 * Plain http is accepted only for a loopback issuer (tests, local development).
 */
export type OidcClient = {
  settings: OidcConfig;
  configuration(clock: Clock): Promise<client.Configuration>;
};

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

async function clientAuthOf(settings: OidcConfig): Promise<client.ClientAuth> {
  if (settings.clientAuth === "client_secret_post") return client.ClientSecretPost(settings.clientSecret);
  if (settings.clientAuth === "client_secret_basic") return client.ClientSecretBasic(settings.clientSecret);
  const text = settings.privateKeyJson ?? fs.readFileSync(settings.privateKeyFile as string, "utf8");
  const jwk = JSON.parse(text) as JWK;
  const key = (await importJWK(jwk, jwk.alg ?? "RS256")) as CryptoKey;
  return client.PrivateKeyJwt(jwk.kid ? { key, kid: jwk.kid } : key);
}

export function createOidcClient(settings: OidcConfig): OidcClient {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === "http:" && isLoopback(issuer);
  let server: Promise<client.ServerMetadata> | undefined;
  let auth: Promise<client.ClientAuth> | undefined;
  const discover = () => {
    server ??= client
      .discovery(issuer, settings.clientId, undefined, undefined, {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .then((found) => found.serverMetadata() as client.ServerMetadata)
      .catch((error: unknown) => {
        server = undefined;
        throw error;
      });
    return server;
  };
  return {
    settings,
    async configuration(clock: Clock) {
      auth ??= clientAuthOf(settings);
      const configuration = new client.Configuration(
        await discover(),
        settings.clientId,
        {
          id_token_signed_response_alg: settings.idTokenAlg,
          [client.clockTolerance]: settings.clockToleranceSeconds,
          [client.clockSkew]: Math.round((clock.now().getTime() - Date.now()) / 1000),
        },
        await auth,
      );
      if (insecure) client.allowInsecureRequests(configuration);
      // The ID token's signature is checked against the provider's published keys, not only TLS.
      client.enableNonRepudiationChecks(configuration);
      configuration.timeout = 10;
      return configuration;
    },
  };
}
