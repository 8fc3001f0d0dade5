import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CursorPager } from "../components/cursor-pager.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { type AuditFilter, instantOf, useAuditEntries } from "../features/audit/audit-api.ts";
import { AuditFilters, type AuditFilterValues } from "../features/audit/audit-filters.tsx";
import { AuditTable } from "../features/audit/audit-table.tsx";
import { ChainVerification } from "../features/audit/chain-verification.tsx";

const parameterNames: Record<keyof AuditFilterValues, string> = {
  from: "dal",
  to: "al",
  action: "azione",
  username: "utente",
  outcome: "esito",
};

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const values = useMemo<AuditFilterValues>(
    () => ({
      from: params.get(parameterNames.from) ?? "",
      to: params.get(parameterNames.to) ?? "",
      action: params.get(parameterNames.action) ?? "",
      username: params.get(parameterNames.username) ?? "",
      outcome: params.get(parameterNames.outcome) ?? "",
    }),
    [params],
  );
  // Cursors of the pages already seen, so that "newer" can go back.
  const [cursors, setCursors] = useState<number[]>([]);
  const cursor = cursors.at(-1);
  const entries = useAuditEntries({
    from: instantOf(values.from),
    to: instantOf(values.to, true),
    action: values.action || undefined,
    username: values.username.trim() || undefined,
    outcome: (values.outcome || undefined) as AuditFilter["outcome"],
    cursor,
  });

  const apply = (next: AuditFilterValues) => {
    setCursors([]);
    const entriesOf = Object.entries(next) as [keyof AuditFilterValues, string][];
    setParams(
      Object.fromEntries(
        entriesOf
          .filter(([, value]) => value.trim() !== "")
          .map(([key, value]) => [parameterNames[key], value]),
      ),
    );
  };

  return (
    <>
      <PageHeader title={t("audit.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("audit.intro")}</p>
      </PageHeader>
      <ChainVerification />
      <AuditFilters values={values} onApply={apply} />
      {entries.isPending && <Loading />}
      {entries.error && <ErrorAlert error={entries.error} />}
      {entries.data &&
        (entries.data.items.length === 0 ? (
          <p>{t("audit.empty")}</p>
        ) : (
          <AuditTable items={entries.data.items} />
        ))}
      {entries.data && (
        <CursorPager
          page={cursors.length + 1}
          hasPrevious={cursors.length > 0}
          hasNext={entries.data.nextCursor !== null}
          previousLabel={t("audit.newer")}
          nextLabel={t("audit.older")}
          onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
          onNext={() => {
            const next = entries.data?.nextCursor;
            if (next) setCursors((stack) => [...stack, next]);
          }}
        />
      )}
    </>
  );
}
