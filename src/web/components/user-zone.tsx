import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { roleLabels } from "../../domain/access/roles.ts";
import {
  type Membership,
  useChooseMembership,
  useLogOut,
  useSession,
} from "../features/access/session-api.ts";

export function membershipLabel(membership: Membership): string {
  return `${roleLabels[membership.role]} – ${membership.organisationName}`;
}

/** Who is logged in, in which role and organisation; role switcher and logout. */
export function UserZone() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const logOut = useLogOut();
  const choose = useChooseMembership();
  const [chosen, setChosen] = useState("");

  if (!session) return null;

  const onSwitch = (event: FormEvent) => {
    event.preventDefault();
    const membershipId = chosen || session.active?.membershipId;
    if (!membershipId || membershipId === session.active?.membershipId) return;
    choose.mutate(membershipId, { onSuccess: () => navigate("/") });
  };
  const onLogOut = () => logOut.mutate();

  return (
    <div className="it-header-slim-right-zone user-zone d-flex flex-wrap align-items-center gap-3 text-white">
      <span>{t("header.signedInAs", { name: session.user.displayName })}</span>
      {session.active && session.memberships.length <= 1 && <span>{membershipLabel(session.active)}</span>}
      {session.memberships.length > 1 && (
        <form className="d-flex align-items-center gap-2" onSubmit={onSwitch}>
          <label htmlFor="active-membership" className="mb-0">
            {t("header.switchRole")}
          </label>
          <select
            id="active-membership"
            className="form-select form-select-sm w-auto"
            value={chosen || session.active?.membershipId || ""}
            onChange={(event) => setChosen(event.target.value)}
          >
            {!session.active && <option value="">—</option>}
            {session.memberships.map((membership) => (
              <option key={membership.membershipId} value={membership.membershipId}>
                {membershipLabel(membership)}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-sm btn-outline-light" disabled={choose.isPending}>
            {t("header.switchRoleSubmit")}
          </button>
        </form>
      )}
      {session.active && (
        <Link className="text-white" to="/sessioni">
          {t("access.sessions.link")}
        </Link>
      )}
      <button
        type="button"
        className="btn btn-sm btn-outline-light"
        onClick={onLogOut}
        disabled={logOut.isPending}
      >
        {t("header.logout")}
      </button>
    </div>
  );
}
