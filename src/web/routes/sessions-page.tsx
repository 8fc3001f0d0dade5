import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { TableRegion } from "../components/table-region.tsx";
import { useMySessions, useRevokeSession } from "../features/access/login-steps-api.ts";

const when = (instant: string) =>
  new Date(instant).toLocaleString("it-IT", {
    timeZone: "Europe/Rome",
    dateStyle: "short",
    timeStyle: "short",
  });

/** One's own open sessions, each closable (a forgotten browser, another device). */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const caption = t("access.sessions.caption");
  return (
    <>
      <PageHeader title={t("access.sessions.title")} crumbs={[{ label: t("nav.home"), to: "/" }]} />
      {sessions.isPending && <Loading />}
      {sessions.error && <ErrorAlert error={sessions.error} />}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {sessions.data && sessions.data.length === 0 && <p>{t("access.sessions.none")}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <TableRegion label={caption}>
          <table className="table table-sm">
            <caption className="caption-top">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("access.sessions.created")}</th>
                <th scope="col">{t("access.sessions.lastSeen")}</th>
                <th scope="col">{t("access.sessions.method")}</th>
                <th scope="col">{t("access.sessions.level")}</th>
                <th scope="col">{t("access.sessions.device")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("access.people.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr key={session.id}>
                  <th scope="row">{when(session.createdAt)}</th>
                  <td>{when(session.lastSeenAt)}</td>
                  <td>{t(`access.sessions.methods.${session.authMethod}`)}</td>
                  <td>{session.authenticationLevel}</td>
                  <td>{session.userAgent ?? "—"}</td>
                  <td>
                    {session.current ? (
                      t("access.sessions.current")
                    ) : (
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-danger"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(session.id)}
                      >
                        {t("access.sessions.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
