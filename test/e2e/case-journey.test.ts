import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { admit, stayFact } from "../support/case-fixtures.ts";
import { createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { chooseRadio, expectAccessible, logIn, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
const child = italianChild({ familyName: "Sanna", givenName: "Irene", sex: "F", birthDate: "2012-04-09" });
const fiscalCode = child.fiscalCode as string;
const today = todayInRome();

describe.skipIf(!hasChromium)(
  hasChromium ? "case journey in Chromium" : `case journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];
    let pseudonym = "";

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createActiveStructures(t.db, ["ST000020"], 4);
      await createOrganisationFor(t, "SST", "social-service", undefined, "Servizio sociale di Firenze");
      await createUserFor(t, "sociale", "service-operator", "SST");
      await admit(t, "ST000020", "acc-1", addDays(today, -20), child);
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the social worker finds the child and opens the case from the search result", async () => {
      await logIn(page, t.baseUrl, "sociale");
      await navigateTo(page, "Le mie cartelle", "Le mie cartelle");
      await page.locator("#cases-empty").waitFor();
      await expectAccessible(page, "le mie cartelle, vuota");
      await navigateTo(page, "Anagrafe minori", /Anagrafe/);
      await chooseRadio(page, "Ammissione o presa in carico");
      await page.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(fiscalCode);
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      await page.locator("#lookup-found").waitFor();
      pseudonym = ((await page.locator("#lookup-pseudonym").textContent()) ?? "").replace("Pseudonimo: ", "");
      await page.getByRole("heading", { name: "Prendere in carico il minore" }).waitFor();
      await expectAccessible(page, "ricerca con apri cartella", [fiscalCode]);
      await page.getByLabel("Fonte della segnalazione").selectOption("13");
      await page.getByRole("button", { name: "Apri cartella" }).click();
      await waitForPage(page, `Cartella di ${pseudonym}`);
      await page.locator("#case-timeline").getByText("Apertura della cartella").waitFor();
      expect(await page.locator("#case-timeline").textContent()).toContain("Ammissione in struttura");
      await expectAccessible(page, "cartella appena aperta");
    });

    it("records an assessment, a judicial measure and a foster care start, each on the timeline", async () => {
      const timeline = page.locator("#case-timeline");
      await page.getByLabel("Fatto da registrare").selectOption("assessment");
      await page.getByLabel("Data del fatto").fill(today);
      await page.getByLabel("Problematica prevalente del minore").selectOption("2");
      await page.getByRole("button", { name: "Registra" }).click();
      await page.getByRole("status").filter({ hasText: "Fatto registrato." }).waitFor();
      await timeline.getByText("Valutazione", { exact: true }).waitFor();

      await page.getByLabel("Fatto da registrare").selectOption("judicial-measure");
      await page.getByRole("button", { name: "Registra" }).click();
      await page.locator("#case-judicial-measure-authority-error").waitFor();
      await expectAccessible(page, "provvedimento con errori");
      await page.getByLabel("Data del fatto").fill(today);
      await page.getByLabel("Autorità").selectOption("1");
      await page.getByLabel("Tipo di provvedimento").selectOption("5");
      await page.getByRole("button", { name: "Registra" }).click();
      await timeline.getByText("Provvedimento giudiziario", { exact: true }).waitFor();

      await page.getByLabel("Fatto da registrare").selectOption("foster-care-start");
      await page.getByLabel("Data del fatto").fill(today);
      for (const label of ["Forma dell'affido", "Tipo di affido", "Durata", "Carattere"])
        await page.getByLabel(label, { exact: true }).selectOption("1");
      await page.getByLabel("Notti a settimana").fill("7");
      await page.getByRole("button", { name: "Registra" }).click();
      await timeline.getByText("Inizio dell'affido familiare", { exact: true }).waitFor();
      await expectAccessible(page, "cartella con i fatti");
    });

    it("sees the runaway the structure records, marks it read, and finds the case among its own", async () => {
      await stayFact(t, "absence-start", "ST000020", "acc-1", today, { absence: { kind: "ran-away" } });
      await page.goto(`${t.baseUrl}/`);
      await waitForPage(page, "Pagina iniziale");
      await page.locator("#home-unread").waitFor();
      expect(await page.locator("#unread-badge").textContent()).toContain("1");
      await expectAccessible(page, "pagina iniziale con notifiche");
      // The link carries the unread count.
      await page
        .getByRole("navigation", { name: "Navigazione principale" })
        .getByRole("link", { name: /^Notifiche/ })
        .click();
      await waitForPage(page, "Notifiche");
      const item = page.locator("#inbox-list li").filter({ hasText: "Allontanamento volontario" });
      await item.waitFor();
      expect(await item.textContent()).toContain(`Minore ${pseudonym}`);
      await expectAccessible(page, "notifiche");
      await item.getByRole("button", { name: "Segna come letta" }).click();
      await page.locator("#inbox-empty").waitFor();
      await page.getByLabel("Stato").selectOption("read");
      await page.getByRole("button", { name: "Filtra" }).click();
      await page.locator("#inbox-list li").filter({ hasText: "Letta" }).waitFor();
      await expectAccessible(page, "notifiche lette");
      await item.getByRole("link", { name: "Vai alla cartella" }).click();
      await waitForPage(page, `Cartella di ${pseudonym}`);
      await page.locator("#case-timeline").getByText("Inizio di un'assenza").waitFor();
      await navigateTo(page, "Le mie cartelle", "Le mie cartelle");
      await page.getByRole("link", { name: `Apri la cartella di ${pseudonym}` }).waitFor();
      await expectAccessible(page, "le mie cartelle");
      expect(cspViolations).toEqual([]);
    });
  },
);
