import { useState } from "react";
import { useTranslation } from "react-i18next";
import { roleLabels } from "../../../domain/access/roles.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { type Person, type PersonAction, usePersonAction } from "./users-api.ts";

/** The people the active role manages, with what it may do to each (the server decides again). */
export function UsersTable({
  users,
  isRegionAdmin,
  currentUserId,
}: {
  users: Person[];
  isRegionAdmin: boolean;
  currentUserId: string;
}) {
  const { t } = useTranslation();
  const act = usePersonAction();
  const [outcome, setOutcome] = useState<string | null>(null);
  const caption = t("users.caption");
  const run = (person: Person, action: PersonAction) => {
    setOutcome(null);
    act.mutate(
      { userId: person.id, action },
      {
        onSuccess: (result) => {
          const password = (result as { temporaryPassword?: string } | null)?.temporaryPassword;
          setOutcome(
            password
              ? t("access.people.temporaryPassword", { username: person.username, password })
              : t("access.people.done"),
          );
        },
      },
    );
  };
  return (
    <>
      <div aria-live="polite">
        {outcome && (
          <div className="alert alert-success" id="people-outcome">
            {outcome}
          </div>
        )}
      </div>
      {act.error && <ErrorAlert error={act.error} />}
      <TableRegion label={caption}>
        <table className="table table-sm">
          <caption className="caption-top">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.columns.username")}</th>
              <th scope="col">{t("users.columns.displayName")}</th>
              <th scope="col">{t("users.columns.roles")}</th>
              <th scope="col">{t("access.people.signIn")}</th>
              <th scope="col">{t("users.columns.active")}</th>
              <th scope="col">{t("access.people.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-username={user.username}>
                <th scope="row">{user.username}</th>
                <td>{user.displayName}</td>
                <td>
                  <ul className="list-unstyled mb-0">
                    {user.roles.map((role) => (
                      <li key={role.membershipId}>
                        {roleLabels[role.role]} – {role.organisationName}{" "}
                        {role.canRevoke && (
                          <button
                            type="button"
                            className="btn btn-link btn-sm p-0"
                            onClick={() =>
                              run(user, { kind: "revoke-role", membershipId: role.membershipId })
                            }
                          >
                            {t("access.people.revokeRole", { role: roleLabels[role.role] })}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {[
                    user.signsInWithProvider ? t("access.people.viaProvider") : null,
                    user.hasPassword ? t("access.people.viaPassword") : null,
                    user.hasSecondFactor ? t("access.people.secondFactor") : null,
                    user.mustChangePassword ? t("access.people.mustChange") : null,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </td>
                <td>{user.isActive ? t("common.yes") : t("common.no")}</td>
                <td>
                  <div className="d-flex flex-wrap gap-1">
                    {user.isManaged && (
                      <>
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          onClick={() => run(user, { kind: "password-reset" })}
                        >
                          {t("access.people.resetPassword")}
                          <span className="visually-hidden"> – {user.username}</span>
                        </button>
                        {user.hasSecondFactor && (
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            onClick={() => run(user, { kind: "second-factor-reset" })}
                          >
                            {t("access.people.resetSecondFactor")}
                            <span className="visually-hidden"> – {user.username}</span>
                          </button>
                        )}
                      </>
                    )}
                    {(user.isManaged || isRegionAdmin) && user.id !== currentUserId && (
                      <>
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          onClick={() => run(user, { kind: "status", active: !user.isActive })}
                        >
                          {user.isActive ? t("access.people.suspend") : t("access.people.reactivate")}
                          <span className="visually-hidden"> – {user.username}</span>
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          onClick={() => run(user, { kind: "close-sessions" })}
                        >
                          {t("access.people.closeSessions")}
                          <span className="visually-hidden"> – {user.username}</span>
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
