import { z } from "zod";

/** At most this many events in one request of the interchange standard. */
export const maxEventsPerRequest = 1000;

/** Lifetime of a client's token (ModI ID_AUTH_REST_02: exp at most 5 minutes after iat). */
export const maxTokenLifetimeSeconds = 300;

/** Tolerated difference between the client's clock and ours. */
export const clockSkewSeconds = 60;

const base64url = /^[A-Za-z0-9_-]+$/;
const privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** Bytes encoded by an unpadded base64url string. */
function decodedLength(value: string): number {
  return Math.floor((value.length * 6) / 8);
}

const kidSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, { error: "Il kid deve contenere solo caratteri ASCII visibili." });

/**
 * A machine client's public key: EC P-256 (ES256) or RSA of at least 2048 bits (RS256). A JWK
 * carrying private members is refused: the private key never leaves the software house.
 */
export const publicJwkSchema = z
  .looseObject({
    kty: z.enum(["EC", "RSA"], { error: "Tipo di chiave non ammesso: usare EC P-256 o RSA." }),
    kid: kidSchema.optional(),
    alg: z.enum(["ES256", "RS256"], { error: "Algoritmo non ammesso: usare ES256 o RS256." }).optional(),
    use: z.literal("sig", { error: "La chiave deve essere di firma (use = sig)." }).optional(),
    crv: z.string().optional(),
    x: z.string().regex(base64url).optional(),
    y: z.string().regex(base64url).optional(),
    n: z.string().regex(base64url).optional(),
    e: z.string().regex(base64url).optional(),
  })
  .superRefine((jwk, context) => {
    for (const member of privateMembers) {
      if (member in jwk)
        context.addIssue({
          code: "custom",
          path: [member],
          message: "La chiave contiene una parte privata: inviare solo la chiave pubblica.",
        });
    }
    if (jwk.kty === "EC") {
      if (jwk.crv !== "P-256")
        context.addIssue({
          code: "custom",
          path: ["crv"],
          message: "Per le chiavi EC è ammessa solo P-256.",
        });
      for (const member of ["x", "y"] as const) {
        const value = jwk[member];
        if (!value || decodedLength(value) !== 32)
          context.addIssue({
            code: "custom",
            path: [member],
            message: `Coordinata ${member} mancante o non valida.`,
          });
      }
      if (jwk.alg && jwk.alg !== "ES256")
        context.addIssue({ code: "custom", path: ["alg"], message: "Una chiave EC si usa con ES256." });
    }
    if (jwk.kty === "RSA") {
      if (!jwk.n || decodedLength(jwk.n) < 256)
        context.addIssue({
          code: "custom",
          path: ["n"],
          message: "La chiave RSA deve essere di almeno 2048 bit.",
        });
      if (!jwk.e) context.addIssue({ code: "custom", path: ["e"], message: "Esponente RSA mancante." });
      if (jwk.alg && jwk.alg !== "RS256")
        context.addIssue({ code: "custom", path: ["alg"], message: "Una chiave RSA si usa con RS256." });
    }
  })
  .meta({ id: "PublicJwk", description: "Chiave pubblica in formato JWK (EC P-256 o RSA ≥ 2048 bit)" });

export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** The signature algorithm of a key. */
export function algorithmOf(jwk: Pick<PublicJwk, "kty">): "ES256" | "RS256" {
  return jwk.kty === "EC" ? "ES256" : "RS256";
}

export const machineClientCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    structureIds: z
      .array(z.uuid())
      .max(500)
      .default([])
      .describe(
        "Le strutture di cui il client invia gli eventi (almeno una per l'ente gestore); nessuna per il software di un servizio sociale, che invia gli eventi delle cartelle",
      ),
    keys: z.array(publicJwkSchema).min(1).max(10),
    requireIntegrity: z.boolean().default(false),
  })
  .meta({ id: "MachineClientCreate" });

export type MachineClientCreate = z.infer<typeof machineClientCreateSchema>;

export const machineClientSchema = z
  .object({
    id: z.uuid().describe("Identificativo del client: è anche il valore di iss e sub nei token"),
    name: z.string(),
    operatorOrganisationId: z.uuid(),
    structureIds: z.array(z.uuid()),
    keys: z.array(z.object({ kid: z.string(), jwk: z.record(z.string(), z.unknown()) })),
    requireIntegrity: z.boolean(),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "MachineClient" });

export type MachineClient = z.infer<typeof machineClientSchema>;

/** One signed header of INTEGRITY_REST_01, as listed in the Agid-JWT-Signature's signed_headers. */
export const signedHeadersSchema = z.array(z.record(z.string(), z.string()));

export const machineClientIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });
export const machineClientListSchema = z.object({ items: z.array(machineClientSchema) });
