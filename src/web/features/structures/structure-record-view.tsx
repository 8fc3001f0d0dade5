import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { codeLabel } from "../reference/code-labels.ts";
import { useFieldLabels } from "./field-labels.ts";
import { ComuneName, useRegionalTypeLabel } from "./record-values.tsx";
import { AuthorisationExpiry } from "./status-badges.tsx";

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-5 col-lg-4">{label}</dt>
      <dd className="col-sm-7 col-lg-8">{children}</dd>
    </>
  );
}

/** The record as a definition list, grouped like the form. */
export function StructureRecordView({ record }: { record: StructureRecord }) {
  const { t } = useTranslation();
  const { labelOf } = useFieldLabels();
  const regionalTypeLabel = useRegionalTypeLabel();
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));
  return (
    <dl className="row record-view">
      <Entry label={labelOf("code")}>{record.code ?? t("structures.noCode")}</Entry>
      <Entry label={labelOf("name")}>{record.name}</Entry>
      <Entry label={labelOf("status")}>{codeLabel("structureStatus", record.status)}</Entry>
      <Entry label={labelOf("regionalType")}>{regionalTypeLabel(record.regionalType)}</Entry>
      <Entry label={labelOf("nationalType")}>{codeLabel("nationalType", record.nationalType)}</Entry>
      <Entry label={labelOf("istatCharacter")}>{codeLabel("istatCharacter", record.istatCharacter)}</Entry>
      <Entry label={labelOf("istatFunction")}>{codeLabel("istatFunction", record.istatFunction)}</Entry>
      <Entry label={labelOf("operator.name")}>{record.operator.name}</Entry>
      <Entry label={labelOf("operator.fiscalCode")}>{record.operator.fiscalCode}</Entry>
      <Entry label={labelOf("operator.legalNature")}>
        {codeLabel("legalNature", record.operator.legalNature)}
      </Entry>
      <Entry label={labelOf("address.street")}>{record.address.street}</Entry>
      <Entry label={labelOf("address.comune")}>
        <ComuneName code={record.address.comune} />
      </Entry>
      <Entry label={labelOf("authorisedPlaces")}>{record.authorisedPlaces}</Entry>
      <Entry label={labelOf("emergencyExtraPlaces")}>{record.emergencyExtraPlaces}</Entry>
      <Entry label={labelOf("target")}>
        {t("structures.values.ages", { min: record.target.minAge, max: record.target.maxAge })}
      </Entry>
      <Entry label={labelOf("target.sex")}>{codeLabel("targetSex", record.target.sex)}</Entry>
      <Entry label={labelOf("target.motherWithChild")}>{yesNo(record.target.motherWithChild)}</Entry>
      <Entry label={labelOf("target.msna")}>{yesNo(record.target.msna)}</Entry>
      <Entry label={labelOf("authorisation.status")}>
        {codeLabel("authorisationStatus", record.authorisation.status)}
      </Entry>
      <Entry label={labelOf("authorisation.act")}>{record.authorisation.act}</Entry>
      <Entry label={labelOf("authorisation.date")}>{formatItalianDate(record.authorisation.date)}</Entry>
      <Entry label={labelOf("authorisation.expiresOn")}>
        {record.authorisation.expiresOn ? (
          <AuthorisationExpiry expiresOn={record.authorisation.expiresOn} />
        ) : (
          t("structures.values.noExpiry")
        )}
      </Entry>
      <Entry label={labelOf("validFrom")}>{formatItalianDate(record.validFrom)}</Entry>
    </dl>
  );
}
