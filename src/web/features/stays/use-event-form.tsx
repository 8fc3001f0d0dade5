import { type ReactNode, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type PathValue,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { EventType } from "../../../domain/code-lists/interchange-codes.ts";
import type { StayEvent } from "../../../domain/stays/stay-event.schema.ts";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { isApiError } from "../../api/client.ts";
import { useErrorMessage } from "../../components/error-alert.tsx";
import { TextField } from "../../components/form-fields.tsx";
import { ErrorSummary } from "../structures/error-summary.tsx";
import { fieldId } from "../structures/field-labels.ts";
import { type FlatError, flattenErrors } from "../structures/form-errors.ts";
import { applyEventProblems, errorUnder, eventResolver, fieldOf } from "./event-form-errors.ts";
import { type EventResult, useRecordEvent } from "./stays-api.ts";

/** What an event form needs to know of the stay it writes to. */
export type EventContext = { structureId: string; structureCode: string; stayRef: string };

/** What a form reports once the server has answered: the type of the event and its outcome. */
export type RecordedOutcome = { type: EventType; result: EventResult };

/** The envelope of a new event: a fresh UUID (the idempotency key), the structure and the stay. */
export function envelopeOf<Type extends EventType>(
  context: Pick<EventContext, "structureCode" | "stayRef">,
  type: Type,
  occurredOn: string,
) {
  return {
    id: crypto.randomUUID(),
    type,
    structureCode: context.structureCode,
    stayRef: context.stayRef,
    occurredOn,
  };
}

type Options<Input extends FieldValues, Output extends StayEvent> = {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  /** Label of each field the form shows, by dotted path: the server's problems land on them. */
  labels: Record<string, string>;
  structureId: string;
  onRecorded: (recorded: RecordedOutcome) => void;
  extraCheck?: (values: Input) => FlatError[];
};

export type EventFormState<Input extends FieldValues, Output extends StayEvent> = ReturnType<
  typeof useEventForm<Input, Output>
>;

/**
 * One event form: validated with the standard's zod schema, posted to the structure's events
 * endpoint, the server's problems shown next to their fields. A rejected event keeps its id on
 * the server, so the next attempt gets a new one; after a network failure the same id is resent
 * and the server recognises a duplicate.
 */
export function useEventForm<Input extends FieldValues, Output extends StayEvent>(
  options: Options<Input, Output>,
) {
  const { labels, structureId, onRecorded } = options;
  const messageOf = useErrorMessage();
  const fields = Object.keys(labels);
  const form: UseFormReturn<Input, unknown, Output> = useForm<Input, unknown, Output>({
    resolver: eventResolver(options.schema, options.extraCheck),
    defaultValues: options.defaultValues,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const record = useRecordEvent(structureId);
  const [attempt, setAttempt] = useState(0);
  const [messages, setMessages] = useState<string[]>([]);

  const submit = form.handleSubmit(
    async (event) => {
      setMessages([]);
      try {
        const result = await record.mutateAsync(event);
        onRecorded({ type: event.type, result });
      } catch (error) {
        if (isApiError(error) && error.status === 422) {
          form.setValue("id" as Path<Input>, crypto.randomUUID() as PathValue<Input, Path<Input>>);
        }
        const unplaced = applyEventProblems(error, form.setError, fields);
        const hasProblems = isApiError(error) && error.problems.length > 0;
        setMessages(hasProblems ? unplaced : [messageOf(error)]);
        setAttempt((count) => count + 1);
      }
    },
    () => {
      setMessages([]);
      setAttempt((count) => count + 1);
    },
  );

  const placeOf = (path: string) => fieldOf(fields, path) ?? path;
  const labelOf = (path: string) => labels[placeOf(path)] ?? path;
  const idOf = (path: string) => fieldId(placeOf(path));
  const field = (path: string) => ({
    id: idOf(path),
    label: labelOf(path),
    error: errorUnder(form.formState.errors, path),
  });
  const summary = {
    fieldErrors: attempt > 0 ? flattenErrors(form.formState.errors) : [],
    messages,
    attempt,
    labelOf,
    idOf,
  };
  return { form, submit, field, summary, isSubmitting: form.formState.isSubmitting };
}

/** The day the fact happened, never after today (Europe/Rome): every event form asks it. */
export function OccurredOnField<Input extends FieldValues, Output extends StayEvent>({
  state,
}: {
  state: Pick<EventFormState<Input, Output>, "form" | "field">;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      {...state.field("occurredOn")}
      type="date"
      max={todayInRome()}
      hint={t("stays.forms.dateHint")}
      required
      {...state.form.register("occurredOn" as Path<Input>)}
    />
  );
}

/** The frame of every event form: error summary, the fields, confirm and cancel. */
export function EventFormLayout({
  state,
  submitLabel,
  onCancel,
  children,
}: {
  state: Pick<EventFormState<FieldValues, StayEvent>, "submit" | "summary" | "isSubmitting">;
  submitLabel: string;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={state.submit} noValidate className="event-form">
      <div className="mb-4">
        <ErrorSummary {...state.summary} />
      </div>
      {children}
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={state.isSubmitting}>
          {state.isSubmitting ? t("stays.forms.submitting") : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
