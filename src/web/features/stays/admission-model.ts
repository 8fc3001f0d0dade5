import { z } from "zod";
import { checkMinorIdentity, minorIdentitySchema } from "../../../domain/registry/minor-identity.ts";
import { type AdmissionEvent, stayEventSchemas } from "../../../domain/stays/stay-event.schema.ts";
import { formPathOf } from "../../api/problem-paths.ts";
import { i18n } from "../../i18n/setup.ts";
import type { LookupInput, MinorIdentityView } from "../registry/registry-api.ts";
import type { FlatError } from "../structures/form-errors.ts";
import { type AdmissionContentDraft, emptyAdmissionContent } from "./admission-content-fields.tsx";
import { envelopeOf } from "./use-event-form.tsx";

/** The minor as the form holds it: text fields, both kinds of birth place. */
export type MinorDraft = {
  fiscalCode: string;
  familyName: string;
  givenName: string;
  sex: string;
  birthDate: string;
  birthPlace: { comune: string; country: string };
  citizenship: string;
  unaccompaniedForeignMinor: boolean;
};

export type BirthPlaceKind = "comune" | "country";

export type AdmissionDraft = {
  id: string;
  type: "admission";
  structureCode: string;
  stayRef: string;
  occurredOn: string;
  birthPlaceKind: BirthPlaceKind;
  minor: MinorDraft;
  admission: AdmissionContentDraft;
};

/** Where the identity comes from: the registry (read-only) or the operator, after a search. */
export type IdentitySource =
  | { kind: "registry"; pseudonym: string; identity: MinorIdentityView }
  | { kind: "new"; searched: LookupInput | null };

/** The identity of the event: only what was entered, trimmed; the birth place of the chosen kind. */
export function minorOf(draft: Pick<AdmissionDraft, "minor" | "birthPlaceKind">): Record<string, unknown> {
  const { birthPlace, ...fields } = draft.minor;
  const minor: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "boolean") minor[key] = value;
    else if (typeof value === "string" && value.trim()) minor[key] = value.trim();
  }
  if (typeof minor.fiscalCode === "string")
    minor.fiscalCode = minor.fiscalCode.replace(/\s+/g, "").toUpperCase();
  const place = draft.birthPlaceKind === "comune" ? birthPlace.comune : birthPlace.country;
  if (place) minor.birthPlace = draft.birthPlaceKind === "comune" ? { comune: place } : { country: place };
  return minor;
}

export function eventOfDraft(draft: AdmissionDraft) {
  const { birthPlaceKind: _kind, minor: _minor, admission, ...envelope } = draft;
  return {
    ...envelope,
    stayRef: envelope.stayRef.trim(),
    minor: minorOf(draft),
    admission: {
      ...admission,
      referringService: {
        code: admission.referringService.code.trim(),
        comune: admission.referringService.comune,
      },
    },
  };
}

/** The standard's admission schema, applied to the event the draft becomes. */
export const admissionFormSchema = z.preprocess(
  (value) => eventOfDraft(value as AdmissionDraft),
  stayEventSchemas.admission,
) as unknown as z.ZodType<AdmissionEvent, AdmissionDraft>;

/**
 * The identity rules of the standard for a new identity, with the same Italian messages as the
 * server: a valid fiscal code agreeing with sex and birth date; without it, every name, the sex
 * and the birth date.
 */
export function identityProblems(draft: AdmissionDraft, today: string): FlatError[] {
  const minor = minorOf(draft);
  const problems: FlatError[] = [];
  if (!minor.fiscalCode) {
    for (const field of ["familyName", "givenName", "sex", "birthDate"] as const) {
      if (!minor[field]) problems.push({ path: `minor.${field}`, message: i18n.t("errors.required") });
    }
  }
  const parsed = minorIdentitySchema.safeParse(minor);
  if (!parsed.success) return problems;
  const checked = checkMinorIdentity(parsed.data, today);
  if (checked.ok) return problems;
  for (const problem of checked.problems) {
    if (problem.code !== "identity-incomplete") {
      problems.push({ path: `minor.${formPathOf(problem.path)}`, message: problem.message });
    }
  }
  return problems;
}

const emptyMinor: MinorDraft = {
  fiscalCode: "",
  familyName: "",
  givenName: "",
  sex: "",
  birthDate: "",
  birthPlace: { comune: "", country: "" },
  citizenship: "",
  unaccompaniedForeignMinor: false,
};

function minorDraftOf(source: IdentitySource): MinorDraft {
  if (source.kind === "new") {
    const searched = source.searched;
    if (!searched) return emptyMinor;
    if ("fiscalCode" in searched) return { ...emptyMinor, fiscalCode: searched.fiscalCode };
    const { familyName, givenName, birthDate, sex } = searched;
    return { ...emptyMinor, familyName, givenName, birthDate, sex };
  }
  const identity = source.identity;
  const place = identity.birthPlace;
  return {
    fiscalCode: identity.fiscalCode ?? "",
    familyName: identity.familyName ?? "",
    givenName: identity.givenName ?? "",
    sex: identity.sex,
    birthDate: identity.birthDate ?? "",
    birthPlace: {
      comune: place && "comune" in place ? place.comune : "",
      country: place && "country" in place ? place.country : "",
    },
    citizenship: identity.citizenship ?? "",
    unaccompaniedForeignMinor: false,
  };
}

export function admissionDefaults(
  structureCode: string,
  source: IdentitySource,
  today: string,
): AdmissionDraft {
  const identityPlace = source.kind === "registry" ? source.identity.birthPlace : undefined;
  return {
    ...envelopeOf({ structureCode, stayRef: "" }, "admission", today),
    birthPlaceKind: identityPlace && "country" in identityPlace ? "country" : "comune",
    minor: minorDraftOf(source),
    admission: emptyAdmissionContent,
  };
}
