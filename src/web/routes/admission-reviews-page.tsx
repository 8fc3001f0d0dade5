import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ReviewListPage } from "../components/review-list-page.tsx";
import { TableRegion } from "../components/table-region.tsx";
import {
  type AdmissionReview,
  useAdmissionReviews,
} from "../features/admission-reviews/admission-reviews-api.ts";
import { dateLabel } from "../features/stays/stay-codes.ts";
import { formatInstant } from "../features/structures/structure-history.tsx";

function ReviewState({ item }: { item: AdmissionReview }) {
  const { t } = useTranslation();
  if (!item.confirmedVia)
    return <span className="badge bg-warning text-dark">{t("admissionReviews.pending")}</span>;
  return (
    <>
      {t(`admissionReviews.confirmedVia.${item.confirmedVia}`)}
      {item.confirmedAt && (
        <div className="small">
          {t("admissionReviews.confirmedDetail", { at: formatInstant(item.confirmedAt) })}
        </div>
      )}
      {item.confirmedBy && (
        <div className="small">{t("admissionReviews.confirmedBy", { name: item.confirmedBy })}</div>
      )}
    </>
  );
}

const filters = ["to-be-confirmed", "confirmed", "all"] as const;

/** The auditor's review list of admissions to be confirmed (access principle 7). */
export function AdmissionReviewsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<(typeof filters)[number]>("to-be-confirmed");
  const reviews = useAdmissionReviews(filter === "all" ? undefined : filter);
  return (
    <ReviewListPage
      title={t("admissionReviews.title")}
      intro={t("admissionReviews.intro")}
      filterId="admission-review-filter"
      filterLabel={t("admissionReviews.filter")}
      filters={filters.map((value) => ({ value, label: t(`admissionReviews.filters.${value}`) }))}
      filter={filter}
      onFilter={setFilter}
      reviews={reviews}
    >
      {(items) =>
        items.length === 0 ? (
          <p>{t("admissionReviews.empty")}</p>
        ) : (
          <TableRegion label={t("admissionReviews.tableLabel")}>
            <table className="table table-striped" id="admission-reviews">
              <thead>
                <tr>
                  <th scope="col">{t("admissionReviews.columns.structure")}</th>
                  <th scope="col">{t("admissionReviews.columns.stay")}</th>
                  <th scope="col">{t("admissionReviews.columns.pseudonym")}</th>
                  <th scope="col">{t("admissionReviews.columns.admissionDate")}</th>
                  <th scope="col">{t("admissionReviews.columns.reasons")}</th>
                  <th scope="col">{t("admissionReviews.columns.since")}</th>
                  <th scope="col">{t("admissionReviews.columns.state")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.stayId}>
                    <td>{item.structureName ?? item.structureCode}</td>
                    <td>{item.stayRef}</td>
                    <td>
                      <code>{item.pseudonym}</code>
                    </td>
                    <td>{dateLabel(item.admissionDate)}</td>
                    <td>
                      <ul className="list-unstyled mb-0">
                        {item.reasons.map((reason) => (
                          <li key={reason}>{t(`admissionReviews.reasons.${reason}`)}</li>
                        ))}
                      </ul>
                    </td>
                    <td>{formatInstant(item.since)}</td>
                    <td>
                      <ReviewState item={item} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )
      }
    </ReviewListPage>
  );
}
