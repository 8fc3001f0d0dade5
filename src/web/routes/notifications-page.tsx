import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  NotificationKind,
  notificationKindLabels,
  notificationKinds,
} from "../../domain/notifications/notification-api.schema.ts";
import { formatItalianDate } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SelectField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import {
  type Notification,
  type NotificationFilter,
  useMarkNotificationRead,
  useNotifications,
} from "../features/cases/cases-api.ts";

function NotificationItem({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const mark = useMarkNotificationRead();
  return (
    <li className={`card card-bg shadow-sm mb-3${item.read ? "" : " border-start border-4 border-danger"}`}>
      <div className="card-body">
        <h2 className="h5 card-title mb-1">{item.title}</h2>
        <p className="mb-2">
          {t("cases.inbox.minor", { pseudonym: item.minorPseudonym })} ·{" "}
          {t("cases.inbox.day", { date: formatItalianDate(item.occurredOn) })}
        </p>
        <div className="d-flex flex-wrap gap-3 align-items-center">
          {item.caseId ? (
            <Link to={`/cartelle/${item.caseId}`}>{t("cases.inbox.openCase")}</Link>
          ) : item.structureId ? (
            <Link to={`/richieste-inserimento/${item.structureId}`}>
              {t("cases.inbox.openPlacementRequests")}
            </Link>
          ) : (
            <Link to={`/accoglienze/${item.stayId}`}>{t("cases.inbox.openStay")}</Link>
          )}
          {item.read ? (
            <span className="badge bg-secondary">{t("cases.inbox.isRead")}</span>
          ) : (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={mark.isPending}
              onClick={() => mark.mutate(item.id)}
            >
              {t("cases.inbox.markRead")}
            </button>
          )}
        </div>
        {mark.error && <ErrorAlert error={mark.error} />}
      </div>
    </li>
  );
}

/** The inbox: what happened to the minors in charge (or to the structure's stays), filtered. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<NotificationFilter>({ status: "unread" });
  const [draft, setDraft] = useState({ status: "unread", kind: "" });
  const list = useNotifications(filter);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const kind = NotificationKind.safeParse(draft.kind);
    setFilter({
      status: draft.status === "read" || draft.status === "unread" ? draft.status : undefined,
      kind: kind.success ? kind.data : undefined,
    });
  };
  return (
    <>
      <PageHeader title={t("cases.inbox.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("cases.inbox.intro")}</p>
      </PageHeader>
      <form onSubmit={apply} aria-label={t("cases.inbox.filters")} className="row align-items-end mb-4">
        <div className="col-12 col-md-4">
          <SelectField
            id="inbox-status"
            label={t("cases.inbox.status")}
            value={draft.status}
            options={[
              { value: "", label: t("cases.inbox.allStatuses") },
              { value: "unread", label: t("cases.inbox.unread") },
              { value: "read", label: t("cases.inbox.read") },
            ]}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="inbox-kind"
            label={t("cases.inbox.kind")}
            value={draft.kind}
            options={[
              { value: "", label: t("cases.inbox.allKinds") },
              ...notificationKinds.map((kind) => ({ value: kind, label: notificationKindLabels[kind] })),
            ]}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
          />
        </div>
        <div className="col-12 col-md-4 mb-3">
          <button type="submit" className="btn btn-primary">
            {t("cases.inbox.apply")}
          </button>
        </div>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p id="inbox-empty">{t("cases.inbox.empty")}</p>
      ) : (
        <ul className="list-unstyled" id="inbox-list">
          {list.data.items.map((item) => (
            <NotificationItem key={item.id} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}
