import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/form-fields.tsx";
import type { StructureChoice } from "./stays-api.ts";

/** For a role with several structures: which one to work on (the choice stays in the URL). */
export function StructureSwitcher({
  choices,
  value,
  onChoose,
  submitLabel,
}: {
  choices: StructureChoice[];
  value: string;
  onChoose: (structureId: string) => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const initial = value || choices[0]?.id || "";
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial), [initial]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) onChoose(draft);
  };
  return (
    <form className="d-flex flex-wrap align-items-end gap-3 mb-4 structure-switcher" onSubmit={onSubmit}>
      <SelectField
        id="structure-choice"
        className="mb-0"
        label={t("stays.choose.structure")}
        options={choices.map((choice) => ({ value: choice.id, label: `${choice.name} (${choice.code})` }))}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary btn-sm">
        {submitLabel}
      </button>
    </form>
  );
}
