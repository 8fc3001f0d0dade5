import { useTranslation } from "react-i18next";
import { breakGlassReviewStates } from "../../../domain/access/break-glass.schema.ts";
import { type Role, roleLabels } from "../../../domain/access/roles.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatInstant } from "../structures/structure-history.tsx";
import type { BreakGlassAccess, BreakGlassReviewItem } from "./break-glass-api.ts";

export function reviewStateLabel(state: string): string {
  return breakGlassReviewStates.find((entry) => entry.code === state)?.label ?? state;
}

/** One's own emergency accesses; a running one can be used to read the identity again. */
export function OwnAccessesTable({
  accesses,
  onRead,
}: {
  accesses: BreakGlassAccess[];
  onRead: (pseudonym: string) => void;
}) {
  const { t } = useTranslation();
  if (accesses.length === 0) return <p>{t("breakGlass.empty")}</p>;
  return (
    <TableRegion label={t("breakGlass.tableLabel")}>
      <table className="table table-striped">
        <thead>
          <tr>
            <th scope="col">{t("breakGlass.columns.pseudonym")}</th>
            <th scope="col">{t("breakGlass.columns.openedAt")}</th>
            <th scope="col">{t("breakGlass.columns.expiresAt")}</th>
            <th scope="col">{t("breakGlass.columns.state")}</th>
            <th scope="col">{t("breakGlass.columns.review")}</th>
            <th scope="col">{t("breakGlass.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {accesses.map((access) => (
            <tr key={access.id}>
              <td>
                <code>{access.pseudonym}</code>
              </td>
              <td>{formatInstant(access.openedAt)}</td>
              <td>{formatInstant(access.expiresAt)}</td>
              <td>{access.isActive ? t("breakGlass.active") : t("breakGlass.expired")}</td>
              <td>
                {reviewStateLabel(access.reviewState)}
                {access.reviewNote && <div className="small">{access.reviewNote}</div>}
              </td>
              <td>
                {access.isActive && (
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    onClick={() => onRead(access.pseudonym)}
                  >
                    {t("breakGlass.readIdentity")}
                    <span className="visually-hidden"> {access.pseudonym}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The auditor's queue: who, in which role, which minor, why, what was read; decide on a row. */
export function ReviewTable({
  items,
  onDecide,
}: {
  items: BreakGlassReviewItem[];
  onDecide: (item: BreakGlassReviewItem) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t("breakGlass.reviews.empty")}</p>;
  return (
    <TableRegion label={t("breakGlass.reviews.tableLabel")}>
      <table className="table table-striped">
        <thead>
          <tr>
            <th scope="col">{t("breakGlass.columns.requester")}</th>
            <th scope="col">{t("breakGlass.columns.role")}</th>
            <th scope="col">{t("breakGlass.columns.pseudonym")}</th>
            <th scope="col">{t("breakGlass.columns.openedAt")}</th>
            <th scope="col">{t("breakGlass.columns.reason")}</th>
            <th scope="col">{t("breakGlass.columns.reads")}</th>
            <th scope="col">{t("breakGlass.columns.review")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.displayName} <span className="small">({item.username})</span>
              </td>
              <td>
                {roleLabels[item.role as Role] ?? item.role} – {item.organisationName}
              </td>
              <td>
                <code>{item.pseudonym}</code>
              </td>
              <td>{formatInstant(item.openedAt)}</td>
              <td className="text-wrap">{item.reason}</td>
              <td>{item.identityReads}</td>
              <td>
                {item.reviewState === "pending" ? (
                  <button type="button" className="btn btn-primary btn-sm" onClick={() => onDecide(item)}>
                    {t("breakGlass.reviews.confirm")}
                    <span className="visually-hidden"> {item.username}</span>
                  </button>
                ) : (
                  <>
                    {reviewStateLabel(item.reviewState)}
                    {item.reviewNote && <div className="small">{item.reviewNote}</div>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
