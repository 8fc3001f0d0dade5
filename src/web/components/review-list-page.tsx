import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert.tsx";
import { SelectField } from "./form-fields.tsx";
import { Loading } from "./loading.tsx";
import { PageHeader } from "./page-header.tsx";

/**
 * An auditor's review list: a title, a filter over the list's states, then what the list shows
 * (or its loading and its error). The texts come translated; the filter's state is the caller's.
 */
export function ReviewListPage<Filter extends string, Item>({
  title,
  intro,
  filterId,
  filterLabel,
  filters,
  filter,
  onFilter,
  reviews,
  above,
  children,
}: {
  title: string;
  intro: string;
  filterId: string;
  filterLabel: string;
  filters: readonly { value: Filter; label: string }[];
  filter: Filter;
  onFilter: (filter: Filter) => void;
  reviews: UseQueryResult<Item[]>;
  /** Shown between the filter and the list (e.g. the form deciding one item). */
  above?: ReactNode;
  children: (items: Item[]) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{intro}</p>
      </PageHeader>
      <div className="row mt-4">
        <div className="col-12 col-md-4">
          <SelectField
            id={filterId}
            label={filterLabel}
            options={filters}
            value={filter}
            onChange={(event) =>
              onFilter(filters.find((option) => option.value === event.target.value)?.value ?? filter)
            }
          />
        </div>
      </div>
      {above}
      {reviews.isPending && <Loading />}
      {reviews.error && <ErrorAlert error={reviews.error} />}
      {reviews.data && children(reviews.data)}
    </>
  );
}
