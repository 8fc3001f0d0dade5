import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWeb } from "../../../../test/support/render-web.tsx";
import { CasePartForm } from "./case-part-form.tsx";
import { caseParts, type PartType } from "./case-parts.ts";

const caseId = "0b7c6a1e-3f0a-4b8e-9a53-3c1d2e4f5a6b";
const partOf = (type: PartType) => {
  const part = caseParts.find((candidate) => candidate.type === type);
  if (!part) throw new Error(type);
  return part;
};
const accepted = (id: string) => ({ id, status: "accepted" as const, warnings: [], errors: [], caseId });

function renderPart(type: PartType, episodes: { value: string; label: string }[] = []) {
  const record = vi.fn(async (event: Record<string, unknown>) => accepted(String(event.id)));
  renderWeb(<CasePartForm part={partOf(type)} caseId={caseId} record={record} episodes={episodes} />);
  return record;
}

async function setDate(user: ReturnType<typeof userEvent.setup>, day: string) {
  const date = screen.getByLabelText("Data del fatto");
  await user.clear(date);
  await user.type(date, day);
}

describe("the forms of a case's parts", () => {
  it("an assessment: nothing sent without the child's prevalent problem, then the fact as the API takes it", async () => {
    const user = userEvent.setup();
    const record = renderPart("assessment");
    expect(screen.getByRole("heading", { name: "Valutazione" })).toBeTruthy();
    await setDate(user, "2026-10-03");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).not.toHaveBeenCalled();
    expect(screen.getByText("Scegliere un valore dall'elenco")).toBeTruthy();
    const problem = screen.getByLabelText("Problematica prevalente del minore") as HTMLSelectElement;
    await user.selectOptions(problem, problem.options[2]?.value ?? "");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).toHaveBeenCalledTimes(1);
    const event = record.mock.calls[0]?.[0] as Record<string, unknown>;
    const chosen = problem.options[2]?.value;
    expect(event).toMatchObject({
      type: "assessment",
      caseId,
      occurredOn: "2026-10-03",
      assessment: { child: { values: [chosen], prevalent: chosen } },
    });
    expect(event).not.toHaveProperty("assessment.family");
    expect(await screen.findByText("Fatto registrato.")).toBeTruthy();
  });

  it("a situation: every attribute of the minor a SINBA record requires, labelled from the code lists", async () => {
    const user = userEvent.setup();
    const record = renderPart("situation");
    expect(screen.getByRole("heading", { name: "Situazione del minore" })).toBeTruthy();
    await setDate(user, "2026-10-02");
    const choices: [string, string, string][] = [
      ["Condizione del minore", "Orfano di madre", "4"],
      ["Luogo di vita", "Presso parenti", "2"],
      ["Scuola frequentata", "Scuola primaria", "5"],
      ["Condizione lavorativa", "Inattivo (non in età da lavoro, non ha e non cerca lavoro)", "1"],
      ["Disabilità", "SI", "1"],
      ["Tipo di disabilità (se presente)", "Sensoriale", "3"],
      ["Certificazione di invalidità civile (se presente)", "Certificazione l.104", "5"],
    ];
    for (const [label, option] of choices)
      await user.selectOptions(screen.getByLabelText(label), screen.getByRole("option", { name: option }));
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0]?.[0]).toEqual({
      id: expect.any(String),
      type: "situation",
      caseId,
      occurredOn: "2026-10-02",
      situation: {
        orphanhood: "4",
        livingPlace: "2",
        school: "5",
        workCondition: "1",
        disability: "1",
        disabilityTypes: ["3"],
        certifications: ["5"],
      },
    });
  });

  it("a situation without a disability sends neither its type nor a certification", async () => {
    const user = userEvent.setup();
    const record = renderPart("situation");
    await setDate(user, "2026-10-02");
    await user.selectOptions(screen.getByLabelText("Condizione del minore"), "1");
    await user.selectOptions(screen.getByLabelText("Condizione lavorativa"), "1");
    await user.selectOptions(screen.getByLabelText("Disabilità"), "2");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    const event = record.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(event.situation).toEqual({ orphanhood: "1", workCondition: "1", disability: "2" });
  });

  it("an assessment also takes the family's prevalent problem and the prevalent collaboration", async () => {
    const user = userEvent.setup();
    const record = renderPart("assessment");
    await setDate(user, "2026-10-03");
    await user.selectOptions(screen.getByLabelText("Problematica prevalente del minore"), "1");
    await user.selectOptions(screen.getByLabelText("Problematica prevalente della famiglia"), "2");
    await user.selectOptions(screen.getByLabelText("Collaborazione prevalente con altri servizi"), "7");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record.mock.calls[0]?.[0]).toMatchObject({
      type: "assessment",
      assessment: {
        child: { values: ["1"], prevalent: "1" },
        family: { values: ["2"], prevalent: "2" },
        collaborations: { values: ["7"], prevalent: "7" },
      },
    });
  });

  it("a family: the household, each parent only when something of them is said, the region", async () => {
    const user = userEvent.setup();
    const record = renderPart("family");
    await setDate(user, "2026-10-02");
    await user.selectOptions(screen.getByLabelText("Composizione del nucleo familiare"), "1");
    const motherCitizenship = screen.getByLabelText("Cittadinanza della madre");
    await user.selectOptions(
      motherCitizenship,
      within(motherCitizenship).getByRole("option", { name: "Italia" }),
    );
    await user.selectOptions(screen.getByLabelText("Titolo di studio della madre"), "5");
    await user.selectOptions(screen.getByLabelText("Occupazione della madre"), "1");
    await user.selectOptions(
      screen.getByLabelText("Regione di residenza dei genitori"),
      screen.getByRole("option", { name: "Toscana" }),
    );
    await user.click(screen.getByRole("button", { name: "Registra" }));
    const event = record.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(event.family).toEqual({
      household: ["1"],
      mother: { citizenship: "100", education: "5", occupation: "1" },
      residenceRegion: "09",
    });
  });

  it("a judicial measure of type 8 needs its detail, the domain's own rule in Italian", async () => {
    const user = userEvent.setup();
    const record = renderPart("judicial-measure");
    await setDate(user, "2026-10-04");
    await user.selectOptions(screen.getByLabelText("Autorità"), "1");
    await user.selectOptions(screen.getByLabelText("Tipo di provvedimento"), "8");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).not.toHaveBeenCalled();
    expect(screen.getByText(/indicare se è post-adozione o allontanamento d'urgenza/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Dettaglio (solo per il tipo 8)"), "art-403");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record.mock.calls[0]?.[0]).toMatchObject({
      type: "judicial-measure",
      measure: { authority: "1", kind: "8", kindDetail: "art-403" },
    });
  });

  it("a foster care start: four choices and the nights a week, a number from 0 to 7", async () => {
    const user = userEvent.setup();
    const record = renderPart("foster-care-start");
    await setDate(user, "2026-10-05");
    for (const label of ["Forma dell'affido", "Tipo di affido", "Durata", "Carattere"])
      await user.selectOptions(screen.getByLabelText(label), "1");
    await user.type(screen.getByLabelText("Notti a settimana"), "9");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).not.toHaveBeenCalled();
    expect(screen.getByText("Un numero da 0 a 7")).toBeTruthy();
    await user.clear(screen.getByLabelText("Notti a settimana"));
    await user.type(screen.getByLabelText("Notti a settimana"), "7");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record.mock.calls[0]?.[0]).toMatchObject({
      type: "foster-care-start",
      fosterCare: { form: "1", kind: "1", duration: "1", character: "1", nightsPerWeek: 7 },
    });
  });

  it("a foster care end names an open episode; a closure needs reason and situation", async () => {
    const user = userEvent.setup();
    const start = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    const record = renderPart("foster-care-end", [{ value: start, label: "5 ottobre 2026" }]);
    await setDate(user, "2026-10-20");
    await user.selectOptions(screen.getByLabelText("Affido da concludere"), start);
    await user.selectOptions(screen.getByLabelText("Esito dell'affido"), "1");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record.mock.calls[0]?.[0]).toMatchObject({
      type: "foster-care-end",
      fosterCareStart: start,
      outcome: "1",
    });
  });

  it("a rejected fact shows the API's Italian messages and keeps the values", async () => {
    const user = userEvent.setup();
    const record = vi.fn(async (event: Record<string, unknown>) => ({
      id: String(event.id),
      status: "rejected" as const,
      warnings: [],
      errors: [{ code: "case-closed", path: "/", message: "La cartella è chiusa." }],
    }));
    renderWeb(<CasePartForm part={partOf("closure")} caseId={caseId} record={record} />);
    await setDate(user, "2026-11-01");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(record).not.toHaveBeenCalled();
    await user.selectOptions(screen.getByLabelText("Motivo della chiusura"), "4");
    await user.selectOptions(screen.getByLabelText("Situazione alla chiusura"), "1");
    await user.click(screen.getByRole("button", { name: "Registra" }));
    expect(await screen.findByText("La cartella è chiusa.")).toBeTruthy();
    expect((screen.getByLabelText("Motivo della chiusura") as HTMLSelectElement).value).toBe("4");
  });
});
