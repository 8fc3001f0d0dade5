import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { codeLabel } from "../reference/code-labels.ts";
import { comuneLabel, useComune, useRegionalStructureTypes } from "../reference/reference-api.ts";

export function ComuneName({ code }: { code: string }) {
  const comune = useComune(code);
  return <>{comune.data ? comuneLabel(comune.data) : code}</>;
}

export function useRegionalTypeLabel() {
  const types = useRegionalStructureTypes();
  return (code: string) => types.data?.find((type) => type.code === code)?.label ?? code;
}

/** A top-level field of a record, written out in Italian (used to compare versions). */
export function useRecordValue() {
  const { t } = useTranslation();
  const regionalTypeLabel = useRegionalTypeLabel();
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));

  return (field: string, record: StructureRecord): ReactNode => {
    switch (field) {
      case "code":
        return record.code ?? t("structures.noCode");
      case "name":
        return record.name;
      case "regionalType":
        return regionalTypeLabel(record.regionalType);
      case "nationalType":
      case "istatCharacter":
      case "istatFunction":
        return codeLabel(field, record[field]);
      case "operator":
        return `${record.operator.name} – ${record.operator.fiscalCode} – ${codeLabel("legalNature", record.operator.legalNature)}`;
      case "address":
        return (
          <>
            {record.address.street}, <ComuneName code={record.address.comune} />
          </>
        );
      case "authorisedPlaces":
      case "emergencyExtraPlaces":
        return String(record[field]);
      case "target":
        return [
          t("structures.values.ages", { min: record.target.minAge, max: record.target.maxAge }),
          codeLabel("targetSex", record.target.sex),
          `${t("structures.fields.motherWithChild")}: ${yesNo(record.target.motherWithChild)}`,
          `${t("structures.fields.msna")}: ${yesNo(record.target.msna)}`,
        ].join("; ");
      case "authorisation":
        return [
          t("structures.values.authorisation", {
            status: codeLabel("authorisationStatus", record.authorisation.status),
            act: record.authorisation.act,
            date: formatItalianDate(record.authorisation.date),
          }),
          record.authorisation.expiresOn
            ? t("structures.values.expiresOn", { date: formatItalianDate(record.authorisation.expiresOn) })
            : t("structures.values.noExpiry"),
        ].join("; ");
      case "status":
        return codeLabel("structureStatus", record.status);
      case "validFrom":
        return formatItalianDate(record.validFrom);
      default:
        return "";
    }
  };
}

/** The fields shown when a whole record is listed (a registration to approve). */
export const recordFields = [
  "name",
  "regionalType",
  "nationalType",
  "istatCharacter",
  "istatFunction",
  "operator",
  "address",
  "authorisedPlaces",
  "emergencyExtraPlaces",
  "target",
  "authorisation",
  "validFrom",
] as const;
