import { useTranslation } from "react-i18next";
import { stayEventSchemas, withRequiredReason } from "../../../domain/stays/stay-event.schema.ts";
import { SelectField, TextAreaField } from "../../components/form-fields.tsx";
import type { EventFormProps } from "./event-forms.tsx";
import { eventName, voidTargets } from "./stay-events.ts";
import type { StayEventRecord } from "./stays-api.ts";
import { EventFormLayout, envelopeOf, OccurredOnField, useEventForm } from "./use-event-form.tsx";

/** A void: the operator chooses the event, says why, and confirms. */
export function VoidForm({
  context,
  defaultDate,
  events,
  onRecorded,
  onCancel,
}: EventFormProps & { events: StayEventRecord[] }) {
  const { t } = useTranslation();
  const targets = voidTargets(events);
  const state = useEventForm({
    schema: withRequiredReason(stayEventSchemas.void),
    defaultValues: { ...envelopeOf(context, "void", defaultDate), voids: "", reason: "" },
    labels: {
      voids: t("stays.forms.voids"),
      occurredOn: t("stays.forms.voidDate"),
      reason: t("stays.forms.reason"),
    },
    structureId: context.structureId,
    onRecorded,
  });
  const { form, field } = state;
  const chosen = targets.find((event) => event.id === form.watch("voids"));

  if (targets.length === 0) {
    return (
      <>
        <p>{t("stays.forms.noTargets")}</p>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </>
    );
  }
  return (
    <EventFormLayout state={state} submitLabel={t("stays.forms.voidConfirmSubmit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("voids")}
            options={targets.map((event) => ({ value: event.id, label: eventName(event) }))}
            placeholder={t("stays.forms.selectPlaceholder")}
            hint={t("stays.forms.voidsHint")}
            required
            {...form.register("voids")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <OccurredOnField state={state} />
        </div>
      </div>
      <TextAreaField {...field("reason")} rows={2} required {...form.register("reason")} />
      {chosen && (
        <div className="alert alert-warning" id="void-confirmation">
          {t("stays.forms.voidConfirm", { event: eventName(chosen) })}
        </div>
      )}
    </EventFormLayout>
  );
}
