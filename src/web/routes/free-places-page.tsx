import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { todayInRome } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { LazyChart } from "../components/lazy-chart.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { placesByZoneOption } from "../features/places/places-charts.ts";
import { csvOf, downloadText } from "../features/places/places-csv.ts";
import { PlacesFilters, type PlacesFilterValues } from "../features/places/places-filters.tsx";
import { PlacesTotalsTable, StructurePlacesTable } from "../features/places/places-tables.tsx";
import { codeLabel } from "../features/reference/code-labels.ts";
import { dateLabel } from "../features/stays/stay-codes.ts";
import { type FreePlaces, type FreePlacesFilter, useFreePlaces } from "../features/stays/stays-api.ts";

function paramsOf(values: PlacesFilterValues, today: string): Record<string, string> {
  const entries: [string, string][] = [
    ["giorno", values.date === today ? "" : values.date],
    ["zona", values.zone],
    ["tipologia", values.nationalType],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

/** Free places on a day, per structure, zone and national type, as tables, a chart and a CSV. */
export function FreePlacesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInRome();
  const values = useMemo(
    () => ({
      date: params.get("giorno") || today,
      zone: params.get("zona") ?? "",
      nationalType: params.get("tipologia") ?? "",
    }),
    [params, today],
  );
  const places = useFreePlaces({
    date: values.date,
    zone: values.zone || undefined,
    nationalType: (values.nationalType || undefined) as FreePlacesFilter["nationalType"],
  });
  const typeLabel = (code: string) => codeLabel("nationalType", code);
  const date = dateLabel(values.date);
  const data = places.data;
  const chartOption = useMemo(
    () =>
      data
        ? placesByZoneOption(data.byZone, {
            occupied: t("stays.places.occupied"),
            free: t("stays.places.columns.free"),
          })
        : null,
    [data, t],
  );

  const download = (rows: FreePlaces["structures"]) => {
    const header = [
      t("stays.places.columns.code"),
      t("stays.places.columns.name"),
      t("stays.places.columns.zone"),
      t("stays.places.columns.type"),
      t("stays.places.columns.authorisedPlaces"),
      t("stays.places.columns.emergencyExtraPlaces"),
      t("stays.places.columns.present"),
      t("stays.places.columns.free"),
    ];
    const body = rows.map((row) => [
      row.code,
      row.name,
      row.zoneName,
      typeLabel(row.nationalType),
      row.authorisedPlaces,
      row.emergencyExtraPlaces,
      row.present,
      row.free,
    ]);
    downloadText(t("stays.places.fileName", { date: values.date }), csvOf(header, body));
  };

  return (
    <>
      <PageHeader title={t("stays.places.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("stays.places.intro")}</p>
      </PageHeader>
      <PlacesFilters values={values} onApply={(next) => setParams(paramsOf(next, today))} />
      {places.isPending && <Loading />}
      {places.error && <ErrorAlert error={places.error} />}
      {data && (
        <>
          <section aria-labelledby="places-structures-heading" className="mb-5">
            <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
              <h2 id="places-structures-heading" className="h4 mb-0">
                {t("stays.places.structuresHeading")}
              </h2>
              {data.structures.length > 0 && (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  onClick={() => download(data.structures)}
                >
                  {t("stays.places.download")}
                </button>
              )}
            </div>
            {data.structures.length === 0 ? (
              <p>{t("stays.places.empty")}</p>
            ) : (
              <StructurePlacesTable
                rows={data.structures}
                caption={t("stays.places.structuresCaption", { date })}
                typeLabel={typeLabel}
              />
            )}
          </section>
          {data.byZone.length > 0 && chartOption && (
            <section aria-labelledby="places-chart-heading" className="mb-5">
              <h2 id="places-chart-heading" className="h4">
                {t("stays.places.chartHeading")}
              </h2>
              <LazyChart
                id="places-chart"
                option={chartOption}
                label={t("stays.places.chartLabel", { date })}
              />
            </section>
          )}
          <section aria-labelledby="places-zone-heading" className="mb-5">
            <h2 id="places-zone-heading" className="h4">
              {t("stays.places.byZoneHeading")}
            </h2>
            <PlacesTotalsTable
              id="free-places-zones"
              rows={data.byZone}
              total={data.total}
              caption={t("stays.places.byZoneCaption", { date })}
              keyHeader={t("stays.places.columns.zone")}
            />
          </section>
          <section aria-labelledby="places-type-heading">
            <h2 id="places-type-heading" className="h4">
              {t("stays.places.byTypeHeading")}
            </h2>
            <PlacesTotalsTable
              id="free-places-types"
              rows={data.byNationalType}
              total={data.total}
              caption={t("stays.places.byTypeCaption", { date })}
              keyHeader={t("stays.places.columns.type")}
              keyLabel={typeLabel}
            />
          </section>
        </>
      )}
    </>
  );
}
