import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { TableRegion } from "../../components/table-region.tsx";
import { codeLabel } from "../reference/code-labels.ts";
import { Entry } from "../registry/identity-values.tsx";
import { dateLabel, stayLabel } from "./stay-codes.ts";
import type { PreviousPlacement, StayOverview } from "./stays-api.ts";

/** The child's name as the reader may see it ("Elena Rossi"), or null. */
export function minorNameOf(stay: Pick<StayOverview, "minorName">): string | null {
  const parts = [stay.minorName?.givenName, stay.minorName?.familyName].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** Whom the stay concerns, for the headings of its forms: the name with the pseudonym, or the pseudonym. */
export function stayWho(t: TFunction, stay: StayOverview): string {
  const name = minorNameOf(stay);
  const pseudonym = stay.pseudonym ?? stay.stayRef;
  return name ? t("stays.guests.who", { name, pseudonym }) : pseudonym;
}

/** The stay as its events make it now, in Italian. */
export function StaySummaryView({ stay }: { stay: StayOverview }) {
  const { t } = useTranslation();
  const none = t("common.none");
  const or = (value: string) => value || none;
  return (
    <dl className="row record-view" id="stay-summary">
      <Entry label={t("stays.stay.fields.stayRef")}>{stay.stayRef}</Entry>
      <Entry label={t("stays.stay.fields.pseudonym")}>{or(stay.pseudonym ?? "")}</Entry>
      <Entry label={t("stays.stay.fields.structureCode")}>
        {t("stays.stay.structureValue", { name: stay.structureName, code: stay.structureCode })}
      </Entry>
      <Entry label={t("stays.stay.fields.status")}>{t(`stays.stay.statuses.${stay.status}`)}</Entry>
      <Entry label={t("stays.stay.fields.admissionDate")}>{or(dateLabel(stay.admissionDate))}</Entry>
      <Entry label={t("stays.stay.fields.admissionKind")}>
        {or(stayLabel("admissionKind", stay.admissionKind))}
      </Entry>
      <Entry label={t("stays.stay.fields.legalBasis")}>{or(stayLabel("legalBasis", stay.legalBasis))}</Entry>
      <Entry label={t("stays.stay.fields.origin")}>{or(stayLabel("origin", stay.origin))}</Entry>
      <Entry label={t("stays.stay.fields.msna")}>{stay.msna ? t("common.yes") : t("common.no")}</Entry>
      <Entry label={t("stays.stay.fields.dischargeDate")}>{or(dateLabel(stay.dischargeDate))}</Entry>
      <Entry label={t("stays.stay.fields.dischargeReason")}>
        {or(stayLabel("dischargeReason", stay.dischargeReason))}
      </Entry>
      <Entry label={t("stays.stay.fields.dischargeDestination")}>
        {or(stayLabel("dischargeDestination", stay.dischargeDestination))}
      </Entry>
    </dl>
  );
}

/** Earlier placements of the same minor: dates and the national type of structure only. */
export function PreviousPlacementsTable({ placements }: { placements: PreviousPlacement[] }) {
  const { t } = useTranslation();
  const caption = t("stays.stay.previousCaption");
  if (placements.length === 0) return <p>{t("stays.stay.previousEmpty")}</p>;
  return (
    <TableRegion label={caption}>
      <table className="table" id="previous-placements">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stays.stay.previousColumns.from")}</th>
            <th scope="col">{t("stays.stay.previousColumns.to")}</th>
            <th scope="col">{t("stays.stay.previousColumns.type")}</th>
          </tr>
        </thead>
        <tbody>
          {placements.map((placement) => (
            <tr
              key={`${placement.admissionDate}-${placement.dischargeDate ?? ""}-${placement.nationalType ?? ""}`}
            >
              <td>{dateLabel(placement.admissionDate)}</td>
              <td>
                {placement.dischargeDate ? dateLabel(placement.dischargeDate) : t("stays.stay.ongoing")}
              </td>
              <td>
                {placement.nationalType
                  ? codeLabel("nationalType", placement.nationalType)
                  : t("common.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
