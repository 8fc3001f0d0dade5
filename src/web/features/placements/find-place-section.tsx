import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInRome } from "../../../domain/time/calendar.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { Loading } from "../../components/loading.tsx";
import { optionsOf } from "../reference/code-labels.ts";
import { useZones } from "../reference/reference-api.ts";
import { FittedPlacesTable } from "./fitted-places-table.tsx";
import {
  type FittedPlace,
  type PlaceSearchQuery,
  useFittedPlaces,
  useSendPlacementRequest,
} from "./placements-api.ts";

type Draft = { date: string; zone: string; nationalType: string; msna: boolean; motherWithChild: boolean };

function queryOf(draft: Draft): PlaceSearchQuery {
  return {
    date: draft.date,
    msna: draft.msna ? "true" : "false",
    motherWithChild: draft.motherWithChild ? "true" : "false",
    ...(draft.zone ? { zone: draft.zone } : {}),
    ...(draft.nationalType ? { nationalType: draft.nationalType as PlaceSearchQuery["nationalType"] } : {}),
  };
}

/** "Trova un posto": the child's needs, the fitted places, and a request sent to one of them. */
export function FindPlaceSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const zones = useZones();
  const [draft, setDraft] = useState<Draft>({
    date: todayInRome(),
    zone: "",
    nationalType: "",
    msna: false,
    motherWithChild: false,
  });
  const [note, setNote] = useState("");
  const [query, setQuery] = useState<PlaceSearchQuery | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const places = useFittedPlaces(caseId, query);
  const send = useSendPlacementRequest(caseId);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    setQuery(queryOf(draft));
  };
  const onSend = (place: FittedPlace) => {
    if (!query) return;
    setSentTo(null);
    send.mutate(
      {
        structureId: place.structureId,
        wishedStartOn: query.date,
        msna: query.msna === "true",
        motherWithChild: query.motherWithChild === "true",
        ...(query.zone ? { zone: query.zone } : {}),
        ...(query.nationalType ? { nationalType: query.nationalType } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: () => setSentTo(place.name) },
    );
  };
  const sexLabel = (sex: "M" | "F") => t(`placements.sex.${sex}`);
  return (
    <section id="find-place" aria-labelledby="find-place-heading" className="mb-5">
      <h2 id="find-place-heading" className="h4">
        {t("placements.find.heading")}
      </h2>
      <p>{t("placements.find.intro")}</p>
      <form onSubmit={onSubmit} aria-label={t("placements.find.filters")} className="mb-3">
        <div className="row g-3">
          <div className="col-12 col-md-4">
            <TextField
              id="find-place-date"
              type="date"
              label={t("placements.find.date")}
              required
              value={draft.date}
              onChange={(event) => set("date", event.target.value)}
            />
          </div>
          <div className="col-12 col-md-4">
            <SelectField
              id="find-place-zone"
              label={t("placements.find.zone")}
              placeholder={t("common.any")}
              options={(zones.data ?? []).map((zone) => ({ value: zone.code, label: zone.name }))}
              value={draft.zone}
              onChange={(event) => set("zone", event.target.value)}
            />
          </div>
          <div className="col-12 col-md-4">
            <SelectField
              id="find-place-national-type"
              label={t("placements.find.nationalType")}
              placeholder={t("common.any")}
              options={optionsOf("nationalType")}
              value={draft.nationalType}
              onChange={(event) => set("nationalType", event.target.value)}
            />
          </div>
        </div>
        <CheckboxField
          id="find-place-msna"
          label={t("placements.find.msna")}
          checked={draft.msna}
          onChange={(event) => set("msna", event.target.checked)}
        />
        <CheckboxField
          id="find-place-mother"
          label={t("placements.find.motherWithChild")}
          checked={draft.motherWithChild}
          onChange={(event) => set("motherWithChild", event.target.checked)}
        />
        <TextAreaField
          id="find-place-note"
          label={t("placements.find.note")}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="btn btn-primary mt-2">
          {t("placements.find.search")}
        </button>
      </form>
      {places.isFetching && <Loading />}
      {places.error && <ErrorAlert error={places.error} />}
      {places.data && (
        <>
          <p className="fw-semibold">
            {places.data.needs.age === null
              ? t("placements.find.ageUnknown", { sex: sexLabel(places.data.needs.sex) })
              : t("placements.find.needs", {
                  age: places.data.needs.age,
                  sex: sexLabel(places.data.needs.sex),
                })}
          </p>
          <FittedPlacesTable
            date={places.data.date}
            rows={places.data.structures}
            onSend={onSend}
            sending={send.isPending}
          />
        </>
      )}
      {send.error && <ErrorAlert error={send.error} />}
      {sentTo && (
        <p className="alert alert-success" role="status">
          {t("placements.find.sent", { name: sentTo })}
        </p>
      )}
    </section>
  );
}
