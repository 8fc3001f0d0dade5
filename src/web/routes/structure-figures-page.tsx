import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { todayInRome } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { ProcuraDownload } from "../features/reports/procura-download.tsx";
import { ReportSection } from "../features/reports/report-section.tsx";
import type { ReportTableResponse } from "../features/reports/reports-api.ts";
import { dateLabel } from "../features/stays/stay-codes.ts";
import { useStructureChoices } from "../features/stays/stays-api.ts";
import { StructureSwitcher } from "../features/stays/structure-switcher.tsx";

/** Of the stock, a structure needs its guests by age and sex, not the regional breakdowns. */
/** Of the stock, the structure's guests by age: the residential tables, not foster care's. */
const isAgeTable = (table: ReportTableResponse) =>
  table.dimensions.some((dimension) => dimension.startsWith("ageClass")) &&
  table.slice?.setting !== "foster-care" &&
  !table.dimensions.includes("setting");
/** Of the places, the structure's own row, not the totals of every zone. */
const isStructureTable = (table: ReportTableResponse) => table.dimensions.includes("structure");

/**
 * A structure's own figures for its manager and operators: places, guests by age class and sex,
 * admissions and discharges of the year; and, for the manager, the Procura list.
 */
export function StructureFiguresPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const choices = useStructureChoices();
  const ownId = session?.active?.structureId ?? null;
  const all = choices.data ?? [];
  const own = ownId ? all.filter((choice) => choice.id === ownId) : all;
  const code = params.get("struttura") ?? own[0]?.code ?? "";
  const structure = own.find((choice) => choice.code === code);
  const today = todayInRome();
  const year = today.slice(0, 4);
  const title = structure
    ? t("reports.structure.titleOf", { name: structure.name })
    : t("reports.structure.title");
  const canDownloadProcura = can(session?.active, "report.procura");

  return (
    <>
      <PageHeader title={title} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("reports.structure.intro")}</p>
      </PageHeader>
      {choices.isPending && <Loading />}
      {choices.error && <ErrorAlert error={choices.error} />}
      {choices.data && own.length === 0 && <p>{t("reports.structure.none")}</p>}
      {own.length > 1 && (
        <StructureSwitcher
          choices={own}
          value={structure?.id ?? ""}
          onChoose={(id) => setParams({ struttura: own.find((choice) => choice.id === id)?.code ?? "" })}
          submitLabel={t("reports.structure.show")}
        />
      )}
      {structure && (
        <>
          <ReportSection
            report="occupancy"
            query={{ date: today, structure: structure.code }}
            heading={t("reports.sections.occupancy")}
            intro={t("reports.sections.structureOccupancyIntro", { date: dateLabel(today) })}
            withNotice
            tableFilter={isStructureTable}
          />
          <ReportSection
            report="out-of-family-stock"
            query={{ date: today, structure: structure.code }}
            heading={t("reports.sections.stock")}
            intro={t("reports.sections.stockIntro", { date: dateLabel(today) })}
            tableFilter={isAgeTable}
          />
          <ReportSection
            report="admissions"
            query={{ year, structure: structure.code }}
            heading={t("reports.sections.admissions")}
            intro={t("reports.sections.admissionsIntro", { year })}
          />
          <ReportSection
            report="discharges"
            query={{ year, structure: structure.code }}
            heading={t("reports.sections.discharges")}
            intro={t("reports.sections.dischargesIntro", { year })}
          />
          <ProcuraDownload
            key={structure.code}
            structures={own}
            initialStructure={structure.code}
            canDownload={canDownloadProcura}
          />
        </>
      )}
    </>
  );
}
