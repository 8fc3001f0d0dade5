import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TableRegion } from "../../components/table-region.tsx";
import { codeLabel } from "../reference/code-labels.ts";
import { AuthorisationExpiry, PendingChangeBadge, StatusBadge } from "./status-badges.tsx";
import type { StructureSummary } from "./structure-api.ts";

export function StructureTable({ items, onDate }: { items: StructureSummary[]; onDate?: string }) {
  const { t } = useTranslation();
  const caption = t("structures.listCaption");
  return (
    <TableRegion label={caption}>
      <table className="table table-hover align-middle">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("structures.columns.code")}</th>
            <th scope="col">{t("structures.columns.name")}</th>
            <th scope="col">{t("structures.columns.comune")}</th>
            <th scope="col">{t("structures.columns.type")}</th>
            <th scope="col" className="text-end">
              {t("structures.columns.places")}
            </th>
            <th scope="col">{t("structures.columns.status")}</th>
            <th scope="col">{t("structures.columns.expiresOn")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.code ?? <span className="text-muted-accessible">{t("structures.noCode")}</span>}</td>
              <th scope="row" className="fw-normal">
                <Link to={onDate ? `/strutture/${item.id}?onDate=${onDate}` : `/strutture/${item.id}`}>
                  {item.name}
                </Link>
                {item.hasPendingChange && <PendingChangeBadge />}
              </th>
              <td>
                {item.comuneName
                  ? `${item.comuneName}${item.provinceAbbreviation ? ` (${item.provinceAbbreviation})` : ""}`
                  : item.comune}
              </td>
              <td>{codeLabel("nationalType", item.nationalType)}</td>
              <td className="text-end">
                {t("structures.placesValue", {
                  authorised: item.authorisedPlaces,
                  extra: item.emergencyExtraPlaces,
                })}
              </td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>
                <AuthorisationExpiry expiresOn={item.authorisationExpiresOn} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
