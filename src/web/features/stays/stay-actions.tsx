import { useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { EventPanel, type StayAction } from "./event-panel.tsx";
import { openAbsenceOf } from "./stay-events.ts";
import { stayWho } from "./stay-summary.tsx";
import type { StayEventRecord, StayOverview } from "./stays-api.ts";
import type { RecordedOutcome } from "./use-event-form.tsx";

const panelId = "stay-action";

/** The events an operator may add to a stay from its page, each in its own small form. */
export function StayActions({
  stay,
  events,
  structureId,
  onStart,
  onRecorded,
}: {
  stay: StayOverview;
  events: StayEventRecord[];
  structureId: string;
  onStart: () => void;
  onRecorded: (recorded: RecordedOutcome) => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<StayAction | null>(null);
  const available: StayAction[] = [];
  if (stay.status === "open") {
    available.push(openAbsenceOf(events) ? "absence-end" : "absence-start", "activity", "discharge");
  }
  available.push("correction", "void");
  return (
    <>
      <div className="d-flex flex-wrap gap-2" id="stay-action-buttons">
        {available.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-expanded={action === candidate}
            aria-controls={panelId}
            onClick={() => {
              onStart();
              setAction(candidate);
            }}
          >
            {t(`stays.actions.${candidate}`)}
          </button>
        ))}
      </div>
      <div id={panelId}>
        {action && (
          <EventPanel
            action={action}
            level={3}
            who={stayWho(t, stay)}
            context={{ structureId, structureCode: stay.structureCode ?? "", stayRef: stay.stayRef }}
            defaultDate={todayInRome()}
            events={events}
            onRecorded={(recorded) => {
              setAction(null);
              onRecorded(recorded);
            }}
            onCancel={() => setAction(null)}
          />
        )}
      </div>
    </>
  );
}
