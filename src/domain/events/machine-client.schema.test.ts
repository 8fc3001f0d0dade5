import { describe, expect, it } from "vitest";
import { publicJwkSchema } from "./machine-client.schema.ts";

const coordinate = "A".repeat(43);
const ecKey = { kty: "EC", crv: "P-256", x: coordinate, y: coordinate };
const modulus = (bits: number) => "A".repeat(Math.ceil((bits / 8) * (4 / 3)));

describe("public JWK of a machine client", () => {
  it("accepts EC P-256 and RSA of at least 2048 bits", () => {
    expect(publicJwkSchema.safeParse(ecKey).success).toBe(true);
    expect(publicJwkSchema.safeParse({ kty: "RSA", n: modulus(2048), e: "AQAB" }).success).toBe(true);
  });

  it("refuses private members, other curves, short RSA moduli and algorithm mismatches", () => {
    const refused = [
      { ...ecKey, d: coordinate },
      { ...ecKey, crv: "P-384" },
      { ...ecKey, alg: "RS256" },
      { kty: "RSA", n: modulus(1024), e: "AQAB" },
      { kty: "RSA", n: modulus(2048), e: "AQAB", p: "AQAB" },
      { kty: "oct", k: "c2VncmV0bw" },
    ];
    for (const jwk of refused)
      expect(publicJwkSchema.safeParse(jwk).success, JSON.stringify(jwk)).toBe(false);
    const issue = publicJwkSchema.safeParse({ ...ecKey, d: coordinate }).error?.issues[0];
    expect(issue?.message).toContain("parte privata");
  });
});
