import { z } from "zod";
import { OtherIdentifierKind, Sex } from "../code-lists/interchange-codes.ts";
import type { FieldProblem } from "../errors/app-error.ts";
import {
  checkFiscalCodeConsistency,
  decodeFiscalCode,
  italianMessage,
  normaliseFiscalCode,
  validateFiscalCode,
} from "../identity/fiscal-code.ts";
import { IstatComuneCode } from "../territory/comune.ts";
import { IstatCountryCode, isKnownIstatCountryCode } from "../territory/countries.ts";

export const birthPlaceSchema = z.union([
  z.object({ comune: IstatComuneCode }).strict(),
  z.object({ country: IstatCountryCode }).strict(),
]);

export const otherIdentifierSchema = z.object({
  kind: OtherIdentifierKind,
  value: z.string().trim().min(3, { error: "Identificativo troppo corto" }).max(40),
});

/** A child's identity as it arrives (admission event, case, registry search). */
export const minorIdentitySchema = z
  .object({
    fiscalCode: z.string().trim().min(1).max(32).optional(),
    otherIds: z.array(otherIdentifierSchema).max(5).optional(),
    familyName: z.string().trim().min(1).max(100).optional(),
    givenName: z.string().trim().min(1).max(100).optional(),
    sex: Sex.optional(),
    birthDate: z.iso.date({ error: "Data di nascita non valida (AAAA-MM-GG)" }).optional(),
    birthPlace: birthPlaceSchema.optional(),
    citizenship: IstatCountryCode.optional(),
    unaccompaniedForeignMinor: z.boolean().optional(),
    residenceComune: IstatComuneCode.optional(),
  })
  .meta({ id: "MinorIdentity" });
export type MinorIdentity = z.infer<typeof minorIdentitySchema>;

/** The identity after the checks: fiscal code normalised, sex and birth date always known. */
export type CheckedIdentity = Omit<MinorIdentity, "sex" | "birthDate"> & {
  sex: "M" | "F";
  birthDate: string | undefined;
};

/**
 * The identity rules of the interchange standard: a valid fiscal code agreeing with the declared
 * sex and birth date; without one, names, sex and birth date. Returns the problems, never throws.
 */
export function checkMinorIdentity(
  identity: MinorIdentity,
  today: string,
): { ok: true; identity: CheckedIdentity } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let sex = identity.sex;
  let birthDate = identity.birthDate;
  let fiscalCode: string | undefined;
  if (identity.fiscalCode !== undefined) {
    const validation = validateFiscalCode(identity.fiscalCode);
    if (!validation.ok) {
      problems.push({
        path: "/fiscalCode",
        code: "fiscal-code-invalid",
        message: italianMessage(validation.problem),
      });
    } else {
      fiscalCode = normaliseFiscalCode(identity.fiscalCode);
      if (validation.kind === "personal") {
        const mismatches = checkFiscalCodeConsistency(fiscalCode, {
          sex: identity.sex,
          birthDate: identity.birthDate,
        });
        for (const mismatch of mismatches) {
          problems.push({
            path: mismatch === "sex" ? "/sex" : "/birthDate",
            code: "fiscal-code-mismatch",
            message:
              mismatch === "sex"
                ? "Il sesso dichiarato non corrisponde al codice fiscale."
                : "La data di nascita dichiarata non corrisponde al codice fiscale.",
          });
        }
        const decoded = decodeFiscalCode(fiscalCode, today);
        sex ??= decoded.sex;
        birthDate ??= decoded.birthDate;
      }
    }
  }
  if (identity.fiscalCode === undefined) {
    const missing = (["familyName", "givenName", "sex", "birthDate"] as const).filter(
      (field) => !identity[field],
    );
    if (missing.length > 0) {
      problems.push({
        path: `/${missing[0]}`,
        code: "identity-incomplete",
        message: "Senza codice fiscale occorrono cognome, nome, sesso e data di nascita.",
      });
    }
  }
  if (!sex && problems.length === 0) {
    problems.push({ path: "/sex", code: "identity-incomplete", message: "Indicare il sesso." });
  }
  if (birthDate && birthDate > today) {
    problems.push({
      path: "/birthDate",
      code: "date-in-future",
      message: "La data di nascita è nel futuro.",
    });
  }
  for (const [path, code] of [
    ["/citizenship", identity.citizenship],
    [
      "/birthPlace/country",
      identity.birthPlace && "country" in identity.birthPlace ? identity.birthPlace.country : undefined,
    ],
  ] as const) {
    if (code && !isKnownIstatCountryCode(code) && code !== "999") {
      problems.push({
        path,
        code: "unknown-code",
        message: `Il codice ISTAT dello Stato ${code} non esiste.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, identity: { ...identity, fiscalCode, sex: sex as "M" | "F", birthDate } };
}
