import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { todayInRome } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { LazyChart } from "../components/lazy-chart.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { TableRegion } from "../components/table-region.tsx";
import { occupancyOption } from "../features/places/places-charts.ts";
import { formatYearMonth } from "../features/registry/identity-labels.ts";
import { dateLabel } from "../features/stays/stay-codes.ts";
import { useOccupancy } from "../features/stays/stays-api.ts";
import { useStructure } from "../features/structures/structure-api.ts";

const shortMonth = new Intl.DateTimeFormat("it-IT", { month: "short", year: "numeric", timeZone: "UTC" });

function monthOf(day: string): string {
  return shortMonth.format(new Date(`${day}T00:00:00Z`));
}

/** The first day of the month 35 months before today's: three years of month ends, this one included. */
function threeYearsBefore(today: string): string {
  const [year, month] = today.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 - 35, 1)).toISOString().slice(0, 10);
}

/** A structure's present guests at each month end against its authorised places. */
export function OccupancyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const structure = useStructure(id);
  const today = todayInRome();
  const from = threeYearsBefore(today);
  const occupancy = useOccupancy(id, from, today);
  const name = structure.data?.summary.name;
  const crumbs = [
    { label: t("nav.home"), to: "/" },
    { label: t("nav.structures"), to: "/strutture" },
    ...(name ? [{ label: name, to: `/strutture/${id}` }] : []),
  ];
  const title = name ? t("stays.occupancy.titleOf", { name }) : t("stays.occupancy.title");
  const points = occupancy.data;
  const option = useMemo(
    () =>
      points
        ? occupancyOption(points, monthOf, {
            present: t("stays.occupancy.present"),
            authorisedPlaces: t("stays.occupancy.authorisedPlaces"),
          })
        : null,
    [points, t],
  );
  const range = { from: dateLabel(from), to: dateLabel(today) };
  const caption = t("stays.occupancy.caption", range);

  if (structure.isPending) return <Loading />;
  return (
    <>
      <PageHeader title={title} crumbs={crumbs}>
        <p>{t("stays.occupancy.intro")}</p>
      </PageHeader>
      {structure.error && <ErrorAlert error={structure.error} />}
      {occupancy.isPending && <Loading />}
      {occupancy.error && <ErrorAlert error={occupancy.error} />}
      {points && option && (
        <>
          <LazyChart id="occupancy-chart" option={option} label={t("stays.occupancy.chartLabel", range)} />
          <TableRegion label={caption}>
            <table className="table mt-4" id="occupancy-table">
              <caption className="caption-top">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("stays.occupancy.columns.month")}</th>
                  <th scope="col">{t("stays.occupancy.columns.day")}</th>
                  <th scope="col" className="text-end">
                    {t("stays.occupancy.columns.present")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("stays.occupancy.columns.authorisedPlaces")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.day}>
                    <th scope="row" className="fw-normal">
                      {formatYearMonth(point.day.slice(0, 7))}
                    </th>
                    <td>{dateLabel(point.day)}</td>
                    <td className="text-end">{point.present}</td>
                    <td className="text-end">{point.authorisedPlaces ?? t("common.none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </>
  );
}
