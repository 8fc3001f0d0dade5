import { Badge } from "design-react-kit";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TableRegion } from "../../components/table-region.tsx";
import type { StayAction } from "./event-panel.tsx";
import { dateLabel, stayLabel } from "./stay-codes.ts";
import type { Guest } from "./stays-api.ts";

export type GuestAction = { guest: Guest; action: StayAction };

const columnCount = 8;

/** The badges of a guest: absent now (and why), MSNA, a stay to correct, a record to verify. */
export function GuestFlags({
  currentAbsence,
  msna,
  hasOverlap,
  isToBeConfirmed,
  isOtherAdmissionToBeConfirmed,
  isPossibleDuplicate,
}: Pick<
  Guest,
  | "currentAbsence"
  | "msna"
  | "hasOverlap"
  | "isToBeConfirmed"
  | "isOtherAdmissionToBeConfirmed"
  | "isPossibleDuplicate"
>) {
  const { t } = useTranslation();
  return (
    <span className="d-flex flex-wrap gap-1 guest-flags">
      {currentAbsence && (
        <Badge color="warning" className="guest-absent">
          {t("stays.guests.absent", { kind: stayLabel("absenceKind", currentAbsence) })}
        </Badge>
      )}
      {msna && (
        <Badge color="primary">
          <abbr title={t("stays.guests.msnaTitle")}>{t("stays.guests.msna")}</abbr>
        </Badge>
      )}
      {hasOverlap && <Badge color="danger">{t("stays.guests.overlap")}</Badge>}
      {isToBeConfirmed && (
        <Badge color="warning" className="guest-to-be-confirmed">
          {t("stays.guests.toBeConfirmed")}
        </Badge>
      )}
      {isOtherAdmissionToBeConfirmed && (
        <Badge color="danger" className="guest-other-to-be-confirmed">
          {t("stays.guests.otherToBeConfirmed")}
        </Badge>
      )}
      {isPossibleDuplicate && (
        <Badge color="secondary" className="guest-possible-duplicate">
          {t("stays.guests.possibleDuplicate")}
        </Badge>
      )}
    </span>
  );
}

/**
 * A day's guests, with the events an operator records for each. The form of an event opens in a
 * row right under its guest; on a narrow screen it keeps to the visible part of the scroll box.
 */
export function GuestsTable({
  guests,
  date,
  canWrite,
  open,
  panelId,
  onAction,
  renderPanel,
}: {
  guests: Guest[];
  date: string;
  canWrite: boolean;
  open: GuestAction | null;
  panelId: string;
  onAction: (action: GuestAction) => void;
  renderPanel: (open: GuestAction) => ReactNode;
}) {
  const { t } = useTranslation();
  const caption = t("stays.guests.caption", { date: dateLabel(date) });
  const none = t("common.none");

  const actionButton = (guest: Guest, action: StayAction) => {
    const expanded = open?.guest.stayId === guest.stayId && open.action === action;
    return (
      <button
        type="button"
        className="btn btn-sm btn-outline-primary"
        aria-expanded={expanded}
        aria-controls={expanded ? panelId : undefined}
        onClick={() => onAction({ guest, action })}
      >
        {t(`stays.actions.${action}`)}
        <span className="visually-hidden">
          {" "}
          {t("stays.guests.actionTarget", { pseudonym: guest.pseudonym })}
        </span>
      </button>
    );
  };

  return (
    <TableRegion label={caption} className="guests-region">
      <table className="table align-middle" id="guests">
        <caption className="caption-top">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stays.guests.columns.pseudonym")}</th>
            <th scope="col">{t("stays.guests.columns.givenName")}</th>
            <th scope="col" className="text-end">
              {t("stays.guests.columns.age")}
            </th>
            <th scope="col">{t("stays.guests.columns.admissionDate")}</th>
            <th scope="col" className="text-end">
              {t("stays.guests.columns.daysInStay")}
            </th>
            <th scope="col" className="text-end">
              {t("stays.guests.columns.absences")}
            </th>
            <th scope="col">{t("stays.guests.columns.flags")}</th>
            <th scope="col">{t("stays.guests.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {guests.map((guest) => (
            <Fragment key={guest.stayId}>
              <tr data-stay-ref={guest.stayRef}>
                <th scope="row" className="fw-normal">
                  <Link to={`/accoglienze/${guest.stayId}`} className="guest-stay-link">
                    {guest.pseudonym}
                    <span className="visually-hidden">{t("stays.guests.openSuffix")}</span>
                  </Link>
                </th>
                <td>{guest.givenName ?? none}</td>
                <td className="text-end text-nowrap">
                  {guest.age === null ? none : t("stays.guests.ageValue", { age: guest.age })}
                </td>
                <td>{dateLabel(guest.admissionDate)}</td>
                <td className="text-end">{guest.daysInStay}</td>
                <td className="text-end">{guest.absences}</td>
                <td className="guest-flags-cell">
                  <GuestFlags {...guest} />
                </td>
                <td>
                  {canWrite ? (
                    <div className="d-grid gap-1 guest-actions">
                      {guest.currentAbsence
                        ? actionButton(guest, "absence-end")
                        : actionButton(guest, "absence-start")}
                      {actionButton(guest, "activity")}
                      {actionButton(guest, "discharge")}
                    </div>
                  ) : (
                    none
                  )}
                </td>
              </tr>
              {open?.guest.stayId === guest.stayId && (
                <tr className="guest-panel-row" data-panel-of={guest.stayRef}>
                  <td colSpan={columnCount} className="p-0">
                    <div className="guest-panel" id={panelId}>
                      {renderPanel(open)}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
