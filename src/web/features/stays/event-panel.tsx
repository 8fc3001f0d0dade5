import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CorrectionForm } from "./correction-form.tsx";
import {
  AbsenceEndForm,
  AbsenceStartForm,
  ActivityForm,
  DischargeForm,
  type EventFormProps,
} from "./event-forms.tsx";
import { problemText } from "./stay-codes.ts";
import type { StayEventRecord } from "./stays-api.ts";
import type { EventContext, RecordedOutcome } from "./use-event-form.tsx";
import { VoidForm } from "./void-form.tsx";

export type StayAction = "discharge" | "absence-start" | "absence-end" | "activity" | "correction" | "void";

function ActionForm({
  action,
  events,
  ...props
}: EventFormProps & { action: StayAction; events: StayEventRecord[] }) {
  switch (action) {
    case "discharge":
      return <DischargeForm {...props} />;
    case "absence-start":
      return <AbsenceStartForm {...props} />;
    case "absence-end":
      return <AbsenceEndForm {...props} />;
    case "activity":
      return <ActivityForm {...props} />;
    case "correction":
      return <CorrectionForm {...props} events={events} />;
    case "void":
      return <VoidForm {...props} events={events} />;
  }
}

/**
 * The small form of one event of a stay, in a card under its guest or the stay's summary. Its heading
 * takes the focus when it opens, so that screen readers start from it.
 */
export function EventPanel({
  action,
  who,
  context,
  defaultDate,
  events = [],
  onRecorded,
  onCancel,
  level = 2,
}: {
  action: StayAction;
  /** Whom the event concerns, as the reader may see them: the name and pseudonym, or the pseudonym. */
  who: string;
  /** The level of the panel's heading in the page's outline. */
  level?: 2 | 3;
  context: EventContext;
  defaultDate: string;
  events?: StayEventRecord[];
  onRecorded: (recorded: RecordedOutcome) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = level === 3 ? "h3" : "h2";
  useEffect(() => {
    if (action && context.stayRef) heading.current?.focus();
  }, [action, context.stayRef]);
  return (
    <section id="event-panel" aria-labelledby="event-panel-heading" className="card card-bg shadow-sm mt-4">
      <div className="card-body">
        <Heading id="event-panel-heading" className="h4 card-title mb-4" tabIndex={-1} ref={heading}>
          {t(`stays.panel.${action}`, { who })}
        </Heading>
        <ActionForm
          key={`${action}-${context.stayRef}`}
          action={action}
          events={events}
          context={context}
          defaultDate={defaultDate}
          onRecorded={onRecorded}
          onCancel={onCancel}
        />
      </div>
    </section>
  );
}

/**
 * What the server said of an event just recorded: done, and any warning in Italian. It takes the
 * focus (the form it replaces is gone), so that it is read at once.
 */
export function RecordedAlert({ recorded }: { recorded: RecordedOutcome }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (recorded) ref.current?.focus();
  }, [recorded]);
  const { warnings, status } = recorded.result;
  const text = status === "duplicate" ? t("stays.recorded.duplicate") : t(`stays.recorded.${recorded.type}`);
  return (
    <div
      id="event-outcome"
      ref={ref}
      tabIndex={-1}
      className={`alert ${warnings.length > 0 ? "alert-warning" : "alert-success"}`}
    >
      <p className={`fw-semibold ${warnings.length > 0 ? "mb-1" : "mb-0"}`}>{text}</p>
      {warnings.length > 0 && (
        <>
          <p className="mb-1">{t("stays.recorded.warnings")}</p>
          <ul className="mb-0">
            {warnings.map((warning) => (
              <li key={`${warning.code}-${warning.path}`}>{problemText(warning)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
