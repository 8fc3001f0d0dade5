import http from "node:http";
import type { AddressInfo } from "node:net";
import { CompactSign, decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import Provider, { type ClientMetadata } from "oidc-provider";

/**
 * A real OpenID provider (oidc-provider) on a loopback port, serving SPID-like claims: the fiscal
 * code as `fiscal_number` (`TINIT-<CF>`, as SPID brokers send it) from userinfo, the SPID level
 * in `acr`. Its sign-in page lets the test (or the browser journey) pick a person and a level.
 * `tamper` makes the token endpoint answer with an altered ID token, re-signed with the
 * provider's own key: how the relying party's checks are shown to refuse a wrong issuer or
 * audience, an expired token or an unexpected algorithm from a provider gone wrong.
 */
export const spidLevels = {
  1: "https://www.spid.gov.it/SpidL1",
  2: "https://www.spid.gov.it/SpidL2",
  3: "https://www.spid.gov.it/SpidL3",
} as const;

export type TestPerson = { fiscalNumber?: string; name: string };
export type Tampering =
  | { kind: "claims"; change: (claims: Record<string, unknown>) => Record<string, unknown> }
  | { kind: "alg-none" }
  | { kind: "hs256" }
  | { kind: "foreign-key" };

export const testClientSecret = "segreto-del-client-di-prova-1234567890";

export async function startTestProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  people: Record<string, TestPerson>;
  privateKeyJwtClient?: { clientId: string; publicJwk: JWK };
  es256Client?: string;
}) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rsa = await generateKeyPair("RS256", { extractable: true });
  const ec = await generateKeyPair("ES256", { extractable: true });
  const rsaJwk = { ...(await exportJWK(rsa.privateKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  const ecJwk = { ...(await exportJWK(ec.privateKey)), kid: "ec-1", alg: "ES256", use: "sig" };
  const common = {
    redirect_uris: options.redirectUris,
    post_logout_redirect_uris: options.postLogoutRedirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code" as const],
  };
  const clients: ClientMetadata[] = [
    {
      client_id: "sirmi",
      client_secret: testClientSecret,
      token_endpoint_auth_method: "client_secret_basic",
      ...common,
    },
  ];
  if (options.privateKeyJwtClient)
    clients.push({
      client_id: options.privateKeyJwtClient.clientId,
      token_endpoint_auth_method: "private_key_jwt",
      token_endpoint_auth_signing_alg: "RS256",
      jwks: { keys: [options.privateKeyJwtClient.publicJwk] },
      ...common,
    });
  if (options.es256Client)
    clients.push({
      client_id: options.es256Client,
      client_secret: testClientSecret,
      id_token_signed_response_alg: "ES256",
      ...common,
    });
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [rsaJwk, ecJwk] },
    cookies: { keys: ["chiave-dei-cookie-di-prova"] },
    claims: { acr: null, auth_time: null, sid: null, openid: ["sub"], profile: ["fiscal_number", "name"] },
    acrValues: Object.values(spidLevels),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const person = options.people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          name: person.name,
          ...(person.fiscalNumber ? { fiscal_number: person.fiscalNumber } : {}),
        }),
      };
    },
  });
  const state: { tamper: Tampering | null } = { tamper: null };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !state.tamper || !body?.id_token) return;
    const claims = decodeJwt(body.id_token) as Record<string, unknown>;
    const tamper = state.tamper;
    if (tamper.kind === "claims") {
      body.id_token = await new SignJWT(tamper.change({ ...claims }) as Record<string, never>)
        .setProtectedHeader({ alg: "RS256", kid: "rsa-1" })
        .sign(rsa.privateKey);
    } else if (tamper.kind === "alg-none") {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
      body.id_token = `${encode({ alg: "none" })}.${encode(claims)}.`;
    } else if (tamper.kind === "hs256") {
      body.id_token = await new SignJWT(claims as Record<string, never>)
        .setProtectedHeader({ alg: "HS256" })
        .sign(new TextEncoder().encode(testClientSecret));
    } else {
      const stranger = await generateKeyPair("RS256");
      body.id_token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: "RS256", kid: "rsa-1" })
        .sign(stranger.privateKey);
    }
    ctx.body = body;
  });
  const callback = provider.callback();
  server.on("request", async (request, response) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(request.url?.split("?")[0] ?? "");
    if (!match) return callback(request, response);
    try {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === "consent") {
        const grant = new provider.Grant({
          accountId: details.session?.accountId,
          clientId: details.params.client_id as string,
        });
        grant.addOIDCScope("openid profile");
        grant.addOIDCClaims(["fiscal_number", "name"]);
        const grantId = await grant.save();
        return provider.interactionFinished(
          request,
          response,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        );
      }
      if (request.method === "POST") {
        const form = new URLSearchParams(await readBody(request));
        const level = Number(form.get("level")) as 1 | 2 | 3;
        return provider.interactionFinished(
          request,
          response,
          { login: { accountId: form.get("person") ?? "", acr: spidLevels[level] ?? spidLevels[1] } },
          { mergeWithLastSubmission: false },
        );
      }
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(signInPage(match[1], options.people));
    } catch (error) {
      response.statusCode = 400;
      response.end(String((error as Error).message));
    }
  });
  return {
    issuer,
    provider,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}

function signInPage(uid: string, people: Record<string, TestPerson>) {
  const options = Object.entries(people)
    .map(([id, person]) => `<option value="${id}">${person.name}</option>`)
    .join("");
  return `<!doctype html><html lang="it"><head><title>Identità di prova</title></head><body><main>
<h1>Servizio di identità di prova</h1>
<form method="post" action="/interaction/${uid}">
<label for="person">Persona</label><select id="person" name="person">${options}</select>
<label for="level">Livello SPID</label><select id="level" name="level">
<option value="1">SPID livello 1</option><option value="2" selected>SPID livello 2</option><option value="3">SPID livello 3</option></select>
<button type="submit">Entra</button></form></main></body></html>`;
}

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;

/**
 * Follows the provider's pages as a browser would (cookies included) from the authorization URL
 * to the answer addressed to the relying party's redirect URI; returns that URL.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  choice: { person: string; level: 1 | 2 | 3 },
  redirectPrefix: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  let url = authorizationUrl;
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectPrefix)) return new URL(url);
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: cookieHeader(),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const action = /action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`provider page without a form (${response.status}): ${page.slice(0, 300)}`);
    url = new URL(action, url).href;
    body = new URLSearchParams({ person: choice.person, level: String(choice.level) }).toString();
  }
  throw new Error("too many redirects at the provider");
}
