import { Badge } from "design-react-kit";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatItalianDate } from "../../../domain/time/calendar.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatInstant } from "../structures/structure-history.tsx";
import { countryName, otherIdKindLabel, reasonLabel, sexLabel } from "./identity-labels.ts";
import { BirthPlaceName } from "./identity-values.tsx";
import type { DuplicateReview, ReviewSide } from "./registry-api.ts";
import { type DecidedReview, ReviewDecision } from "./review-decision.tsx";

type ComparedField = {
  key: string;
  label: string;
  value: (side: ReviewSide) => ReactNode;
  compare: (side: ReviewSide) => unknown;
};

function useRows(): ComparedField[] {
  const { t } = useTranslation();
  const notKnown = t("registry.values.notKnown");
  const text = (value: string | null) => value ?? notKnown;
  return [
    {
      key: "familyName",
      label: t("registry.fields.familyName"),
      value: (side) => text(side.familyName),
      compare: (side) => side.familyName?.toUpperCase() ?? null,
    },
    {
      key: "givenName",
      label: t("registry.fields.givenName"),
      value: (side) => text(side.givenName),
      compare: (side) => side.givenName?.toUpperCase() ?? null,
    },
    {
      key: "sex",
      label: t("registry.fields.sex"),
      value: (side) => sexLabel(side.sex),
      compare: (side) => side.sex,
    },
    {
      key: "birthDate",
      label: t("registry.fields.birthDate"),
      value: (side) => (side.birthDate ? formatItalianDate(side.birthDate) : notKnown),
      compare: (side) => side.birthDate,
    },
    {
      key: "birthPlace",
      label: t("registry.fields.birthPlace"),
      value: (side) => <BirthPlaceName place={side.birthPlace} />,
      compare: (side) => JSON.stringify(side.birthPlace),
    },
    {
      key: "citizenship",
      label: t("registry.fields.citizenship"),
      value: (side) => (side.citizenship ? countryName(side.citizenship) : notKnown),
      compare: (side) => side.citizenship,
    },
    {
      key: "fiscalCode",
      label: t("registry.fields.fiscalCode"),
      value: (side) => (side.hasFiscalCode ? t("registry.values.present") : t("registry.values.absent")),
      compare: (side) => side.hasFiscalCode,
    },
    {
      key: "stays",
      label: t("registry.duplicates.hostedIn"),
      value: (side) => <HostingStays stays={side.stays} />,
      // Two records hosted in different places are not a difference of identity: the overlap says more.
      compare: () => null,
    },
    {
      key: "otherIds",
      label: t("registry.fields.otherIds"),
      value: (side) =>
        side.otherIdKinds.length > 0
          ? side.otherIdKinds.map(otherIdKindLabel).join("; ")
          : t("registry.values.none"),
      compare: (side) => [...side.otherIdKinds].sort().join(","),
    },
  ];
}

/** Where a record is hosted now or was in the last year: structure and dates. */
function HostingStays({ stays }: { stays: ReviewSide["stays"] }) {
  const { t } = useTranslation();
  if (stays.length === 0) return <>{t("registry.duplicates.noRecentStays")}</>;
  return (
    <ul className="list-unstyled mb-0 hosting-stays">
      {stays.map((stay) => (
        <li key={`${stay.structureName}-${stay.admissionDate}`}>
          {stay.dischargeDate
            ? t("registry.duplicates.stayClosed", {
                name: stay.structureName,
                from: formatItalianDate(stay.admissionDate),
                to: formatItalianDate(stay.dischargeDate),
              })
            : t("registry.duplicates.stayOpen", {
                name: stay.structureName,
                from: formatItalianDate(stay.admissionDate),
              })}
        </li>
      ))}
    </ul>
  );
}

function PseudonymLink({ pseudonym }: { pseudonym: string }) {
  return <Link to={`/anagrafe/minori/${encodeURIComponent(pseudonym)}`}>{pseudonym}</Link>;
}

/** The two records side by side, only the fields needed to decide; differing rows are marked in words. */
function PairComparison({ review }: { review: DuplicateReview }) {
  const { t } = useTranslation();
  const rows = useRows();
  const caption = t("registry.duplicates.compareCaption", {
    first: review.first.pseudonym,
    second: review.second.pseudonym,
  });
  return (
    <TableRegion label={caption}>
      <table className="table pair-comparison">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("registry.duplicates.field")}</th>
            <th scope="col">
              {t("registry.duplicates.firstRecord")}: <PseudonymLink pseudonym={review.first.pseudonym} />
            </th>
            <th scope="col">
              {t("registry.duplicates.secondRecord")}: <PseudonymLink pseudonym={review.second.pseudonym} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const differs = row.compare(review.first) !== row.compare(review.second);
            return (
              <tr key={row.key} className={differs ? "pair-differs" : undefined}>
                <th scope="row">
                  {row.label}
                  {differs && (
                    <Badge color="warning" className="ms-2">
                      {t("registry.duplicates.differs")}
                    </Badge>
                  )}
                </th>
                <td>{row.value(review.first)}</td>
                <td>{row.value(review.second)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function DuplicatePair({
  review,
  onDecided,
}: {
  review: DuplicateReview;
  onDecided: (decided: DecidedReview) => void;
}) {
  const { t } = useTranslation();
  const headingId = `review-${review.id}`;
  return (
    <article className="card card-bg shadow-sm duplicate-pair" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 className="h4 card-title" id={headingId}>
          {t("registry.duplicates.pairTitle", {
            first: review.first.pseudonym,
            second: review.second.pseudonym,
          })}
        </h3>
        {review.undoneMerge && (
          <div className="alert alert-info pair-undone">
            <p className="fw-semibold mb-1">
              {t("registry.duplicates.undoneTitle", { date: formatInstant(review.undoneMerge.undoneAt) })}
            </p>
            <p className="mb-1">
              {t("registry.duplicates.undoReason")}: {review.undoneMerge.undoReason}
            </p>
            <p className="mb-0">
              {t("registry.duplicates.mergeReason")}: {review.undoneMerge.mergeReason}
            </p>
          </div>
        )}
        <p className="mb-2">
          <span className="fw-semibold">{t("registry.duplicates.score", { score: review.score })}</span> ·{" "}
          {t("registry.duplicates.proposedOn", { date: formatInstant(review.createdAt) })}
        </p>
        {review.reasons.length > 0 && (
          <>
            <p className="mb-1">{t("registry.duplicates.reasons")}:</p>
            <ul className="pair-reasons">
              {review.reasons.map((reason) => (
                <li key={reason}>{reasonLabel(reason)}</li>
              ))}
            </ul>
          </>
        )}
        <PairComparison review={review} />
        {review.staysOverlap ? (
          <p className="pair-overlap fw-semibold">{t("registry.duplicates.staysOverlap")}</p>
        ) : (
          <p className="pair-overlap">{t("registry.duplicates.staysApart")}</p>
        )}
        <ReviewDecision review={review} onDecided={onDecided} />
      </div>
    </article>
  );
}
