import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SelectField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import {
  type SinbaEnteSummary,
  type SinbaFlowFilter,
  useSinbaEnti,
  useSinbaFlows,
  useSinbaNotSendable,
} from "../features/sinba/sinba-api.ts";
import { SinbaFlowsExport, SinbaFlowsTable } from "../features/sinba/sinba-flows-table.tsx";
import { outcomeStatuses } from "../features/sinba/sinba-links.ts";
import { SinbaNotSendable } from "../features/sinba/sinba-not-sendable.tsx";

type Section = "answered" | "waiting" | "notSendable";
const pageSize = 20;

function Counts({ summary }: { summary: SinbaEnteSummary | undefined }) {
  const { t } = useTranslation();
  if (!summary) return null;
  const keys = ["waiting", ...outcomeStatuses, "notSendable"] as const;
  return (
    <section aria-label={t("sinba.page.counts")} className="mb-4">
      <ul className="list-inline mb-0" id="sinba-counts">
        {keys.map((key) => (
          <li key={key} className="list-inline-item me-4">
            <span className="fw-semibold">{t(`sinba.status.${key}`)}</span>:{" "}
            <span data-count={key}>{summary.counts[key]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Flows({ ente, section }: { ente: string | undefined; section: "answered" | "waiting" }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const [offset, setOffset] = useState(0);
  const chosen = outcomeStatuses.find((candidate) => candidate === status);
  const filter: SinbaFlowFilter = {
    status: section === "waiting" ? "waiting" : (chosen ?? "answered"),
    ente,
    limit: pageSize,
    offset,
  };
  const flows = useSinbaFlows(filter);
  const label = t(`sinba.tabs.${section}`);
  return (
    <>
      <div className="row align-items-end mb-3">
        {section === "answered" && (
          <div className="col-12 col-md-4">
            <SelectField
              id="sinba-status"
              label={t("sinba.flows.filter")}
              value={status}
              options={[
                { value: "", label: t("sinba.status.answered") },
                ...outcomeStatuses.map((value) => ({ value, label: t(`sinba.outcome.${value}`) })),
              ]}
              onChange={(event) => {
                setStatus(event.target.value);
                setOffset(0);
              }}
            />
          </div>
        )}
        <div className="col-12 col-md-4 mb-3">
          <SinbaFlowsExport filter={{ status: filter.status, ente }} section={section} />
        </div>
      </div>
      {flows.isPending ? (
        <Loading />
      ) : flows.error ? (
        <ErrorAlert error={flows.error} />
      ) : (
        <>
          <p>{t("sinba.flows.total", { count: flows.data.total })}</p>
          <SinbaFlowsTable items={flows.data.items} section={label} />
          {flows.data.total > pageSize && (
            <nav aria-label={label} className="d-flex gap-3 align-items-center">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - pageSize))}
              >
                {t("sinba.flows.previous")}
              </button>
              <span>
                {t("sinba.flows.pageOf", {
                  from: offset + 1,
                  to: Math.min(offset + pageSize, flows.data.total),
                  total: flows.data.total,
                })}
              </span>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={offset + pageSize >= flows.data.total}
                onClick={() => setOffset(offset + pageSize)}
              >
                {t("sinba.flows.next")}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function NotSendable({ ente }: { ente: string | undefined }) {
  const list = useSinbaNotSendable(ente);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return <SinbaNotSendable items={list.data} />;
}

/** The SINBA flow of a service (or, for the Region, of the ente in `?ente=`). */
export function SinbaPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const ente = search.get("ente") ?? undefined;
  const [section, setSection] = useState<Section>("answered");
  const enti = useSinbaEnti();
  const summary = ente ? enti.data?.find((item) => item.organisationId === ente) : enti.data?.[0];
  const sections: Section[] = ["answered", "waiting", "notSendable"];
  return (
    <>
      <PageHeader
        title={ente && summary ? `${t("sinba.page.title")} · ${summary.name}` : t("sinba.page.title")}
        crumbs={[
          { label: t("nav.home"), to: "/" },
          ...(ente ? [{ label: t("nav.sinbaEnti"), to: "/flusso-sinba/enti" }] : []),
        ]}
      >
        <p>{t("sinba.page.intro")}</p>
      </PageHeader>
      {enti.error ? <ErrorAlert error={enti.error} /> : <Counts summary={summary} />}
      <ul className="nav nav-tabs mb-3" aria-label={t("sinba.tabs.label")}>
        {sections.map((candidate) => (
          <li key={candidate} className="nav-item">
            <button
              type="button"
              className={`nav-link${candidate === section ? " active" : ""}`}
              aria-current={candidate === section ? "page" : undefined}
              onClick={() => setSection(candidate)}
            >
              {t(`sinba.tabs.${candidate}`)}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="h4">{t(`sinba.tabs.${section}`)}</h2>
      {section === "notSendable" ? (
        <NotSendable ente={ente} />
      ) : (
        <Flows key={section} ente={ente} section={section} />
      )}
    </>
  );
}
