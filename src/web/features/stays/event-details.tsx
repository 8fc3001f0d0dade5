import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AdmissionContent, DischargeContent } from "../../../domain/stays/stay-event.schema.ts";
import { Entry } from "../registry/identity-values.tsx";
import { ComuneName } from "../structures/record-values.tsx";
import { dateLabel, stayLabel } from "./stay-codes.ts";
import { eventName } from "./stay-events.ts";
import type { StayEventRecord } from "./stays-api.ts";

export function eventAnchor(id: string): string {
  return `evento-${id}`;
}

/** A link to an earlier event of the timeline; following it moves the focus there. */
function EventLink({ id, target }: { id: string; target: StayEventRecord | undefined }) {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(eventAnchor(id));
    if (!element) return;
    event.preventDefault();
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  };
  return (
    <a href={`#${eventAnchor(id)}`} onClick={onClick}>
      {target ? eventName(target) : t("stays.timeline.unknownTarget", { id })}
    </a>
  );
}

export function AdmissionDetails({ content, msna }: { content: AdmissionContent; msna?: boolean }) {
  const { t } = useTranslation();
  const [prevalent, ...others] = content.reasons ?? [];
  return (
    <dl className="row record-view mb-0">
      <Entry label={t("stays.timeline.kind")}>{stayLabel("admissionKind", content.kind)}</Entry>
      <Entry label={t("stays.timeline.legalBasis")}>{stayLabel("legalBasis", content.legalBasis)}</Entry>
      <Entry label={t("stays.timeline.origin")}>{stayLabel("origin", content.origin)}</Entry>
      <Entry label={t("stays.timeline.service")}>
        {t("stays.timeline.serviceValue", { code: content.referringService.code })}
        <ComuneName code={content.referringService.comune} />
      </Entry>
      <Entry label={t("stays.timeline.withParent")}>
        {content.withParent ? t("common.yes") : t("common.no")}
      </Entry>
      {msna !== undefined && (
        <Entry label={t("stays.timeline.msna")}>{msna ? t("common.yes") : t("common.no")}</Entry>
      )}
      <Entry label={t("stays.timeline.reasons")}>
        <ul className="list-unstyled mb-0">
          {prevalent && (
            <li>
              {stayLabel("reason", prevalent)} {t("stays.timeline.prevalent")}
            </li>
          )}
          {others.map((code) => (
            <li key={code}>{stayLabel("reason", code)}</li>
          ))}
        </ul>
      </Entry>
    </dl>
  );
}

export function DischargeDetails({ content }: { content: DischargeContent }) {
  const { t } = useTranslation();
  return (
    <dl className="row record-view mb-0">
      <Entry label={t("stays.timeline.reason")}>{stayLabel("dischargeReason", content.reason)}</Entry>
      <Entry label={t("stays.timeline.destination")}>
        {stayLabel("dischargeDestination", content.destination)}
      </Entry>
    </dl>
  );
}

/** What an event says, in Italian, from its stored payload. */
export function EventDetails({
  event,
  byId,
}: {
  event: StayEventRecord;
  byId: Map<string, StayEventRecord>;
}) {
  const { t } = useTranslation();
  const payload = event.payload ?? {};
  const admission = payload.admission as AdmissionContent | undefined;
  const discharge = payload.discharge as DischargeContent | undefined;
  switch (event.type) {
    case "admission":
      return admission ? (
        <AdmissionDetails content={admission} msna={payload.msna as boolean | undefined} />
      ) : null;
    case "discharge":
      return discharge ? <DischargeDetails content={discharge} /> : null;
    case "absence-start": {
      const kind = (payload.absence as { kind?: string } | undefined)?.kind;
      return (
        <dl className="row record-view mb-0">
          <Entry label={t("stays.timeline.absenceKind")}>{stayLabel("absenceKind", kind)}</Entry>
        </dl>
      );
    }
    case "activity": {
      const activity = (payload.activity ?? {}) as { code?: string; until?: string; hours?: number };
      return (
        <dl className="row record-view mb-0">
          <Entry label={t("stays.timeline.activity")}>{stayLabel("activity", activity.code)}</Entry>
          {activity.until && <Entry label={t("stays.timeline.until")}>{dateLabel(activity.until)}</Entry>}
          {activity.hours !== undefined && <Entry label={t("stays.timeline.hours")}>{activity.hours}</Entry>}
        </dl>
      );
    }
    case "correction": {
      const target = String(payload.corrects ?? "");
      return (
        <>
          <p className="mb-2 event-target">
            {t("stays.timeline.corrects")} <EventLink id={target} target={byId.get(target)} />
          </p>
          {admission && <AdmissionDetails content={admission} />}
          {discharge && <DischargeDetails content={discharge} />}
          {typeof payload.reason === "string" && (
            <p className="mb-0">
              {t("stays.timeline.motivation")} {payload.reason}
            </p>
          )}
        </>
      );
    }
    case "void": {
      const target = String(payload.voids ?? "");
      return (
        <>
          <p className="mb-0 event-target">
            {t("stays.timeline.voids")} <EventLink id={target} target={byId.get(target)} />
          </p>
          {typeof payload.reason === "string" && (
            <p className="mb-0">
              {t("stays.timeline.motivation")} {payload.reason}
            </p>
          )}
        </>
      );
    }
    default:
      return null;
  }
}
