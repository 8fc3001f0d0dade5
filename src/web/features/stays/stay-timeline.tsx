import { Badge } from "design-react-kit";
import { useTranslation } from "react-i18next";
import { formatInstant } from "../structures/structure-history.tsx";
import { EventDetails, eventAnchor } from "./event-details.tsx";
import { dateLabel, problemText, stayLabel } from "./stay-codes.ts";
import type { StayEventRecord } from "./stays-api.ts";

function recordedByOf(event: StayEventRecord, clientLabel: (name: string) => string): string {
  return event.sourceKind === "client" ? clientLabel(event.recordedBy) : event.recordedBy;
}

/**
 * Every event of a stay in the order it arrived, corrections and voids included: a voided event
 * is struck through and marked, a correction or a void links to the event it concerns.
 */
export function StayTimelineView({ events }: { events: StayEventRecord[] }) {
  const { t } = useTranslation();
  const byId = new Map(events.map((event) => [event.id, event]));
  const clientLabel = (name: string) => t("stays.timeline.client", { name });
  return (
    <ol className="list-unstyled stay-timeline" id="stay-timeline">
      {events.map((event) => {
        const titleId = `${eventAnchor(event.id)}-title`;
        const warnings = event.warnings ?? [];
        return (
          <li
            key={event.id}
            id={eventAnchor(event.id)}
            tabIndex={-1}
            className={`timeline-event${event.isVoided ? " is-voided" : ""}`}
            data-event-type={event.type}
          >
            <article aria-labelledby={titleId} className="card card-bg shadow-sm mb-3">
              <div className="card-body">
                <h3 className="h5 card-title" id={titleId}>
                  <span className="event-title">
                    {t("stays.timeline.eventTitle", {
                      type: stayLabel("eventType", event.type),
                      date: dateLabel(event.occurredOn),
                    })}
                  </span>
                  {event.isVoided && (
                    <Badge color="secondary" className="ms-2 voided-badge">
                      {t("stays.timeline.voided")}
                    </Badge>
                  )}
                </h3>
                <p className="text-muted-accessible mb-2 event-recorded-by">
                  {t("stays.timeline.recordedBy", {
                    who: recordedByOf(event, clientLabel),
                    when: formatInstant(event.recordedAt),
                  })}
                </p>
                <div className="event-details">
                  <EventDetails event={event} byId={byId} />
                </div>
                {warnings.length > 0 && (
                  <div className="alert alert-warning mt-3 mb-0">
                    <p className="fw-semibold mb-1">{t("stays.timeline.warnings")}</p>
                    <ul className="mb-0">
                      {warnings.map((warning) => (
                        <li key={`${warning.code}-${warning.path}`}>{problemText(warning)}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
