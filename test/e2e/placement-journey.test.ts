import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { admit, openCaseFor } from "../support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
import { createOrganisationFor, createUserFor, logInAs, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, logOut, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
const child = italianChild({ familyName: "Pinna", givenName: "Elia", sex: "M", birthDate: "2011-06-02" });
const fiscalCode = child.fiscalCode as string;
const today = todayInRome();

describe.skipIf(!hasChromium)(
  hasChromium ? "placement journey in Chromium" : `placement journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];
    let caseId = "";
    let pseudonym = "";

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(
        t,
        "COOP",
        "operator",
        vatNumber("0123456789"),
        "Cooperativa Sociale Esempio",
      );
      await createActiveStructures(t.db, ["ST000030", "ST000031"], 4);
      await createOrganisationFor(t, "SST", "social-service", undefined, "Servizio sociale di Firenze");
      await createUserFor(t, "sociale", "service-operator", "SST");
      await admit(t, "ST000030", "acc-1", addDays(today, -20), child);
      ({ caseId, pseudonym } = await openCaseFor(
        await logInAs(t.app, "sociale"),
        fiscalCode,
        addDays(today, -10),
      ));
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the social worker finds the places fitted to the child and sends a request", async () => {
      await logIn(page, t.baseUrl, "sociale");
      await page.goto(`${t.baseUrl}/cartelle/${caseId}`);
      await waitForPage(page, `Cartella di ${pseudonym}`);
      await page.getByRole("button", { name: "Cerca i posti" }).click();
      const table = page.locator("#fitted-places");
      await table.waitFor();
      expect(
        await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.dataset.structure)),
      ).toEqual(["ST000031", "ST000030"]);
      await expectAccessible(page, "trova un posto");
      await page.getByRole("button", { name: "Invia richiesta a Comunità di prova 2" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Richiesta inviata a Comunità di prova 2." })
        .waitFor();
      await page.locator("#placement-requests tr[data-state='sent']").waitFor();
      await expectAccessible(page, "richiesta inviata");
      await logOut(page);
    });

    it("the structure accepts it and reads the identity to fill the admission", async () => {
      await createUserFor(t, "operatore", "structure-operator", "COOP");
      await logIn(page, t.baseUrl, "operatore");
      await navigateTo(page, "Richieste di inserimento", "Richieste di inserimento");
      await page.getByLabel("Struttura").selectOption({ label: "Comunità di prova 2 (ST000031)" });
      await page.getByRole("button", { name: "Mostra le richieste" }).click();
      await waitForPage(page, "Richieste di inserimento");
      const card = page.locator("#placement-inbox li").filter({ hasText: pseudonym });
      await card.waitFor();
      expect(await page.locator("main").textContent()).not.toContain(fiscalCode);
      await expectAccessible(page, "richieste di inserimento");
      await card.getByRole("button", { name: "Accetta" }).click();
      await page.getByRole("heading", { name: "Identità del minore per l'ammissione" }).waitFor();
      expect(await page.locator("main").textContent()).toContain(fiscalCode);
      await expectAccessible(page, "richiesta accettata", [fiscalCode, "Pinna", "Elia"]);
      await page.getByRole("link", { name: "Vai al modulo di ammissione" }).click();
      await page.waitForURL(/\/ospiti\/[0-9a-f-]+\/ammissione$/);
      expect(cspViolations).toEqual([]);
    });
  },
);
