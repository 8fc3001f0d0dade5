import { useTranslation } from "react-i18next";
import { TableRegion } from "../../components/table-region.tsx";
import type { AccessPolicy } from "./access-policy-api.ts";

/** The access protocol as a table: one row per action, one column per role, the scope in each cell. */
export function AccessPolicyTable({ policy }: { policy: AccessPolicy }) {
  const { t } = useTranslation();
  const caption = t("protocol.caption");
  return (
    <TableRegion label={caption}>
      <table className="table table-bordered table-sm access-policy">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("protocol.action")}</th>
            {policy.roles.map((role) => (
              <th scope="col" key={role.code}>
                {role.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {policy.rules.map((rule) => (
            <tr key={rule.action}>
              <th scope="row">{rule.label}</th>
              {policy.roles.map((role) => {
                const scope = rule.scopes.find((entry) => entry.role === role.code);
                return (
                  <td key={role.code}>
                    {scope ? (
                      scope.scopeLabel
                    ) : (
                      <>
                        <span aria-hidden="true">{t("common.none")}</span>
                        <span className="visually-hidden">{t("common.notAllowed")}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
