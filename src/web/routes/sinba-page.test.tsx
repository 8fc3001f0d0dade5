import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWeb } from "../../../test/support/render-web.tsx";
import type {
  SinbaEnteList,
  SinbaFlowList,
  SinbaNotSendableList,
} from "../../domain/sinba/sinba-api.schema.ts";
import { sinbaKeys } from "../features/sinba/sinba-api.ts";
import { SinbaPage } from "./sinba-page.tsx";

const ente = "0b8f3c1e-6a1d-4d7e-9c55-2f1a7c0d9e11";
const caseId = "5d2f7a9e-1c3b-4e8a-9f60-7b1c2d3e4f50";

const enti: SinbaEnteList = {
  items: [
    {
      organisationId: ente,
      code: "SS-FI",
      name: "Servizio sociale di Firenze",
      belfiore: "D612",
      counts: {
        waiting: 2,
        OK: 5,
        DATI_NON_TROVATI: 0,
        RICHIESTA_INVALIDA: 1,
        ERRORE_GENERICO: 0,
        notSendable: 1,
      },
      lastFlowAt: "2026-11-21T09:00:00.000Z",
      lastOutcomeAt: "2026-11-21T10:15:00.000Z",
    },
  ],
};

const answered: SinbaFlowList = {
  total: 2,
  items: [
    {
      idFlusso: "D612.SINBA.20261121.0000002",
      caseId,
      minorPseudonym: "MIN-7K2Q",
      reason: "changed",
      referenceDay: "2026-11-21",
      status: "RICHIESTA_INVALIDA",
      outcomeMessage: "Codice prestazione non ammesso per la tipologia di intervento",
      outcomeAt: "2026-11-21T10:15:00.000Z",
      recordedAt: "2026-11-21T09:00:00.000Z",
    },
    {
      idFlusso: "D612.SINBA.20261120.0000001",
      caseId,
      minorPseudonym: "MIN-7K2Q",
      reason: "opened",
      referenceDay: "2026-11-20",
      status: "OK",
      outcomeMessage: null,
      outcomeAt: "2026-11-20T18:00:00.000Z",
      recordedAt: "2026-11-20T09:00:00.000Z",
    },
  ],
};

const notSendable: SinbaNotSendableList = {
  items: [
    {
      caseId,
      minorPseudonym: "MIN-9ZZA",
      caseStatus: "open",
      checkedAt: "2026-11-21T09:00:00.000Z",
      missing: [
        {
          field: "TipoProvvedimento",
          code: "missing",
          part: "judicial",
          message: "Manca il tipo di provvedimento",
        },
        {
          field: "CodiceCatastale",
          code: "missing",
          part: "ente",
          message: "Manca il codice catastale dell'ente",
        },
      ],
    },
  ],
};

function renderPage() {
  return renderWeb(
    <MemoryRouter initialEntries={["/flusso-sinba"]}>
      <SinbaPage />
    </MemoryRouter>,
    [
      [[...sinbaKeys.enti], enti],
      [[...sinbaKeys.flows({ status: "answered", ente: undefined, limit: 20, offset: 0 })], answered],
      [[...sinbaKeys.notSendable(undefined)], notSendable],
    ],
  );
}

describe("the service's SINBA flow page", () => {
  it("shows the counts per status and the outcomes, with INPS's error text highlighted", () => {
    renderPage();
    const counts = screen.getByRole("region", { name: "Flussi per stato" });
    expect(within(counts).getByText("In attesa di lettura da INPS").parentElement?.textContent).toBe(
      "In attesa di lettura da INPS: 2",
    );
    expect(within(counts).getByText("Richiesta non valida").parentElement?.textContent).toBe(
      "Richiesta non valida: 1",
    );
    expect(screen.getByText("2 flussi")).toBeDefined();
    const error = screen.getByText("Codice prestazione non ammesso per la tipologia di intervento");
    expect(error.closest("td")?.className).toContain("fw-semibold");
    expect(within(error.closest("tr") as HTMLElement).getByText("Richiesta non valida").className).toContain(
      "bg-danger",
    );
    const ok = screen.getByText("D612.SINBA.20261120.0000001").closest("tr") as HTMLElement;
    expect(within(ok).getByText("—").className).not.toContain("fw-semibold");
  });

  it("lists what a case still misses, field by field, linking to the form part that fills it", async () => {
    renderPage();
    await userEvent.click(screen.getByRole("button", { name: "Non ancora inviabili" }));
    const list = screen.getByRole("table", { name: "Ciò che manca alla cartella di MIN-9ZZA" });
    const judicial = within(list).getByRole("link", { name: "Compila in «Provvedimento giudiziario»" });
    expect(judicial.getAttribute("href")).toBe(`/cartelle/${caseId}?parte=judicial-measure#case-record`);
    const enteRow = within(list).getByText("Manca il codice catastale dell'ente").closest("tr");
    expect(enteRow?.textContent).toContain("Dati dell'ente");
    expect(within(enteRow as HTMLElement).queryByRole("link")).toBeNull();
  });
});
