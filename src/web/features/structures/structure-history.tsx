import { useTranslation } from "react-i18next";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { useFieldLabels } from "./field-labels.ts";
import { StatusBadge } from "./status-badges.tsx";
import type { StructureDetail } from "./structure-api.ts";

const dateTime = new Intl.DateTimeFormat("it-IT", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Rome",
});

export function formatInstant(value: string): string {
  return dateTime.format(new Date(value));
}

export function StructureHistory({ history }: { history: StructureDetail["history"] }) {
  const { t } = useTranslation();
  const { listOf } = useFieldLabels();
  const caption = t("structures.detail.historyCaption");
  return (
    <TableRegion label={caption}>
      <table className="table" id="structure-history">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("structures.detail.history.version")}</th>
            <th scope="col">{t("structures.detail.history.validFrom")}</th>
            <th scope="col">{t("structures.detail.history.recordedAt")}</th>
            <th scope="col">{t("structures.detail.history.recordedBy")}</th>
            <th scope="col">{t("structures.detail.history.status")}</th>
            <th scope="col">{t("structures.detail.history.changedFields")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((version, index) => (
            <tr key={version.version}>
              <th scope="row">{version.version}</th>
              <td>{formatItalianDate(version.validFrom)}</td>
              <td>{formatInstant(version.recordedAt)}</td>
              <td>{version.recordedBy ?? t("common.none")}</td>
              <td>
                <StatusBadge status={version.record.status} />
              </td>
              <td>
                {index === 0
                  ? t("structures.detail.history.first")
                  : version.changedFields.length > 0
                    ? listOf(version.changedFields)
                    : t("structures.detail.history.noChanges")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
