import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import type { TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, expectTitle, waitForPage } from "./support/journey-steps.ts";
import { expectPageFits, laptopWidth, phoneWidth, setViewportWidth } from "./support/layout-checks.ts";
import { expectNoRawCodes } from "./support/raw-codes.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const regionName = "Regione Umbria";
const helpContact = "assistenza.sirmi@regione.umbria.example";
const privacyContact = "rpd@regione.umbria.example";
const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="48" viewBox="0 0 120 48"><rect width="120" height="48" fill="#fff"/></svg>`;

/** The footer's pages, what each shows of the configured Region, before anyone signs in. */
const pages = [
  { link: "Dichiarazione di accessibilità", heading: "Dichiarazione di accessibilità", shows: helpContact },
  {
    link: "Informativa privacy",
    heading: "Informativa sul trattamento dei dati personali",
    shows: privacyContact,
  },
  {
    link: "Note legali",
    heading: "Note legali",
    shows: `S.I.R.MI è un sistema riservato agli utenti autorizzati da ${regionName}`,
  },
  { link: "Assistenza", heading: "Assistenza", shows: helpContact },
];

describe.skipIf(!hasChromium)(
  hasChromium ? "public pages journey in Chromium" : `public pages journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];

    beforeAll(async () => {
      webRoot = await buildWebApp();
      fs.writeFileSync(path.join(webRoot, "logo-regione.svg"), logo);
      t = await startJourneyApp(webRoot, {
        SIRMI_REGION_NAME: regionName,
        SIRMI_REGION_LOGO_URL: "/logo-regione.svg",
        SIRMI_REGION_WEBSITE: "https://www.regione.umbria.example",
        SIRMI_HELP_CONTACT: helpContact,
        SIRMI_PRIVACY_CONTACT: privacyContact,
      });
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the header names the Region with its logo, the footer gives the help desk and the legal pages", async () => {
      await page.goto(`${t.baseUrl}/accesso`);
      await waitForPage(page, "Accesso");
      expect(await page.locator("#region-name").textContent()).toBe(regionName);
      expect(await page.locator("#region-name").getAttribute("href")).toBe(
        "https://www.regione.umbria.example",
      );
      const logoImage = page.locator("#region-logo");
      expect(await logoImage.getAttribute("alt")).toBe(`Logo: ${regionName}`);
      await expect.poll(() => logoImage.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);
      const footerHelp = page.locator("#footer-help a");
      expect(await footerHelp.getAttribute("href")).toBe(`mailto:${helpContact}`);
      expect(await page.locator("footer").textContent()).toContain(`${regionName} – S.I.R.MI`);
      await expectAccessible(page, "accesso con logo e piè di pagina");
    });

    it("the check of raw codes, run on every page of the journeys, catches a planted code", async () => {
      await page.goto(`${t.baseUrl}/note-legali`);
      await waitForPage(page, "Note legali");
      await expectNoRawCodes(page, "note legali");
      for (const planted of [
        "several-present-stays",
        "sistema:client:6f1c2d9e-0a4b-4c3d-9e8f-1a2b3c4d5e6f",
      ]) {
        await page.evaluate((code) => {
          const paragraph = document.createElement("p");
          paragraph.id = "planted-code";
          paragraph.textContent = `Registrato da ${code}`;
          document.querySelector("main")?.append(paragraph);
        }, planted);
        await expect(expectNoRawCodes(page, "note legali con un codice piantato")).rejects.toThrow(
          /codici non tradotti/,
        );
        // A value the person typed is theirs, even when it looks like a code.
        await expectNoRawCodes(page, "note legali con un valore digitato", [planted]);
        await page.evaluate(() => document.getElementById("planted-code")?.remove());
      }
    });

    for (const width of [laptopWidth, phoneWidth]) {
      it(`each footer page opens by its link and fits ${width} px`, async () => {
        await setViewportWidth(page, width);
        for (const expected of pages) {
          await page.goto(`${t.baseUrl}/accesso`);
          await waitForPage(page, "Accesso");
          await page
            .getByRole("navigation", { name: "Collegamenti utili" })
            .getByRole("link", { name: expected.link, exact: true })
            .click();
          await waitForPage(page, expected.heading);
          await expectTitle(page, expected.heading);
          expect(await page.locator("main").textContent()).toContain(expected.shows);
          await expectPageFits(page, `${expected.heading} a ${width} px`);
          await expectAccessible(page, `${expected.heading} a ${width} px`);
        }
        const privacy = await (async () => {
          await page.goto(`${t.baseUrl}/informativa-privacy`);
          await waitForPage(page, "Informativa sul trattamento dei dati personali");
          return page.locator("main").textContent();
        })();
        expect(privacy).toContain(`Titolare del trattamento è ${regionName}.`);
        expect(privacy).toContain("Regolamento (UE) 2016/679");
        expect(cspViolations).toEqual([]);
      });
    }
  },
);
