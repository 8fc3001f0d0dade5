import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { todayInRome } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { can } from "../features/access/permissions.ts";
import { useSession } from "../features/access/session-api.ts";
import { DayForm } from "../features/stays/day-form.tsx";
import { EventPanel, RecordedAlert } from "../features/stays/event-panel.tsx";
import {
  filterGuests,
  type GuestFilter,
  isFiltering,
  noGuestFilter,
} from "../features/stays/guest-filter.ts";
import { GuestFilters } from "../features/stays/guest-filters.tsx";
import { type GuestAction, GuestsTable } from "../features/stays/guests-table.tsx";
import { dateLabel } from "../features/stays/stay-codes.ts";
import { type Guest, useGuests, useStructureChoices } from "../features/stays/stays-api.ts";
import { StructureSwitcher } from "../features/stays/structure-switcher.tsx";
import type { RecordedOutcome } from "../features/stays/use-event-form.tsx";
import { useStructure } from "../features/structures/structure-api.ts";

const panelId = "guest-action";

/** The guest as the reader may see them: first name and pseudonym, or the pseudonym alone. */
function guestLabel(t: TFunction, guest: Guest): string {
  return guest.givenName
    ? t("stays.guests.who", { name: guest.givenName, pseudonym: guest.pseudonym })
    : guest.pseudonym;
}

/** The search and filters, how many guests they leave, and the table of those. */
function GuestsList({
  guests,
  filter,
  onFilter,
  ...table
}: {
  guests: Guest[];
  filter: GuestFilter;
  onFilter: (filter: GuestFilter) => void;
} & Omit<Parameters<typeof GuestsTable>[0], "guests" | "panelId">) {
  const { t } = useTranslation();
  const shown = filterGuests(guests, filter);
  return (
    <>
      <GuestFilters
        filter={filter}
        onChange={onFilter}
        withNames={guests.some((guest) => guest.givenName !== null)}
      />
      <p role="status" className="mt-3" id="guests-shown">
        {isFiltering(filter) ? t("stays.guests.shown", { count: shown.length, total: guests.length }) : ""}
      </p>
      {shown.length === 0 ? (
        <p id="guests-no-match">{t("stays.guests.noMatch")}</p>
      ) : (
        <GuestsTable guests={shown} panelId={panelId} {...table} />
      )}
    </>
  );
}

/** The guests of a structure on a day (today unless chosen), with their everyday events. */
export function GuestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { structureId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const today = todayInRome();
  const date = params.get("giorno") ?? today;
  const { data: session } = useSession();
  const structure = useStructure(structureId);
  const choices = useStructureChoices();
  const guests = useGuests(structureId, date);
  const [open, setOpen] = useState<GuestAction | null>(null);
  const [recorded, setRecorded] = useState<RecordedOutcome | null>(null);
  const [filter, setFilter] = useState<GuestFilter>(noGuestFilter);
  const canWrite = can(session?.active, "stay.write");
  const summary = structure.data?.summary;
  const title = summary ? t("stays.guests.titleOf", { name: summary.name }) : t("stays.guests.title");
  const crumbs = [{ label: t("nav.home"), to: "/" }];

  if (structure.isPending) return <Loading />;
  if (structure.error) {
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <ErrorAlert error={structure.error} />
      </>
    );
  }
  const code = structure.data.summary.code;
  const formattedDate = dateLabel(date);

  return (
    <>
      <PageHeader title={title} crumbs={crumbs}>
        {code && <p>{t("stays.guests.structureCode", { code })}</p>}
        {canWrite && code && (
          <Link to={`/ospiti/${structureId}/ammissione`} className="btn btn-primary">
            {t("stays.guests.newAdmission")}
          </Link>
        )}
      </PageHeader>
      {choices.data && choices.data.length > 1 && (
        <StructureSwitcher
          choices={choices.data}
          value={structureId}
          onChoose={(id) => {
            setOpen(null);
            setRecorded(null);
            navigate(`/ospiti/${id}`);
          }}
          submitLabel={t("stays.guests.switchStructure")}
        />
      )}
      <DayForm
        value={date}
        onChange={(day) => {
          setOpen(null);
          setParams(day === today ? {} : { giorno: day });
        }}
      />
      {recorded && <RecordedAlert recorded={recorded} />}
      {guests.isPending && <Loading />}
      {guests.error && <ErrorAlert error={guests.error} />}
      {guests.data && (
        <section aria-labelledby="guests-heading">
          <h2 id="guests-heading" className="h5">
            {t("stays.guests.count", { count: guests.data.length, date: formattedDate })}
          </h2>
          {guests.data.length === 0 ? (
            <p>{t("stays.guests.empty", { date: formattedDate })}</p>
          ) : (
            <GuestsList
              guests={guests.data}
              filter={filter}
              onFilter={setFilter}
              date={date}
              canWrite={canWrite && Boolean(code)}
              open={open}
              onAction={(action) => {
                setRecorded(null);
                setOpen(action);
              }}
              renderPanel={(action) =>
                code && (
                  <EventPanel
                    action={action.action}
                    level={3}
                    who={guestLabel(t, action.guest)}
                    context={{ structureId, structureCode: code, stayRef: action.guest.stayRef }}
                    defaultDate={date}
                    onRecorded={(result) => {
                      setOpen(null);
                      setRecorded(result);
                    }}
                    onCancel={() => setOpen(null)}
                  />
                )
              }
            />
          )}
        </section>
      )}
    </>
  );
}
