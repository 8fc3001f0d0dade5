import { Badge } from "design-react-kit";
import { useTranslation } from "react-i18next";
import { auditActions, auditResourceTypes } from "../../../domain/access/audit-codes.ts";
import { type Role, roleLabels } from "../../../domain/access/roles.ts";
import { labelOf } from "../../../domain/code-lists/code-list.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { i18n } from "../../i18n/setup.ts";
import { formatInstant } from "../structures/structure-history.tsx";
import type { AuditEntry } from "./audit-api.ts";

const outcomeColors: Record<string, string> = { success: "success", denied: "danger", failure: "warning" };

function labelOrCode(key: string, code: string): string {
  return i18n.exists(key) ? i18n.t(key as never) : code;
}

/**
 * Who acted, as a person reads it: the username; a machine client by its software's name; the
 * system's own jobs by what they are (never `sistema:…` codes).
 */
function actorOf(entry: AuditEntry): string {
  const username = entry.username;
  if (username === null) return i18n.t("audit.anonymous");
  if (entry.clientName) return i18n.t("audit.actors.client", { name: entry.clientName });
  if (username.startsWith("sistema:client:")) return i18n.t("audit.actors.unknownClient");
  if (username.startsWith("sistema:")) {
    const job = username.slice("sistema:".length);
    // `sistema:client` is the command line managing clients, not a client.
    return labelOrCode(
      `audit.actors.${job === "client" ? "client_cli" : job}`,
      i18n.t("audit.actors.system"),
    );
  }
  return username;
}

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const caption = t("audit.caption");
  return (
    <TableRegion label={caption}>
      <table className="table table-sm">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.columns.sequence")}</th>
            <th scope="col">{t("audit.columns.recordedAt")}</th>
            <th scope="col">{t("audit.columns.user")}</th>
            <th scope="col">{t("audit.columns.organisation")}</th>
            <th scope="col">{t("audit.columns.role")}</th>
            <th scope="col">{t("audit.columns.action")}</th>
            <th scope="col">{t("audit.columns.resource")}</th>
            <th scope="col">{t("audit.columns.purpose")}</th>
            <th scope="col">{t("audit.columns.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.sequence}>
              <th scope="row">{entry.sequence}</th>
              <td>{formatInstant(entry.recordedAt)}</td>
              <td>{actorOf(entry)}</td>
              <td>{entry.organisationCode ?? t("common.none")}</td>
              <td>{entry.role ? (roleLabels[entry.role as Role] ?? entry.role) : t("common.none")}</td>
              <td>{labelOf(auditActions, entry.action) ?? entry.action}</td>
              <td>
                {labelOf(auditResourceTypes, entry.resourceType) ?? entry.resourceType}
                {entry.minorPseudonym ? ` · ${entry.minorPseudonym}` : ""}
              </td>
              <td>
                {entry.purpose
                  ? labelOrCode(`audit.purposes.${entry.purpose}`, entry.purpose)
                  : t("common.none")}
              </td>
              <td>
                <Badge color={outcomeColors[entry.outcome] ?? "secondary"}>
                  {labelOrCode(`audit.outcomes.${entry.outcome}`, entry.outcome)}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
