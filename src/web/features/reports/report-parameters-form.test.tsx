import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { defaultParameters, queryOf, ReportParametersForm } from "./report-parameters-form.tsx";

/** The catalogue's entry for the admissions: the year required, the territory optional. */
const parameters = [
  { name: "year", label: "Anno", required: true },
  { name: "structure", label: "Struttura (codice)", required: false },
  { name: "zone", label: "Zona distretto", required: false },
  { name: "province", label: "Provincia", required: false },
];
const zones = { items: [{ code: "firenze", name: "Zona Fiorentina" }] };
const structures = { items: [{ id: "s1", code: "ST000030", name: "Comunità di prova" }] };

function renderForm(values: Record<string, string>, canChoosePublication = false) {
  const onApply = vi.fn();
  renderWeb(
    <ReportParametersForm
      report="admissions"
      title="Ammissioni nelle strutture residenziali"
      parameters={parameters}
      values={values}
      canChoosePublication={canChoosePublication}
      onApply={onApply}
    />,
    [
      [["zones"], zones],
      [["structures", "choices"], structures],
    ],
  );
  return onApply;
}

describe("the parameters form of a report", () => {
  it("names each parameter in Italian, the required ones marked, with the province's hint", () => {
    renderForm({});
    expect(
      screen.getByRole("heading", { name: "Parametri di «Ammissioni nelle strutture residenziali»" }),
    ).toBeTruthy();
    const year = screen.getByLabelText("Anno") as HTMLInputElement;
    expect(year.required).toBe(true);
    expect(year.type).toBe("number");
    expect((screen.getByLabelText("Zona distretto") as HTMLSelectElement).required).toBe(false);
    expect(screen.getByRole("option", { name: "Zona Fiorentina" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "Comunità di prova (ST000030)" })).toBeTruthy();
    expect(screen.getByText("Sigla della provincia, ad esempio FI")).toBeTruthy();
    expect(screen.getByLabelText("Come noto al (facoltativo)")).toBeTruthy();
    expect(screen.queryByLabelText("Versione per la pubblicazione (con tutela statistica)")).toBeNull();
  });

  it("is not sent while the required year is missing or out of range", async () => {
    const user = userEvent.setup();
    const onApply = renderForm({});
    await user.click(screen.getByRole("button", { name: "Mostra a schermo" }));
    expect(onApply).not.toHaveBeenCalled();
    const year = screen.getByLabelText("Anno") as HTMLInputElement;
    expect(year.validity.valueMissing).toBe(true);
    await user.type(year, "1999");
    expect(year.validity.rangeUnderflow).toBe(true);
    await user.click(screen.getByRole("button", { name: "Mostra a schermo" }));
    expect(onApply).not.toHaveBeenCalled();
  });

  it("sends what was filled in, the province in capitals, and the publication when offered", async () => {
    const user = userEvent.setup();
    const onApply = renderForm({ year: "2025" }, true);
    await user.selectOptions(screen.getByLabelText("Zona distretto"), "firenze");
    await user.type(screen.getByLabelText("Provincia"), "fi");
    await user.click(screen.getByLabelText("Versione per la pubblicazione (con tutela statistica)"));
    await user.click(screen.getByRole("button", { name: "Mostra a schermo" }));
    expect(onApply).toHaveBeenCalledTimes(1);
    const values = onApply.mock.calls[0][0];
    expect(values).toEqual({ year: "2025", zone: "firenze", province: "FI", publication: "true" });
    expect(queryOf(values)).toEqual({ year: "2025", zone: "firenze", province: "FI", publication: true });
  });

  it("proposes values that make the report computable at once, on a fixed day", () => {
    expect(defaultParameters("admissions", "2026-02-15")).toEqual({ year: "2025" });
    expect(defaultParameters("admissions", "2026-03-01")).toEqual({ year: "2026" });
    expect(defaultParameters("out-of-family-stock", "2026-03-01")).toEqual({ date: "2026-03-01" });
    // The instant is typed on Rome's clock (CET in January), whatever the browser's zone.
    expect(queryOf({ asOf: "2026-01-15T11:00", year: "" })).toEqual({ asOf: "2026-01-15T10:00:00.000Z" });
  });
});
