import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { stayEventSchemas } from "../../../domain/stays/stay-event.schema.ts";
import { SelectField, TextField } from "../../components/form-fields.tsx";
import type { FieldProps } from "./admission-content-fields.tsx";
import { stayOptions } from "./stay-codes.ts";
import {
  type EventContext,
  EventFormLayout,
  envelopeOf,
  OccurredOnField,
  type RecordedOutcome,
  useEventForm,
} from "./use-event-form.tsx";

export type EventFormProps = {
  context: EventContext;
  defaultDate: string;
  onRecorded: (recorded: RecordedOutcome) => void;
  onCancel: () => void;
};

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const numberOrUndefined = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : Number(value);

export type WithDischargeContent = { discharge: { reason: string; destination: string } };

/** Reason and destination of a discharge (two columns of a row). */
export function DischargeContentFields({
  form,
  field,
}: {
  form: UseFormReturn<WithDischargeContent, unknown, unknown>;
  field: (path: string) => FieldProps;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="col-12 col-lg-4">
        <SelectField
          {...field("discharge.reason")}
          options={stayOptions("dischargeReason")}
          placeholder={t("stays.forms.selectPlaceholder")}
          required
          {...form.register("discharge.reason")}
        />
      </div>
      <div className="col-12 col-lg-4">
        <SelectField
          {...field("discharge.destination")}
          options={stayOptions("dischargeDestination")}
          placeholder={t("stays.forms.selectPlaceholder")}
          required
          {...form.register("discharge.destination")}
        />
      </div>
    </>
  );
}

export function DischargeForm({ context, defaultDate, onRecorded, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const state = useEventForm({
    schema: stayEventSchemas.discharge,
    defaultValues: { ...envelopeOf(context, "discharge", defaultDate), discharge: {} },
    labels: {
      occurredOn: t("stays.forms.dischargeDate"),
      "discharge.reason": t("stays.forms.dischargeReason"),
      "discharge.destination": t("stays.forms.dischargeDestination"),
    },
    structureId: context.structureId,
    onRecorded,
  });
  const { form, field } = state;
  return (
    <EventFormLayout state={state} submitLabel={t("stays.forms.submit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-4">
          <OccurredOnField state={state} />
        </div>
        <DischargeContentFields
          form={form as unknown as UseFormReturn<WithDischargeContent, unknown, unknown>}
          field={field}
        />
      </div>
    </EventFormLayout>
  );
}

export function AbsenceStartForm({ context, defaultDate, onRecorded, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const state = useEventForm({
    schema: stayEventSchemas["absence-start"],
    defaultValues: { ...envelopeOf(context, "absence-start", defaultDate), absence: {} },
    labels: {
      occurredOn: t("stays.forms.absenceStartDate"),
      "absence.kind": t("stays.forms.absenceKind"),
    },
    structureId: context.structureId,
    onRecorded,
  });
  const { form, field } = state;
  return (
    <EventFormLayout state={state} submitLabel={t("stays.forms.submit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <OccurredOnField state={state} />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("absence.kind")}
            options={stayOptions("absenceKind")}
            placeholder={t("stays.forms.selectPlaceholder")}
            required
            {...form.register("absence.kind")}
          />
        </div>
      </div>
    </EventFormLayout>
  );
}

export function AbsenceEndForm({ context, defaultDate, onRecorded, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const state = useEventForm({
    schema: stayEventSchemas["absence-end"],
    defaultValues: envelopeOf(context, "absence-end", defaultDate),
    labels: { occurredOn: t("stays.forms.absenceEndDate") },
    structureId: context.structureId,
    onRecorded,
  });
  return (
    <EventFormLayout state={state} submitLabel={t("stays.forms.submit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <OccurredOnField state={state} />
        </div>
      </div>
    </EventFormLayout>
  );
}

export function ActivityForm({ context, defaultDate, onRecorded, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const state = useEventForm({
    schema: stayEventSchemas.activity,
    defaultValues: { ...envelopeOf(context, "activity", defaultDate), activity: {} },
    labels: {
      occurredOn: t("stays.forms.activityDate"),
      "activity.code": t("stays.forms.activityCode"),
      "activity.until": t("stays.forms.activityUntil"),
      "activity.hours": t("stays.forms.activityHours"),
    },
    structureId: context.structureId,
    onRecorded,
  });
  const { form, field } = state;
  return (
    <EventFormLayout state={state} submitLabel={t("stays.forms.submit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <OccurredOnField state={state} />
        </div>
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("activity.code")}
            options={stayOptions("activity")}
            placeholder={t("stays.forms.selectPlaceholder")}
            required
            {...form.register("activity.code")}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("activity.until")}
            type="date"
            hint={t("stays.forms.activityUntilHint")}
            {...form.register("activity.until", { setValueAs: emptyToUndefined })}
          />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            {...field("activity.hours")}
            type="number"
            min={0}
            step="0.5"
            inputMode="decimal"
            hint={t("stays.forms.activityHoursHint")}
            {...form.register("activity.hours", { setValueAs: numberOrUndefined })}
          />
        </div>
      </div>
    </EventFormLayout>
  );
}
