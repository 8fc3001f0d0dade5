import { type KeyboardEvent, type Ref, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "../../components/form-fields.tsx";
import { type Comune, comuneLabel, useComune, useComuniSearch } from "../reference/reference-api.ts";

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * Comune autocomplete (ARIA combobox with a listbox popup): the user types a name, picks a comune
 * of the Region (of all Italy when `nationwide`), and the field's value becomes its ISTAT code.
 */
export function ComuneField({
  id,
  label,
  error,
  value,
  onChange,
  onBlur,
  inputRef,
  nationwide = false,
  required,
}: {
  id: string;
  label: string;
  error?: string;
  value: string;
  onChange: (istatCode: string) => void;
  onBlur: () => void;
  inputRef?: Ref<HTMLInputElement>;
  nationwide?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [isOpen, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const selected = useComune(value);
  const search = useComuniSearch(useDebounced(text, 200), nationwide);
  const items: Comune[] = isOpen ? (search.data ?? []) : [];
  const listboxId = `${id}-listbox`;
  const hint = t("structures.form.comuneHint");

  useEffect(() => {
    if (selected.data && !isOpen) setText(comuneLabel(selected.data));
  }, [selected.data, isOpen]);

  const choose = (comune: Comune) => {
    onChange(comune.istatCode);
    setText(comuneLabel(comune));
    setOpen(false);
    setActiveIndex(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((index) => (index + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length > 0) {
      event.preventDefault();
      setActiveIndex((index) => (index <= 0 ? items.length - 1 : index - 1));
    } else if (event.key === "Enter" && isOpen && activeIndex >= 0 && items[activeIndex]) {
      event.preventDefault();
      choose(items[activeIndex]);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const status =
    !isOpen || text.trim().length < 2
      ? ""
      : search.isFetching && items.length === 0
        ? t("structures.form.comuneSearching")
        : items.length === 0
          ? t("structures.form.comuneNoResults")
          : t("structures.form.comuneResults", { count: items.length });

  return (
    <div className="form-group comune-field">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listboxId}
        aria-activedescendant={
          activeIndex >= 0 && items[activeIndex] ? `${id}-option-${activeIndex}` : undefined
        }
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        aria-required={required || undefined}
        className={`form-control${error ? " is-invalid" : ""}`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActiveIndex(-1);
          if (value) onChange("");
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
      />
      <div
        id={listboxId}
        role="listbox"
        aria-label={label}
        className="comune-options"
        hidden={items.length === 0}
      >
        {items.map((comune, index) => (
          <div
            key={comune.istatCode}
            id={`${id}-option-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className={index === activeIndex ? "active" : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(comune)}
            onKeyDown={() => undefined}
          >
            {comuneLabel(comune)}
          </div>
        ))}
      </div>
      <small id={`${id}-hint`} className="form-text d-block">
        {hint}
      </small>
      <div className="visually-hidden" aria-live="polite">
        {status}
      </div>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
