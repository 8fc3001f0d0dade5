import { exportJWK, generateKeyPair, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { digestHeader, loadSigningKey, requestHeaders, signClientToken } from "./token.ts";

const audience = "https://sirmi.example.it/api/v1/events";
const clientId = "6f1c6a2e-3b7d-4a51-9c1e-0d2b3a4c5e6f";

async function privateJwk(alg: "ES256" | "RS256") {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { publicKey, jwk: { ...(await exportJWK(privateKey)), kid: `kid-${alg}` } };
}

describe("signClientToken", () => {
  it.each(["ES256", "RS256"] as const)(
    "signs a ModI token with %s, chosen from the key type",
    async (alg) => {
      const { publicKey, jwk } = await privateJwk(alg);
      const signing = await loadSigningKey(jwk);
      expect(signing.alg).toBe(alg);
      const token = await signClientToken(signing, { clientId, audience });
      const { payload, protectedHeader } = await jwtVerify(token, publicKey, { audience, issuer: clientId });
      expect(protectedHeader).toMatchObject({ alg, kid: `kid-${alg}`, typ: "JWT" });
      expect(payload.sub).toBe(clientId);
      expect((payload.exp as number) - (payload.iat as number)).toBe(300);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
      const again = await signClientToken(signing, { clientId, audience });
      const second = await jwtVerify(again, publicKey);
      expect(second.payload.jti).not.toBe(payload.jti);
    },
  );

  it("refuses a public key, a key without kid and an unsupported type", async () => {
    const { jwk } = await privateJwk("ES256");
    const { d: _d, ...publicOnly } = jwk;
    await expect(loadSigningKey(publicOnly)).rejects.toThrow(/parte privata/);
    const { kid: _kid, ...noKid } = jwk;
    await expect(loadSigningKey(noKid)).rejects.toThrow(/kid/);
    await expect(loadSigningKey({ ...jwk, kty: "OKP" })).rejects.toThrow(/EC/);
    await expect(loadSigningKey([])).rejects.toThrow(/oggetto JWK/);
  });
});

describe("requestHeaders", () => {
  it("adds Digest and an Agid-JWT-Signature covering digest and content-type when asked", async () => {
    const { publicKey, jwk } = await privateJwk("ES256");
    const signing = await loadSigningKey(jwk);
    const body = JSON.stringify({ events: [{ id: "è" }] });
    const plain = await requestHeaders(signing, { clientId, audience, body, integrity: false });
    expect(plain.authorization).toMatch(/^Bearer /);
    expect(plain.digest).toBeUndefined();
    const signed = await requestHeaders(signing, { clientId, audience, body, integrity: true });
    expect(signed.digest).toBe(digestHeader(body));
    expect(signed.digest).toMatch(/^SHA-256=[A-Za-z0-9+/]+=*$/);
    const { payload } = await jwtVerify(signed["agid-jwt-signature"], publicKey, { audience });
    expect(payload.signed_headers).toEqual([
      { digest: signed.digest },
      { "content-type": "application/json" },
    ]);
    expect(signed["content-type"]).toBe("application/json");
  });
});
