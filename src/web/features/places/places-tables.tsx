import { useTranslation } from "react-i18next";
import { TableRegion } from "../../components/table-region.tsx";
import type { FreePlacesRow, PlacesTotals } from "../stays/stays-api.ts";
import { StatusBadge } from "../structures/status-badges.tsx";

/** Authorised, present and free places of each structure. */
export function StructurePlacesTable({
  rows,
  caption,
  typeLabel,
}: {
  rows: FreePlacesRow[];
  caption: string;
  typeLabel: (code: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <TableRegion label={caption}>
      <table className="table align-middle" id="free-places-structures">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stays.places.columns.name")}</th>
            <th scope="col">{t("stays.places.columns.code")}</th>
            <th scope="col">{t("stays.places.columns.zone")}</th>
            <th scope="col">{t("stays.places.columns.type")}</th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.authorisedPlaces")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.emergencyExtraPlaces")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.present")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.free")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.structureId} data-code={row.code ?? ""}>
              <th scope="row" className="fw-normal">
                {row.name}
                {row.status && row.status !== "active" && (
                  <span className="ms-2">
                    <StatusBadge status={row.status} />
                  </span>
                )}
              </th>
              <td>{row.code ?? t("common.none")}</td>
              <td>{row.zoneName ?? t("common.none")}</td>
              <td>{typeLabel(row.nationalType)}</td>
              <td className="text-end">{row.authorisedPlaces}</td>
              <td className="text-end">{row.emergencyExtraPlaces}</td>
              <td className="text-end places-present">{row.present}</td>
              <td className="text-end places-free">{row.free}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Totals by zone or by type, with the grand total in the footer. */
export function PlacesTotalsTable({
  id,
  rows,
  total,
  caption,
  keyHeader,
  keyLabel = (key) => key,
}: {
  id: string;
  rows: PlacesTotals[];
  total: PlacesTotals;
  caption: string;
  keyHeader: string;
  keyLabel?: (key: string) => string;
}) {
  const { t } = useTranslation();
  const cells = (entry: PlacesTotals) => (
    <>
      <td className="text-end">{entry.structures}</td>
      <td className="text-end">{entry.authorisedPlaces}</td>
      <td className="text-end">{entry.present}</td>
      <td className="text-end">{entry.free}</td>
    </>
  );
  return (
    <TableRegion label={caption}>
      <table className="table align-middle" id={id}>
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.structures")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.authorisedPlaces")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.present")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.places.columns.free")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.key}>
              <th scope="row" className="fw-normal">
                {keyLabel(entry.key)}
              </th>
              {cells(entry)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="fw-semibold">
            <th scope="row">{t("stays.places.total")}</th>
            {cells(total)}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
