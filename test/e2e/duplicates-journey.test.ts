import fs from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoData } from "../../src/cli/demo/demo-data.ts";
import { createDemoStays } from "../../src/cli/demo/demo-stays.ts";
import { addDays } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { enrolSecondFactorFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { boxOf, expectPageFits, laptopWidth, phoneWidth, setViewportWidth } from "./support/layout-checks.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
const title = "Possibili duplicati";
const closedStay = /^.+, dal \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}$/;
const openStay = /^.+, dal \d{2}\/\d{2}\/\d{4} \(in corso\)$/;

/** The two cells of a row of a pair's comparison, by the start of the row's label ("Nome", not "Cognome"). */
async function cellsOf(card: Locator, label: string) {
  return card
    .locator("tbody tr", { has: card.page().locator("th", { hasText: new RegExp(`^${label}`) }) })
    .locator("td")
    .allTextContents();
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? "duplicates review journey on a demo in Chromium"
    : `duplicates review journey on a demo in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];
    let stewardPassword = "";

    const transliterated = () => page.locator("article.duplicate-pair", { hasText: "Muhammad" });

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      const demo = await createDemoData(t.db, t.config.regionCode, t.today);
      // The demo of `sirmi start`, with two months of stays instead of years.
      await createDemoStays(t.db, t.keyring, t.today, addDays(t.today, -60));
      stewardPassword = demo.passwords.find((user) => user.username === "curatore")?.password ?? "";
      // The steward sees identities: a second factor, enrolled as at the first login.
      await enrolSecondFactorFor(t, "curatore");
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the steward finds the demo's pairs, each record with where it is hosted and whether the stays overlap", async () => {
      await setViewportWidth(page, laptopWidth);
      await logIn(page, t.baseUrl, "curatore", stewardPassword);
      await navigateTo(page, title, title);
      const pairs = page.locator("article.duplicate-pair");
      await pairs.first().waitFor();
      expect(await pairs.count()).toBeGreaterThanOrEqual(2);

      const card = transliterated();
      expect(await card.textContent()).toContain("Variante di grafia o di traslitterazione del nome");
      const names = await cellsOf(card, "Nome");
      const hosts = await cellsOf(card, "Accoglienze in corso o dell'ultimo anno");
      const readmitted = names.indexOf("Muhammad");
      expect(names[1 - readmitted]).toBe("Mohamed");
      expect(hosts[readmitted]).toMatch(openStay);
      expect(hosts[1 - readmitted]).toMatch(closedStay);
      expect(await card.locator(".pair-overlap").textContent()).toBe(
        "Le accoglienze dei due record non si sovrappongono.",
      );

      const namesakes = page.locator("article.duplicate-pair", { hasText: "Diallo" });
      expect(await namesakes.textContent()).toContain("Data di nascita convenzionale");
      expect(await namesakes.locator(".pair-overlap").textContent()).toMatch(
        /^Le accoglienze dei due record si sovrappongono/,
      );
      const typo = page.locator("article.duplicate-pair", { hasText: "Berdini" });
      expect(await typo.textContent()).toContain("Possibile errore di battitura nel nome");
      await expectPageFits(page, "possibili duplicati (1366 px)");
      await expectAccessible(page, "possibili duplicati della demo (1366 px)");
    });

    it("on a phone the comparisons scroll inside their boxes and the page keeps its width", async () => {
      await setViewportWidth(page, phoneWidth);
      await page.reload();
      await waitForPage(page, title);
      await transliterated().waitFor();
      await expectPageFits(page, "possibili duplicati (390 px)");
      const box = await boxOf(transliterated().locator(".table-region"), "th");
      expect(box.right).toBeLessThanOrEqual(phoneWidth);
      await expectAccessible(page, "possibili duplicati della demo (390 px)");
    });

    it("a merge undone sends the pair back to the queue with the reason of the undo", async () => {
      await setViewportWidth(page, laptopWidth);
      const card = transliterated();
      await card.getByRole("button", { name: "Stesso minore: unisci" }).click();
      await card
        .getByLabel("Motivazione", { exact: true })
        .fill("Stesso ragazzo: nome trascritto in due modi");
      await card.getByRole("button", { name: "Conferma l'unione" }).click();
      await page.locator("#registry-outcome").waitFor();
      await expect.poll(() => transliterated().count()).toBe(0);

      const merge = page.locator("#minor-merges tbody tr").first();
      await merge.waitFor();
      await merge.getByRole("button", { name: /^Annulla unione/ }).click();
      await page
        .getByLabel("Motivazione dell'annullamento")
        .fill("La comunità ha i documenti di due ragazzi diversi");
      await page.getByRole("button", { name: "Conferma l'annullamento" }).click();
      await expect.poll(() => page.locator("#registry-outcome").textContent()).toMatch(/^Unione annullata/);

      const back = transliterated().locator(".pair-undone");
      await back.waitFor();
      expect(await back.textContent()).toContain(
        "Motivazione dell'annullamento: La comunità ha i documenti di due ragazzi diversi",
      );
      expect(await back.textContent()).toContain(
        "Motivazione dell'unione annullata: Stesso ragazzo: nome trascritto in due modi",
      );
      // Back to their own records, the stays are where they were.
      const hosts = await cellsOf(transliterated(), "Accoglienze in corso o dell'ultimo anno");
      expect(hosts.filter((text) => openStay.test(text))).toHaveLength(1);
      expect(hosts.filter((text) => closedStay.test(text))).toHaveLength(1);
      await expectPageFits(page, "coppia tornata in revisione (1366 px)");
      await expectAccessible(page, "coppia tornata in revisione (1366 px)");
      await setViewportWidth(page, phoneWidth);
      await expectPageFits(page, "coppia tornata in revisione (390 px)");
      await expectAccessible(page, "coppia tornata in revisione (390 px)");
      expect(cspViolations).toEqual([]);
    });
  },
);
