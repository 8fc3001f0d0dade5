import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CursorPager } from "../components/cursor-pager.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { useAuthorisationWarningDays } from "../features/settings/settings-api.ts";
import {
  type StructureFilter,
  structuresPageSize,
  useStructures,
} from "../features/structures/structure-api.ts";
import { StructureFilters, type StructureFilterValues } from "../features/structures/structure-filters.tsx";
import { StructureTable } from "../features/structures/structure-table.tsx";

function filterValuesOf(params: URLSearchParams): StructureFilterValues {
  return {
    q: params.get("q") ?? "",
    zone: params.get("zona") ?? "",
    nationalType: params.get("tipologia") ?? "",
    status: params.get("stato") ?? "",
    expiring: params.get("inScadenza") === "1",
    onDate: params.get("giorno") ?? "",
  };
}

function paramsOf(values: StructureFilterValues, cursor?: string): Record<string, string> {
  const entries: [string, string][] = [
    ["q", values.q.trim()],
    ["zona", values.zone],
    ["tipologia", values.nationalType],
    ["stato", values.status],
    ["inScadenza", values.expiring ? "1" : ""],
    ["giorno", values.onDate],
    ["da", cursor ?? ""],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

export function StructuresPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filterValuesOf(params), [params]);
  const cursor = params.get("da") ?? undefined;
  const warningDays = useAuthorisationWarningDays();
  const filter: StructureFilter = {
    q: values.q || undefined,
    zone: values.zone || undefined,
    nationalType: (values.nationalType || undefined) as StructureFilter["nationalType"],
    status: (values.status || undefined) as StructureFilter["status"],
    expiringWithinDays: values.expiring ? warningDays : undefined,
    onDate: values.onDate || undefined,
    cursor,
  };
  // The expiry filter waits for the instance's warning days rather than listing everything first.
  const structures = useStructures(filter, !values.expiring || warningDays !== undefined);
  const offset = cursor ? Number(cursor) : 0;

  return (
    <>
      <PageHeader title={t("structures.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        {can(session?.active, "structure.register") && (
          <Link to="/strutture/nuova" className="btn btn-primary">
            {t("structures.newStructure")}
          </Link>
        )}
      </PageHeader>
      <StructureFilters values={values} onApply={(next) => setParams(paramsOf(next))} />
      {structures.isPending && <Loading />}
      {structures.error && <ErrorAlert error={structures.error} />}
      {structures.data && (
        <section aria-labelledby="structures-results">
          <h2 id="structures-results" className="h5" aria-live="polite">
            {t("structures.total", { count: structures.data.total })}
          </h2>
          {structures.data.items.length === 0 ? (
            <p>{t("structures.empty")}</p>
          ) : (
            <StructureTable items={structures.data.items} onDate={values.onDate || undefined} />
          )}
          <CursorPager
            page={Math.floor(offset / structuresPageSize) + 1}
            hasPrevious={offset > 0}
            hasNext={structures.data.nextCursor !== null}
            onPrevious={() =>
              setParams(
                paramsOf(
                  values,
                  offset - structuresPageSize > 0 ? String(offset - structuresPageSize) : undefined,
                ),
              )
            }
            onNext={() => setParams(paramsOf(values, structures.data.nextCursor ?? undefined))}
          />
        </section>
      )}
    </>
  );
}
