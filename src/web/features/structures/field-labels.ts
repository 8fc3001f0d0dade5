import { useTranslation } from "react-i18next";

/** Italian labels of the record's fields, by top-level name or form path. */
const fieldLabelKeys = {
  code: "structures.fields.code",
  name: "structures.fields.name",
  regionalType: "structures.fields.regionalType",
  nationalType: "structures.fields.nationalType",
  istatCharacter: "structures.fields.istatCharacter",
  istatFunction: "structures.fields.istatFunction",
  operator: "structures.fields.operator",
  "operator.name": "structures.fields.operatorName",
  "operator.fiscalCode": "structures.fields.operatorFiscalCode",
  "operator.legalNature": "structures.fields.operatorLegalNature",
  address: "structures.fields.address",
  "address.street": "structures.fields.street",
  "address.comune": "structures.fields.comune",
  authorisedPlaces: "structures.fields.authorisedPlaces",
  emergencyExtraPlaces: "structures.fields.emergencyExtraPlaces",
  target: "structures.fields.target",
  "target.minAge": "structures.fields.minAge",
  "target.maxAge": "structures.fields.maxAge",
  "target.sex": "structures.fields.sex",
  "target.motherWithChild": "structures.fields.motherWithChild",
  "target.msna": "structures.fields.msna",
  authorisation: "structures.fields.authorisation",
  "authorisation.status": "structures.fields.authorisationStatus",
  "authorisation.act": "structures.fields.authorisationAct",
  "authorisation.date": "structures.fields.authorisationDate",
  "authorisation.expiresOn": "structures.fields.authorisationExpiresOn",
  status: "structures.fields.status",
  validFrom: "structures.fields.validFrom",
  registration: "structures.fields.registration",
} as const;

export type FieldPath = keyof typeof fieldLabelKeys;

export function isFieldPath(path: string): path is FieldPath {
  return Object.hasOwn(fieldLabelKeys, path);
}

/** The id of a field's form control, derived from its path (operator.name → field-operator-name). */
export function fieldId(path: string): string {
  return `field-${path.replaceAll(".", "-")}`;
}

export function useFieldLabels() {
  const { t } = useTranslation();
  const labelOf = (path: string): string => (isFieldPath(path) ? t(fieldLabelKeys[path]) : path);
  const listOf = (paths: readonly string[]): string => paths.map(labelOf).join(", ");
  return { labelOf, listOf };
}
