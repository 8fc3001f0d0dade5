import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { FittedPlacesTable } from "./fitted-places-table.tsx";
import type { FittedPlace } from "./placements-api.ts";

const target = { minAge: 6, maxAge: 17, sex: "any" as const, motherWithChild: false, msna: false };
const rows: FittedPlace[] = [
  {
    structureId: "6f1c2a5e-0000-4000-8000-000000000104",
    code: "ST000104",
    name: "Casa Delta",
    nationalType: "comunita-socio-educativa",
    zoneCode: "fi",
    zoneName: "Firenze",
    authorisedPlaces: 5,
    present: 0,
    free: 5,
    target: { ...target, sex: "M" },
    contacts: {
      street: "Via del Prato 3",
      comuneCode: "048017",
      comuneName: "Firenze",
      operatorName: "Cooperativa Sociale Esempio",
    },
  },
  {
    structureId: "6f1c2a5e-0000-4000-8000-000000000106",
    code: "ST000106",
    name: "Casa Zeta",
    nationalType: "comunita-socio-educativa",
    zoneCode: null,
    zoneName: null,
    authorisedPlaces: 2,
    present: 0,
    free: 2,
    target,
    contacts: {
      street: "Via Santa Maria 8",
      comuneCode: "050026",
      comuneName: null,
      operatorName: "Ente Zeta",
    },
  },
];

describe("the fitted places table", () => {
  it("shows each structure with its zone, free places, target and contacts, in the order given", () => {
    renderWeb(<FittedPlacesTable date="2026-11-21" rows={rows} />);
    const table = screen.getByRole("table", { name: "Strutture adatte con posti liberi il 21/11/2026" });
    const body = within(table).getAllByRole("row").slice(1);
    expect(body.map((row) => row.getAttribute("data-structure"))).toEqual(["ST000104", "ST000106"]);
    expect(
      within(body[0])
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([
      "Firenze",
      "Comunità socio-educativa per minori",
      "5",
      "6–17 anni, solo maschi",
      "Cooperativa Sociale EsempioVia del Prato 3, Firenze",
    ]);
    expect(within(body[1]).getAllByRole("cell")[0].textContent).toBe("Senza zona");
    expect(within(body[1]).getAllByRole("cell")[4].textContent).toBe("Ente ZetaVia Santa Maria 8");
    expect(within(table).queryByRole("button")).toBeNull();
  });

  it("sends a request for the structure chosen", () => {
    const onSend = vi.fn();
    renderWeb(<FittedPlacesTable date="2026-11-21" rows={rows} onSend={onSend} />);
    fireEvent.click(screen.getByRole("button", { name: "Invia richiesta a Casa Zeta" }));
    expect(onSend).toHaveBeenCalledWith(rows[1]);
  });

  it("says so when no structure fits", () => {
    renderWeb(<FittedPlacesTable date="2026-11-21" rows={[]} />);
    expect(screen.getByText("Nessuna struttura adatta con posti liberi nel giorno indicato.")).toBeTruthy();
  });
});
