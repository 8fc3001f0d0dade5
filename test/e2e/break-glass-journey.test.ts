import fs from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import { italianChild, resolveIdentity } from "../support/registry-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { definitionOf, expectAccessible, logIn, logOut, navigateTo } from "./support/journey-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
const reason = "Minore giunto di notte in pronto accoglienza senza documenti: serve l'identità.";

describe.skipIf(!hasChromium)(
  hasChromium ? "break-glass journey in Chromium" : `break-glass journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let pseudonym = "";

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(t, "REGIONE", "region");
      await createOrganisationFor(t, "COOP-ESEMPIO", "operator", undefined, "Cooperativa Sociale Esempio");
      await createUserFor(t, "operatore", "structure-operator", "COOP-ESEMPIO");
      await createUserFor(t, "revisore", "auditor", "REGIONE");
      const child = italianChild({ familyName: "Conti", givenName: "Elia" });
      pseudonym = (await resolveIdentity(t.db, child, { keyring: t.keyring, today: t.today })).pseudonym;
      browser = await chromium.launch({
        executablePath: settings.chromiumPath,
        headless: true,
        args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
      });
      context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome" });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("an operator with no relationship opens an emergency access with a reason and reads the identity", async () => {
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
