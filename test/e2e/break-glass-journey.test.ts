import { expect, it } from "vitest";
import { italianChild, resolveIdentity } from "../support/registry-fixtures.ts";
import { createOrganisationFor, createUserFor } from "../support/test-app.ts";
import { definitionOf, expectAccessible, logIn, logOut, navigateTo } from "./support/journey-steps.ts";
import { describeJourney } from "./support/journey-suite.ts";

const reason = "Minore giunto di notte in pronto accoglienza senza documenti: serve l'identità.";
let pseudonym = "";

describeJourney(
  "break-glass journey in Chromium",
  async (t) => {
    await createOrganisationFor(t, "REGIONE", "region");
    await createOrganisationFor(t, "COOP-ESEMPIO", "operator", undefined, "Cooperativa Sociale Esempio");
    await createUserFor(t, "operatore", "structure-operator", "COOP-ESEMPIO");
    await createUserFor(t, "revisore", "auditor", "REGIONE");
    const child = italianChild({ familyName: "Conti", givenName: "Elia" });
    pseudonym = (await resolveIdentity(t.db, child, { keyring: t.keyring, today: t.today })).pseudonym;
  },
  (journey) => {
    it("an operator with no relationship opens an emergency access with a reason and reads the identity", async () => {
      const { page, t } = journey;
      await logIn(page, t.baseUrl, "operatore");
      await navigateTo(page, "Accesso di emergenza", "Accesso di emergenza");
      await expectAccessible(page, "accesso di emergenza");
      await page.getByLabel("Pseudonimo del minore").fill(pseudonym);
      await page.getByLabel("Motivazione").fill("urgente");
      await page.getByRole("button", { name: "Apri l'accesso di emergenza" }).click();
      expect(await page.locator("#break-glass-reason-error").textContent()).toContain("almeno 20 caratteri");
      await page.getByLabel("Motivazione").fill(reason);
      await page.getByRole("button", { name: "Apri l'accesso di emergenza" }).click();
      const identity = page.locator("section[aria-labelledby='emergency-identity-heading']");
      await identity.getByRole("heading", { name: `Identità di ${pseudonym}` }).waitFor();
      expect(await definitionOf(identity, "Cognome")).toBe("Conti");
      expect(await page.getByRole("status").textContent()).toContain("Accesso aperto fino al");
      await page.getByRole("cell", { name: "In corso" }).waitFor();
      await expectAccessible(page, "identità in emergenza");
      await logOut(page);
    });

    it("the auditor finds it in the queue, with the read it allowed, and questions it", async () => {
      const { page, t } = journey;
      await logIn(page, t.baseUrl, "revisore");
      await navigateTo(page, "Accessi di emergenza", "Revisione degli accessi di emergenza");
      const row = page.getByRole("row", { name: new RegExp(pseudonym) });
      await row.waitFor();
      expect(await row.textContent()).toContain(reason);
      await expectAccessible(page, "coda di revisione");
      await row.getByRole("button", { name: /Conferma la decisione/ }).click();
      await page.getByLabel("Nota per la decisione").fill("Chiedere il verbale di ingresso");
      await page.getByRole("button", { name: "Chiedi conto" }).click();
      await page.getByText("Nessun accesso di emergenza in questo stato.").waitFor();
      await page.getByLabel("Mostra").selectOption("questioned");
      await page
        .getByRole("row", { name: new RegExp(pseudonym) })
        .getByText("Contestato: chiesto conto")
        .waitFor();
      await expectAccessible(page, "accessi contestati");
    });
  },
);
