import { useTranslation } from "react-i18next";
import { TableRegion } from "../../components/table-region.tsx";
import { useFieldLabels } from "./field-labels.ts";
import { recordFields, useRecordValue } from "./record-values.tsx";
import type { StructureChange } from "./structure-api.ts";

/** Current and proposed values side by side, for the fields a change touches. */
export function ChangeComparison({ change }: { change: StructureChange }) {
  const { t } = useTranslation();
  const { labelOf } = useFieldLabels();
  const formatValue = useRecordValue();
  if (change.kind === "registration" && change.changedFields.length === 0) {
    const caption = t("approvals.registrationCaption", { name: change.structureName });
    return (
      <TableRegion label={caption}>
        <table className="table table-sm">
          <caption className="caption-top">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("approvals.field")}</th>
              <th scope="col">{t("approvals.proposed")}</th>
            </tr>
          </thead>
          <tbody>
            {recordFields.map((field) => (
              <tr key={field}>
                <th scope="row">{labelOf(field)}</th>
                <td>{formatValue(field, change.proposed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    );
  }
  const caption = t("approvals.compareCaption", { name: change.structureName });
  return (
    <TableRegion label={caption}>
      <table className="table table-sm">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("approvals.field")}</th>
            <th scope="col">{t("approvals.current")}</th>
            <th scope="col">{t("approvals.proposed")}</th>
          </tr>
        </thead>
        <tbody>
          {change.changedFields.map((field) => (
            <tr key={field}>
              <th scope="row">{labelOf(field)}</th>
              <td>{formatValue(field, change.current)}</td>
              <td className="fw-semibold">{formatValue(field, change.proposed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
