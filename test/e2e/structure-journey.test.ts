import fs from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import {
  expectAccessible,
  expectTitle,
  logIn,
  logOut,
  navigateTo,
  waitForPage,
} from "./support/journey-steps.ts";
import { expectLayoutAtBothWidths } from "./support/layout-checks.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
if (!hasChromium && !settings.isCi) console.warn(skipReason);

describe.runIf(!hasChromium && settings.isCi)("E2E prerequisites", () => {
  it("needs Chromium in CI", () => {
    throw new Error(`Chromium richiesto in CI: ${settings.chromiumPath} non esiste`);
  });
});

const operatorName = "Cooperativa Sociale Esempio";
const structureName = "Comunità Il Melograno";

describe.skipIf(!hasChromium)(
  hasChromium ? "structure journey in Chromium" : `structure journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const cspViolations: string[] = [];
    let structureUrl = "";

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(t, "REGIONE", "region", undefined, "Regione Toscana");
      await createOrganisationFor(t, "COOP-ESEMPIO", "operator", vatNumber("0123456789"), operatorName);
      await createUserFor(t, "gestore", "structure-manager", "COOP-ESEMPIO");
      await createUserFor(t, "amministratore", "region-admin", "REGIONE");
      await createUserFor(t, "revisore", "auditor", "REGIONE");
      browser = await chromium.launch({
        executablePath: settings.chromiumPath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome" });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on("console", (message) => {
        if (message.type() === "error" && message.text().includes("Content Security Policy")) {
          cspViolations.push(message.text());
        }
      });
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the login page and the manager's home are accessible", async () => {
      await page.goto(`${t.baseUrl}/accesso`);
      await waitForPage(page, "Accesso");
      await expectTitle(page, "Accesso");
      await expectAccessible(page, "accesso");
      await logIn(page, t.baseUrl, "gestore");
      await expectTitle(page, "Pagina iniziale");
      await expectAccessible(page, "pagina iniziale");
      await navigateTo(page, "Strutture", "Anagrafe delle strutture");
      await expectAccessible(page, "elenco strutture (vuoto)");
    });

    it("the manager registers a structure; a negative number of places is refused next to the field", async () => {
      await navigateTo(page, "Nuova struttura", "Registra una struttura");
      await page
        .locator("#field-regionalType option[value='comunita-educativa']")
        .waitFor({ state: "attached" });
      await expectAccessible(page, "modulo di registrazione");

      await page.getByLabel("Denominazione", { exact: true }).fill(structureName);
      await page.getByLabel("Tipologia regionale").selectOption("comunita-educativa");
      await expect
        .poll(() => page.locator("#field-nationalType").inputValue())
        .toBe("Comunità socio-educativa per minori");
      await page.getByLabel("Carattere (ISTAT)").selectOption("comunitario");
      await page.getByLabel("Funzione prevalente (ISTAT)").selectOption("socio-educativa");
      expect(await page.locator("#field-operator-name").inputValue()).toBe(operatorName);
      await page.locator("#field-operator-fiscalCode").fill(vatNumber("0123456789"));
      await page.locator("#field-address-street").fill("Via dell'Esempio 1");
      await page.getByRole("combobox", { name: "Comune", exact: true }).fill("Firen");
      await page.getByRole("option", { name: "Firenze (FI)", exact: true }).click();
      expect(await page.getByRole("combobox", { name: "Comune", exact: true }).inputValue()).toBe(
        "Firenze (FI)",
      );
      await page.locator("#field-authorisedPlaces").fill("-1");
      await page.locator("#field-emergencyExtraPlaces").fill("2");
      await page.locator("#field-authorisation-act").fill("Det. 123/2019");
      await page.locator("#field-authorisation-date").fill("2019-05-02");

      await page.getByRole("button", { name: "Invia per l'approvazione" }).click();
      const placesError = page.locator("#field-authorisedPlaces-error");
      await placesError.waitFor();
      expect(await placesError.textContent()).toBe("Il numero di posti non può essere negativo");
      expect(await page.locator("#field-authorisedPlaces").getAttribute("aria-invalid")).toBe("true");
      await page.locator("#form-error-summary").waitFor();
      await expectAccessible(page, "modulo di registrazione con errori");

      await page.locator("#field-authorisedPlaces").fill("10");
      await page.getByRole("button", { name: "Invia per l'approvazione" }).click();
      await waitForPage(page, structureName);
      structureUrl = new URL(page.url()).pathname;
      expect(structureUrl).toMatch(/^\/strutture\/[0-9a-f-]{36}$/);
      expect(await page.locator("#edit-outcome").textContent()).toContain("attende l'approvazione");
      expect(await page.locator("#pending-change").textContent()).toContain("La registrazione attende");
      await expectTitle(page, structureName);
      await expectAccessible(page, "scheda in attesa di approvazione");
      await logOut(page);
    });

    it("the region admin approves the registration", async () => {
      await logIn(page, t.baseUrl, "amministratore");
      await navigateTo(page, "Approvazioni", "Approvazioni");
      const card = page.locator("article", { hasText: `Nuova registrazione: ${structureName}` });
      await card.waitFor();
      await expectAccessible(page, "approvazioni");
      await card.getByRole("button", { name: "Approva" }).click();
      const outcome = page.locator("#decision-outcome");
      await outcome.waitFor();
      expect(await outcome.textContent()).toMatch(/Richiesta approvata: .*codice ST\d{6}/);
      await page.getByText("Non ci sono richieste in attesa.").waitFor();

      await navigateTo(page, "Strutture", "Anagrafe delle strutture");
      await page.getByRole("link", { name: structureName }).waitFor();
      await expectAccessible(page, "elenco strutture");
      await expectLayoutAtBothWidths(page, "elenco strutture");
      await navigateTo(page, "Utenti", "Utenti");
      await page.locator("table tbody tr").first().waitFor();
      await expectAccessible(page, "utenti");
      await expectLayoutAtBothWidths(page, "utenti");
      await logOut(page);
    });

    it("the manager edits the places, which wait for approval, and the history keeps both versions", async () => {
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Strutture", "Anagrafe delle strutture");
      await page.getByRole("link", { name: structureName }).click();
      await waitForPage(page, structureName);
      await page.getByRole("link", { name: "Modifica la scheda" }).click();
      await waitForPage(page, "Modifica la scheda");
      const comune = page.getByRole("combobox", { name: "Comune", exact: true });
      await expect.poll(() => comune.inputValue()).toBe("Firenze (FI)");
      await expectAccessible(page, "modulo di modifica");

      await page.locator("#field-authorisedPlaces").fill("12");
      await page.getByRole("button", { name: "Salva le modifiche" }).click();
      await waitForPage(page, structureName);
      expect(new URL(page.url()).pathname).toBe(structureUrl);
      const outcome = await page.locator("#edit-outcome").textContent();
      expect(outcome).toContain("In attesa di approvazione della Regione: Posti autorizzati");
      expect(await page.locator("#pending-change").textContent()).toContain("Posti autorizzati");

      // The edit page opened from its address, and again after a reload, shows the saved type.
      const regionalType = page.getByLabel("Tipologia regionale");
      for (const open of [() => page.goto(`${t.baseUrl}${structureUrl}/modifica`), () => page.reload()]) {
        await open();
        await waitForPage(page, "Modifica la scheda");
        await expect.poll(() => regionalType.inputValue()).toBe("comunita-educativa");
        expect(await page.locator("#field-authorisedPlaces").inputValue()).toBe("12");
        expect(await page.locator("#field-name").inputValue()).toBe(structureName);
      }
      await page.goto(`${t.baseUrl}${structureUrl}`);
      await waitForPage(page, structureName);

      const versions = page.locator("#structure-history tbody tr");
      expect(await versions.count()).toBe(2);
      expect(await versions.nth(0).textContent()).toContain("In attesa di approvazione");
      expect(await versions.nth(1).textContent()).toContain("Attiva");
      await expectAccessible(page, "scheda con modifica in attesa");
      await logOut(page);
    });

    it("the auditor verifies the access log; the access protocol is readable", async () => {
      await logIn(page, t.baseUrl, "revisore");
      await navigateTo(page, "Registro accessi", "Registro degli accessi");
      await page.locator("table tbody tr").first().waitFor();
      await expectAccessible(page, "registro degli accessi");
      await page.getByRole("button", { name: "Verifica catena" }).click();
      const result = page.locator("#chain-verification-result");
      await result.waitFor();
      expect(await result.textContent()).toMatch(/^Catena integra: \d+ voci verificate\.$/);
      await expectAccessible(page, "registro degli accessi verificato");

      await navigateTo(page, "Protocollo di accesso", "Protocollo di accesso");
      await page.getByRole("table").waitFor();
      await expectAccessible(page, "protocollo di accesso");

      await page.goto(`${t.baseUrl}/pagina-inesistente`);
      await waitForPage(page, "Pagina non trovata");
      await expectAccessible(page, "pagina non trovata");
      expect(cspViolations).toEqual([]);
    });
  },
);
