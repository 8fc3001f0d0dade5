import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { stayEventSchemas, withRequiredReason } from "../../../domain/stays/stay-event.schema.ts";
import { SelectField, TextAreaField } from "../../components/form-fields.tsx";
import {
  type AdmissionContentDraft,
  AdmissionContentFields,
  emptyAdmissionContent,
  useAdmissionContentLabels,
  type WithAdmissionContent,
} from "./admission-content-fields.tsx";
import { DischargeContentFields, type EventFormProps, type WithDischargeContent } from "./event-forms.tsx";
import { correctionTargets, effectiveContent, eventName } from "./stay-events.ts";
import type { StayEventRecord } from "./stays-api.ts";
import { EventFormLayout, envelopeOf, OccurredOnField, useEventForm } from "./use-event-form.tsx";

type CorrectionDraft = ReturnType<typeof envelopeOf<"correction">> & {
  corrects: string;
  reason: string;
  admission: AdmissionContentDraft;
  discharge: { reason: string; destination: string };
};

type StayCorrection = z.output<typeof stayEventSchemas.correction>;

/** The draft as an event: only the content of the kind of event it corrects. */
function correctionSchema(events: StayEventRecord[]) {
  return z.preprocess((value) => {
    const { admission, discharge, ...rest } = value as CorrectionDraft;
    const kind = events.find((event) => event.id === rest.corrects)?.type;
    if (kind === "admission") return { ...rest, admission };
    if (kind === "discharge") return { ...rest, discharge };
    return rest;
  }, withRequiredReason(stayEventSchemas.correction)) as unknown as z.ZodType<
    StayCorrection,
    CorrectionDraft
  >;
}

/** A correction: choose the admission or discharge to replace, then enter its new content and date. */
export function CorrectionForm({
  context,
  defaultDate,
  events,
  onRecorded,
  onCancel,
}: EventFormProps & { events: StayEventRecord[] }) {
  const { t } = useTranslation();
  const targets = correctionTargets(events);
  const state = useEventForm({
    schema: correctionSchema(events),
    defaultValues: {
      ...envelopeOf(context, "correction", defaultDate),
      corrects: "",
      reason: "",
      admission: emptyAdmissionContent,
      discharge: { reason: "", destination: "" },
    },
    labels: {
      corrects: t("stays.forms.corrects"),
      reason: t("stays.forms.reason"),
      occurredOn: t("stays.forms.correctionDate"),
      ...useAdmissionContentLabels(),
      "discharge.reason": t("stays.forms.dischargeReason"),
      "discharge.destination": t("stays.forms.dischargeDestination"),
    },
    structureId: context.structureId,
    onRecorded,
  });
  const { form, field } = state;
  const corrects = form.watch("corrects");
  const kind = targets.find((event) => event.id === corrects)?.type;

  const choose = (targetId: string) => {
    const content = effectiveContent(events, targetId);
    const current = form.getValues();
    form.reset({
      ...current,
      corrects: targetId,
      occurredOn: content?.occurredOn ?? current.occurredOn,
      admission: content?.admission ?? current.admission,
      discharge: content?.discharge ?? current.discharge,
    });
  };

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
    <EventFormLayout state={state} submitLabel={t("stays.forms.submit")} onCancel={onCancel}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <SelectField
            {...field("corrects")}
            options={targets.map((event) => ({ value: event.id, label: eventName(event) }))}
            placeholder={t("stays.forms.selectPlaceholder")}
            hint={t("stays.forms.correctsHint")}
            required
            {...form.register("corrects", { onChange: (event) => choose(event.target.value) })}
          />
        </div>
        {kind && (
          <div className="col-12 col-lg-6">
            <OccurredOnField state={state} />
          </div>
        )}
      </div>
      {kind && <TextAreaField {...field("reason")} rows={2} required {...form.register("reason")} />}
      {kind === "admission" && (
        <AdmissionContentFields
          form={form as unknown as UseFormReturn<WithAdmissionContent, unknown, unknown>}
          field={field}
        />
      )}
      {kind === "discharge" && (
        <div className="row">
          <DischargeContentFields
            form={form as unknown as UseFormReturn<WithDischargeContent, unknown, unknown>}
            field={field}
          />
        </div>
      )}
    </EventFormLayout>
  );
}
