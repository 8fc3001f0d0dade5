import { type RefObject, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId, useFieldLabels } from "./field-labels.ts";
import type { FlatError } from "./form-errors.ts";

/**
 * The summary shown above a form whose submission failed: the server's explanation, then each
 * wrong field as a link that moves the focus to it. It takes the focus itself when it appears.
 * Forms other than the structure's give their own labels and control ids.
 */
export function ErrorSummary({
  fieldErrors,
  messages,
  attempt,
  labelOf: formLabelOf,
  idOf = fieldId,
}: {
  fieldErrors: FlatError[];
  messages: string[];
  attempt: number;
  labelOf?: (path: string) => string;
  idOf?: (path: string) => string;
}) {
  const { t } = useTranslation();
  const structureLabels = useFieldLabels();
  const labelOf = formLabelOf ?? structureLabels.labelOf;
  const ref: RefObject<HTMLDivElement | null> = useRef(null);
  const visible = fieldErrors.length > 0 || messages.length > 0;
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!visible) return null;
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1} ref={ref} id="form-error-summary">
      <p className="fw-semibold mb-1">{t("errors.formSummary")}</p>
      {messages.map((message) => (
        <p className="mb-1" key={message}>
          {message}
        </p>
      ))}
      {fieldErrors.length > 0 && (
        <>
          <p className="mb-1">{t("errors.fieldCount", { count: fieldErrors.length })}</p>
          <ul className="mb-0">
            {fieldErrors.map((error) => (
              <li key={error.path}>
                <a
                  href={`#${idOf(error.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(idOf(error.path))?.focus();
                  }}
                >
                  {labelOf(error.path)}: {error.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
