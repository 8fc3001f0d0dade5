import { useTranslation } from "react-i18next";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { codeLabel } from "../reference/code-labels.ts";
import type { FittedPlace } from "./placements-api.ts";

/** The fitted places of a search, with each structure's contacts and the button that sends a request. */
export function FittedPlacesTable({
  date,
  rows,
  onSend,
  sending,
}: {
  date: string;
  rows: FittedPlace[];
  onSend?: (place: FittedPlace) => void;
  sending?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="alert alert-info">{t("placements.find.none")}</p>;
  const caption = t("placements.find.caption", { date: formatItalianDate(date) });
  return (
    <TableRegion label={caption}>
      <table className="table align-middle" id="fitted-places">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("placements.find.columns.name")}</th>
            <th scope="col">{t("placements.find.columns.zone")}</th>
            <th scope="col">{t("placements.find.columns.type")}</th>
            <th scope="col" className="text-end">
              {t("placements.find.columns.free")}
            </th>
            <th scope="col">{t("placements.find.columns.target")}</th>
            <th scope="col">{t("placements.find.columns.contacts")}</th>
            {onSend && <th scope="col">{t("placements.find.columns.action")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.structureId} data-structure={row.code ?? row.structureId}>
              <th scope="row">
                {row.name}
                {row.code && <span className="d-block small text-secondary">{row.code}</span>}
              </th>
              <td>{row.zoneName ?? t("placements.find.noZone")}</td>
              <td>{codeLabel("nationalType", row.nationalType)}</td>
              <td className="text-end">{row.free}</td>
              <td>
                {t("placements.find.target", { min: row.target.minAge, max: row.target.maxAge })},{" "}
                {codeLabel("targetSex", row.target.sex).toLowerCase()}
              </td>
              <td>
                <span className="d-block">{row.contacts.operatorName}</span>
                <span className="d-block small">
                  {row.contacts.street}
                  {row.contacts.comuneName ? `, ${row.contacts.comuneName}` : ""}
                </span>
              </td>
              {onSend && (
                <td>
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={sending}
                    aria-label={t("placements.find.sendTo", { name: row.name })}
                    onClick={() => onSend(row)}
                  >
                    {t("placements.find.send")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
