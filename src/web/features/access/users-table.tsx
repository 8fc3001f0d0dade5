import { useTranslation } from "react-i18next";
import { roleLabels } from "../../../domain/access/roles.ts";
import { TableRegion } from "../../components/table-region.tsx";
import type { UserSummary } from "./users-api.ts";

export function UsersTable({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation();
  const caption = t("users.caption");
  return (
    <TableRegion label={caption}>
      <table className="table table-sm">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.columns.username")}</th>
            <th scope="col">{t("users.columns.displayName")}</th>
            <th scope="col">{t("users.columns.roles")}</th>
            <th scope="col">{t("users.columns.active")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.username}</th>
              <td>{user.displayName}</td>
              <td>
                <ul className="list-unstyled mb-0">
                  {user.roles.map((role) => (
                    <li key={`${role.role}-${role.organisationCode}`}>
                      {roleLabels[role.role]} – {role.organisationName}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{user.isActive ? t("common.yes") : t("common.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
