import { Badge } from "design-react-kit";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TableRegion } from "../../components/table-region.tsx";
import type { StayAction } from "./event-panel.tsx";
import { dateLabel, stayLabel } from "./stay-codes.ts";
import type { Guest } from "./stays-api.ts";

export type GuestAction = { guest: Guest; action: StayAction };

/** The badges of a guest: absent now (and why), MSNA, a stay overlapping another to correct. */
export function GuestFlags({
  currentAbsence,
  msna,
  hasOverlap,
}: Pick<Guest, "currentAbsence" | "msna" | "hasOverlap">) {
  const { t } = useTranslation();
  return (
    <span className="d-inline-flex flex-wrap gap-1">
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
    </span>
  );
}

/** Today's (or a chosen day's) guests, with the events an operator records for each. */
export function GuestsTable({
  guests,
  date,
  canWrite,
  open,
  panelId,
  onAction,
}: {
  guests: Guest[];
  date: string;
  canWrite: boolean;
  open: GuestAction | null;
  panelId: string;
  onAction: (action: GuestAction) => void;
}) {
  const { t } = useTranslation();
  const caption = t("stays.guests.caption", { date: dateLabel(date) });
  const none = t("common.none");

  const actionButton = (guest: Guest, action: StayAction) => (
    <button
      type="button"
      className="btn btn-sm btn-outline-primary"
      aria-expanded={open?.guest.stayId === guest.stayId && open.action === action}
      aria-controls={panelId}
      onClick={() => onAction({ guest, action })}
    >
      {t(`stays.actions.${action}`)}
      <span className="visually-hidden">
        {" "}
        {t("stays.guests.actionTarget", { pseudonym: guest.pseudonym })}
      </span>
    </button>
  );

  return (
    <TableRegion label={caption}>
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
            <tr key={guest.stayId} data-stay-ref={guest.stayRef}>
              <th scope="row" className="fw-normal">
                {guest.pseudonym}
              </th>
              <td>{guest.givenName ?? none}</td>
              <td className="text-end text-nowrap">
                {guest.age === null ? none : t("stays.guests.ageValue", { age: guest.age })}
              </td>
              <td>{dateLabel(guest.admissionDate)}</td>
              <td className="text-end">{guest.daysInStay}</td>
              <td className="text-end">{guest.absences}</td>
              <td>
                <GuestFlags {...guest} />
              </td>
              <td>
                <div className="d-flex flex-wrap gap-2 guest-actions">
                  <Link to={`/accoglienze/${guest.stayId}`} className="btn btn-sm btn-primary">
                    {t("stays.guests.open")}
                    <span className="visually-hidden">
                      {" "}
                      {t("stays.guests.actionTarget", { pseudonym: guest.pseudonym })}
                    </span>
                  </Link>
                  {canWrite && (
                    <>
                      {guest.currentAbsence
                        ? actionButton(guest, "absence-end")
                        : actionButton(guest, "absence-start")}
                      {actionButton(guest, "activity")}
                      {actionButton(guest, "discharge")}
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
