import { useTranslation } from "react-i18next";
import { type Figure, type HeadlineFigures, headlineFigures } from "./headline-figures.ts";
import { formatMeasure } from "./report-labels.ts";
import type { ReportResultResponse } from "./reports-api.ts";

const signed = new Intl.NumberFormat("it-IT", { signDisplay: "exceptZero", maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat("it-IT", {
  style: "percent",
  signDisplay: "exceptZero",
  maximumFractionDigits: 1,
});

function FigureCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="headline-figure flex-fill p-3 border rounded">
      <dt className="small fw-normal mb-1">{label}</dt>
      <dd className="h3 mb-0">{value}</dd>
      {detail && <dd className="small mb-0">{detail}</dd>}
    </div>
  );
}

/**
 * The figures *Monitoraggio* opens with: today's total, the change on a year before, the share in
 * foster care, MSNA and young adults of 18–21. A withheld figure says so rather than guessing it.
 */
export function HeadlineFiguresPanel({
  current,
  yearBefore,
  yearBeforeLabel,
}: {
  current: ReportResultResponse | undefined;
  yearBefore: ReportResultResponse | undefined;
  yearBeforeLabel: string;
}) {
  const { t } = useTranslation();
  const figures: HeadlineFigures = headlineFigures(current, yearBefore);
  const count = (value: Figure) =>
    value === null ? t("reports.headline.withheld") : formatMeasure("count", value);
  const change =
    figures.change === null
      ? t("reports.headline.withheld")
      : figures.changeShare === null
        ? signed.format(figures.change)
        : `${signed.format(figures.change)} (${signedPercent.format(figures.changeShare)})`;
  return (
    <section aria-labelledby="headline-heading" className="mb-4" id="section-headline">
      <h2 id="headline-heading" className="visually-hidden">
        {t("reports.headline.title")}
      </h2>
      <dl className="d-flex flex-wrap gap-3 mb-0" data-testid="headline-figures">
        <FigureCard label={t("reports.headline.total")} value={count(figures.total)} />
        <FigureCard
          label={t("reports.headline.change")}
          value={change}
          detail={t("reports.headline.changeDetail", {
            date: yearBeforeLabel,
            figure: count(figures.totalYearBefore),
          })}
        />
        {figures.fosterShare !== null && (
          <FigureCard
            label={t("reports.headline.fosterShare")}
            value={formatMeasure("share", figures.fosterShare)}
          />
        )}
        <FigureCard label={t("reports.headline.msna")} value={count(figures.msna)} />
        <FigureCard label={t("reports.headline.youngAdults")} value={count(figures.youngAdults)} />
      </dl>
    </section>
  );
}

/** The index of the dashboard's sections: a long page a reader can jump through. */
export function SectionIndex({ sections }: { sections: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="dashboard-index-heading" className="mb-4" id="dashboard-index">
      <h2 id="dashboard-index-heading" className="h5">
        {t("reports.headline.index")}
      </h2>
      <ul className="link-list list-inline mb-0">
        {sections.map((section) => (
          <li key={section.id} className="list-inline-item me-3">
            <a href={`#${section.id}`}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
