import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

type FieldShell = { id: string; label: string; error?: string; hint?: string };

/** The ids that describe a field: its hint and its error message, when present. */
export function describedBy({ id, error, hint }: FieldShell): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Feedback({ id, error, hint }: FieldShell) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </>
  );
}

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  ref,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={`form-group ${className ?? ""}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        ref={ref}
        type="text"
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        {...input}
      />
      <Feedback id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  className,
  ref,
  ...textarea
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <div className={`form-group ${className ?? ""}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        {...textarea}
      />
      <Feedback id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  id,
  label,
  error,
  hint,
  options,
  placeholder,
  className,
  ref,
  ...select
}: FieldShell &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly Option[];
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  }) {
  return (
    <div className={`select-wrapper field-spacing ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={ref}
        className={error ? "is-invalid" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Feedback id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  error,
  hint,
  className,
  ref,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={`form-check ${className ?? ""}`}>
      <input
        id={id}
        ref={ref}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <Feedback id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-4">
      <legend className="h5 mb-4">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * A group of radio buttons under a legend; its hint and error describe the whole group. `input`
 * carries the shared attributes (name, onChange, a react-hook-form registration).
 */
export function RadioGroupField({
  id,
  legend,
  options,
  error,
  hint,
  inline = false,
  input,
}: {
  id: string;
  legend: string;
  options: readonly Option[];
  error?: string;
  hint?: string;
  inline?: boolean;
  input: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  return (
    <fieldset className="mb-4" id={id} aria-describedby={describedBy({ id, label: legend, error, hint })}>
      <legend className="h5 mb-3">{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className={`form-check${inline ? " form-check-inline" : ""}`}>
          <input type="radio" id={`${id}-${option.value}`} value={option.value} {...input} />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <Feedback id={id} label={legend} error={error} hint={hint} />
    </fieldset>
  );
}
