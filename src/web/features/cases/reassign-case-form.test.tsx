import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import type { AssignmentRequest } from "./cases-api.ts";
import { ReassignCaseForm } from "./reassign-case-form.tsx";

const caseId = "0b7c6a1e-3f0a-4b8e-9a53-3c1d2e4f5a6b";
const current = "1c2d3e4f-0000-4000-8000-000000000001";
const colleague = "1c2d3e4f-0000-4000-8000-000000000002";
const operators = [
  { id: current, name: "Anna Bianchi" },
  { id: colleague, name: "Carlo Verdi" },
];

function renderForm(status: "accepted" | "rejected" = "accepted") {
  const assign = vi.fn(async (request: AssignmentRequest) => ({
    id: request.id,
    status,
    warnings: [],
    errors:
      status === "rejected"
        ? [{ code: "unknown-operator", path: "/assignment/operatorId", message: "Operatore non valido." }]
        : [],
    caseId,
  }));
  const onDone = vi.fn();
  renderWeb(
    <ReassignCaseForm
      caseId={caseId}
      pseudonym="SIRMI-ABC"
      currentOperatorId={current}
      operators={operators}
      assign={assign}
      onDone={onDone}
    />,
  );
  return { assign, onDone };
}

async function setDate(user: ReturnType<typeof userEvent.setup>, day: string) {
  const date = screen.getByLabelText("Data dell'assegnazione");
  await user.clear(date);
  await user.type(date, day);
}

describe("the reassignment of a case", () => {
  it("offers the service's other operators and sends the assignment once one is chosen", async () => {
    const user = userEvent.setup();
    const { assign, onDone } = renderForm();
    expect(screen.getByRole("heading", { name: "Riassegnare la cartella di SIRMI-ABC" })).toBeTruthy();
    const choice = screen.getByLabelText("Nuovo operatore") as HTMLSelectElement;
    expect([...choice.options].map((option) => option.text)).toEqual(["—", "Carlo Verdi"]);
    await user.click(screen.getByRole("button", { name: "Riassegna" }));
    expect(assign).not.toHaveBeenCalled();
    expect(screen.getByText("Scegliere un operatore del servizio")).toBeTruthy();

    await user.selectOptions(choice, screen.getByRole("option", { name: "Carlo Verdi" }));
    await setDate(user, "2026-10-10");
    await user.click(screen.getByRole("button", { name: "Riassegna" }));
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign.mock.calls[0]?.[0]).toMatchObject({ operatorId: colleague, occurredOn: "2026-10-10" });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("shows the refusal in Italian and stays open", async () => {
    const user = userEvent.setup();
    const { onDone } = renderForm("rejected");
    await user.selectOptions(screen.getByLabelText("Nuovo operatore"), colleague);
    await user.click(screen.getByRole("button", { name: "Riassegna" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "Operatore non valido.");
    expect(onDone).not.toHaveBeenCalled();
  });
});
