import { Badge } from "design-react-kit";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { formatInstant } from "../structures/structure-history.tsx";
import { ReasonForm } from "./reason-form.tsx";
import { type MinorMerge, useUndoMerge } from "./registry-api.ts";

/** PostgreSQL's text form of a timestamp ("2025-01-31 10:20:30.1+00") as an instant. */
export function formatTimestamp(value: string): string {
  const iso = value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? value : formatInstant(instant.toISOString());
}

function MinorLink({ pseudonym }: { pseudonym: string }) {
  return <Link to={`/anagrafe/minori/${encodeURIComponent(pseudonym)}`}>{pseudonym}</Link>;
}

/** The merges, most recent first; one still in force can be undone with a reason. */
export function MergesTable({
  merges,
  onUndone,
}: {
  merges: MinorMerge[];
  onUndone: (merge: MinorMerge) => void;
}) {
  const { t } = useTranslation();
  const undo = useUndoMerge();
  const [undoing, setUndoing] = useState<MinorMerge | null>(null);
  const caption = t("registry.merges.caption");

  const submit = (reason: string) => {
    if (!undoing) return;
    const merge = undoing;
    undo.mutate(
      { mergeId: merge.id, reason },
      {
        onSuccess: () => {
          setUndoing(null);
          onUndone(merge);
        },
      },
    );
  };

  return (
    <>
      <TableRegion label={caption}>
        <table className="table" id="minor-merges">
          <caption className="caption-top">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("registry.merges.columns.mergedAt")}</th>
              <th scope="col">{t("registry.merges.columns.survivor")}</th>
              <th scope="col">{t("registry.merges.columns.merged")}</th>
              <th scope="col">{t("registry.merges.columns.reason")}</th>
              <th scope="col">{t("registry.merges.columns.state")}</th>
              <th scope="col">{t("registry.merges.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {merges.map((merge) => (
              <tr key={merge.id}>
                <td>{formatTimestamp(merge.mergedAt)}</td>
                <td>
                  <MinorLink pseudonym={merge.survivor} />
                </td>
                <td>
                  <MinorLink pseudonym={merge.merged} />
                </td>
                <td>{merge.reason}</td>
                <td>
                  {merge.undoneAt ? (
                    <Badge color="secondary">
                      {t("registry.merges.undoneOn", { date: formatTimestamp(merge.undoneAt) })}
                    </Badge>
                  ) : (
                    <Badge color="success">{t("registry.merges.active")}</Badge>
                  )}
                </td>
                <td>
                  {!merge.undoneAt && (
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-danger"
                      aria-expanded={undoing?.id === merge.id}
                      aria-controls="undo-merge"
                      onClick={() => {
                        undo.reset();
                        setUndoing(merge);
                      }}
                    >
                      {t("registry.merges.undo")}
                      <span className="visually-hidden">
                        {" "}
                        {t("registry.merges.undoTarget", { merged: merge.merged, survivor: merge.survivor })}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <div id="undo-merge">
        {undoing && (
          <section aria-labelledby="undo-merge-heading" className="card card-bg shadow-sm mt-3">
            <div className="card-body">
              <h3 id="undo-merge-heading" className="h5 card-title">
                {t("registry.merges.undoHeading", { merged: undoing.merged, survivor: undoing.survivor })}
              </h3>
              {undo.error && <ErrorAlert error={undo.error} />}
              <ReasonForm
                key={undoing.id}
                id="undo-merge-reason"
                label={t("registry.merges.undoReason")}
                submitLabel={t("registry.merges.confirmUndo")}
                submitClassName="btn-danger"
                isPending={undo.isPending}
                onSubmit={submit}
                onCancel={() => setUndoing(null)}
              />
            </div>
          </section>
        )}
      </div>
    </>
  );
}
