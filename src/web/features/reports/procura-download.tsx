import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { SelectField } from "../../components/form-fields.tsx";
import type { StructureChoice } from "../stays/stays-api.ts";
import { recentSemesters, semesterOf } from "./report-periods.ts";
import { reportFileUrl } from "./reports-api.ts";

/**
 * The six-monthly list for the Procura minorile: the structure and the semester, then a plain
 * link to the PDF or the XLSX. The list names minors, so the server writes every download in the
 * access log with the purpose "legal obligation"; the page says so before the link.
 */
export function ProcuraDownload({
  structures,
  initialStructure,
  canDownload,
}: {
  structures: StructureChoice[];
  initialStructure: string;
  canDownload: boolean;
}) {
  const { t } = useTranslation();
  const today = todayInRome();
  const [structure, setStructure] = useState(initialStructure || structures[0]?.code || "");
  const [semester, setSemester] = useState(semesterOf(today));
  const auditNoteId = useId();
  const query = { structure, semester };
  return (
    <section aria-labelledby="procura-heading" className="mb-5" id="procura">
      <h2 id="procura-heading" className="h3">
        {t("reports.structure.procura")}
      </h2>
      <p>{t("reports.structure.procuraIntro")}</p>
      {!canDownload ? (
        <p className="alert alert-info">{t("reports.structure.procuraManagerOnly")}</p>
      ) : (
        <>
          <div className="row g-3">
            <div className="col-12 col-md-6">
              <SelectField
                id="procura-structure"
                label={t("reports.parameters.structure")}
                options={structures.map((choice) => ({
                  value: choice.code,
                  label: `${choice.name} (${choice.code})`,
                }))}
                value={structure}
                onChange={(event) => setStructure(event.target.value)}
              />
            </div>
            <div className="col-12 col-md-6">
              <SelectField
                id="procura-semester"
                label={t("reports.parameters.semester")}
                options={recentSemesters(today, 2).map((entry) => ({
                  value: entry.value,
                  label: t(entry.half === 1 ? "reports.semester.first" : "reports.semester.second", {
                    year: entry.year,
                  }),
                }))}
                value={semester}
                onChange={(event) => setSemester(event.target.value)}
              />
            </div>
          </div>
          <p className="alert alert-warning" id={auditNoteId}>
            {t("reports.structure.procuraAudit")}
          </p>
          {structure && (
            <ul className="list-inline" id="procura-downloads">
              <li className="list-inline-item">
                <a
                  className="btn btn-primary"
                  href={reportFileUrl("procura-list", query, "pdf")}
                  download
                  data-format="pdf"
                  aria-describedby={auditNoteId}
                >
                  {t("reports.structure.procuraPdf")}
                </a>
              </li>
              <li className="list-inline-item">
                <a
                  className="btn btn-outline-primary"
                  href={reportFileUrl("procura-list", query, "xlsx")}
                  download
                  data-format="xlsx"
                  aria-describedby={auditNoteId}
                >
                  {t("reports.structure.procuraXlsx")}
                </a>
              </li>
            </ul>
          )}
        </>
      )}
    </section>
  );
}
