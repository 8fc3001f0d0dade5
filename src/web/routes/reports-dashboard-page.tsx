import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { todayInRome } from "../../domain/time/calendar.ts";
import { PageHeader } from "../components/page-header.tsx";
import { DashboardFilters, type DashboardFilterValues } from "../features/reports/dashboard-filters.tsx";
import { sameDayYearBefore } from "../features/reports/headline-figures.ts";
import { HeadlineFiguresPanel, SectionIndex } from "../features/reports/headline-figures.tsx";
import { provinceOptions, yearBefore } from "../features/reports/report-periods.ts";
import { ReportSection } from "../features/reports/report-section.tsx";
import { useReport } from "../features/reports/reports-api.ts";
import { dateLabel } from "../features/stays/stay-codes.ts";

function paramsOf(values: DashboardFilterValues, today: string): Record<string, string> {
  const entries: [string, string][] = [
    ["giorno", values.date === today ? "" : values.date],
    ["anno", values.year === today.slice(0, 4) ? "" : values.year],
    ["zona", values.zone],
    ["provincia", values.province],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}

/**
 * "Monitoraggio minori fuori famiglia": the Region's and the observatory's dashboard. Each
 * section is a report of the catalogue, drawn as charts with their tables and files.
 */
export function ReportsDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInRome();
  const values = useMemo(
    () => ({
      date: params.get("giorno") || today,
      year: params.get("anno") || today.slice(0, 4),
      zone: params.get("zona") ?? "",
      province: params.get("provincia") ?? "",
    }),
    [params, today],
  );
  const territory = { zone: values.zone, province: values.province };
  const stockQuery = { date: values.date, ...territory };
  const yearQuery = { year: values.year, ...territory };
  const trendQuery = { from: yearBefore(values.date), to: values.date, ...territory };
  const stock = useReport("out-of-family-stock", stockQuery);
  const yearBeforeDay = sameDayYearBefore(values.date);
  const stockYearBefore = useReport("out-of-family-stock", { ...stockQuery, date: yearBeforeDay });
  const provinces = useMemo(() => {
    const options = provinceOptions(stock.data);
    const chosen = values.province;
    return chosen && !options.some((option) => option.value === chosen)
      ? [...options, { value: chosen, label: chosen }]
      : options;
  }, [stock.data, values.province]);
  const date = dateLabel(values.date);
  const sections = [
    { report: "out-of-family-stock", label: t("reports.sections.outOfFamily") },
    { report: "trend", label: t("reports.sections.trend") },
    { report: "occupancy", label: t("reports.sections.occupancy") },
    { report: "admissions", label: t("reports.sections.admissions") },
    { report: "discharges", label: t("reports.sections.discharges") },
  ].map((section) => ({ id: `section-${section.report}`, label: section.label }));

  return (
    <>
      <PageHeader title={t("reports.dashboard.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("reports.dashboard.intro")}</p>
        <p>
          <Link to="/report">{t("reports.dashboard.catalogueLink")}</Link>
        </p>
      </PageHeader>
      <DashboardFilters
        values={values}
        provinces={provinces}
        onApply={(next) => setParams(paramsOf(next, today))}
      />
      <HeadlineFiguresPanel
        current={stock.data}
        yearBefore={stockYearBefore.data}
        yearBeforeLabel={dateLabel(yearBeforeDay)}
      />
      <SectionIndex sections={sections} />
      <ReportSection
        report="out-of-family-stock"
        query={stockQuery}
        heading={t("reports.sections.outOfFamily")}
        intro={t("reports.sections.outOfFamilyIntro", { date })}
        withNotice
        indexId="dashboard-index"
      />
      <ReportSection
        report="trend"
        query={trendQuery}
        heading={t("reports.sections.trend")}
        intro={t("reports.sections.trendIntro", { from: dateLabel(trendQuery.from), to: date })}
        indexId="dashboard-index"
      />
      <ReportSection
        report="occupancy"
        query={stockQuery}
        heading={t("reports.sections.occupancy")}
        intro={t("reports.sections.occupancyIntro", { date })}
        indexId="dashboard-index"
      />
      <ReportSection
        report="admissions"
        query={yearQuery}
        heading={t("reports.sections.admissions")}
        intro={t("reports.sections.admissionsIntro", { year: values.year })}
        indexId="dashboard-index"
      />
      <ReportSection
        report="discharges"
        query={yearQuery}
        heading={t("reports.sections.discharges")}
        intro={t("reports.sections.dischargesIntro", { year: values.year })}
        indexId="dashboard-index"
      />
    </>
  );
}
