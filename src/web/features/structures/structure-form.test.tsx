import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { StructureForm } from "./structure-form.tsx";
import { newStructureValues } from "./structure-form-model.ts";

const types = {
  items: [{ code: "socio-educativa", label: "Comunità socio-educativa", nationalType: "socio-educativa" }],
};

function renderForm(onSubmit: () => Promise<unknown>) {
  renderWeb(
    <StructureForm
      mode="register"
      defaultValues={newStructureValues("Cooperativa Sociale Esempio")}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
    [
      [["regional-structure-types"], types],
      [["settings"], { regionCode: "09" }],
    ],
  );
}

describe("the structure form (registration)", () => {
  it("sends nothing while fields are wrong, and says which and why in Italian, next to each field", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    await user.click(screen.getByRole("button", { name: "Invia per l'approvazione" }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole("alert");
    expect(summary.textContent).toContain("Il modulo contiene errori: correggere i campi indicati.");
    expect(summary.textContent).toContain("Ci sono 12 campi da correggere.");
    const links = within(summary)
      .getAllByRole("link")
      .map((link) => link.textContent);
    expect(links).toContain("Denominazione: Inserire la denominazione");
    expect(links).toContain("Comune: Codice ISTAT del comune non valido (6 cifre)");
    expect(links).toContain("Data dell'atto: Data non valida: usare il formato AAAA-MM-GG");
    const name = screen.getByLabelText("Denominazione") as HTMLInputElement;
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(String(name.getAttribute("aria-describedby")))?.textContent).toBe(
      "Inserire la denominazione",
    );
    const address = screen.getByLabelText("Indirizzo (via e numero civico)");
    expect(document.activeElement).not.toBe(address);
    await user.click(
      within(summary).getByRole("link", { name: "Indirizzo (via e numero civico): Inserire l'indirizzo" }),
    );
    expect(document.activeElement).toBe(address);
  });

  it("clears a field's message once it is corrected", async () => {
    const user = userEvent.setup();
    renderForm(vi.fn(async () => undefined));
    await user.click(screen.getByRole("button", { name: "Invia per l'approvazione" }));
    const name = screen.getByLabelText("Denominazione") as HTMLInputElement;
    await user.type(name, "Comunità Il Faro");
    expect(name.getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByRole("alert").textContent).not.toContain("Inserire la denominazione");
  });
});
