import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, waitForPage } from "./support/journey-steps.ts";
import { launchChromium } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

/** Rome's wall clock of an instant, computed here independently of the web app's code. */
function romeWallClock(instant: Date): string {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Rome",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return text.replace(" ", "T");
}

const romeLabel = new Intl.DateTimeFormat("it-IT", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Rome",
});

describe.skipIf(!hasChromium)(
  hasChromium
    ? "as-known-at instant journey in Chromium"
    : `as-known-at instant journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(t, "REG", "region", undefined, "Regione");
      await createUserFor(t, "analista", "region-analyst", "REG");
      browser = await launchChromium(settings.chromiumPath);
    });

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    /** The asOf that each report request of the page carries. */
    function sentInstants(page: Page): string[] {
      const sent: string[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname === "/api/v1/reports/out-of-family-stock" && url.searchParams.has("asOf")) {
          sent.push(url.searchParams.get("asOf") ?? "");
        }
      });
      return sent;
    }

    for (const timezoneId of ["UTC", "America/New_York"]) {
      it(`a browser in ${timezoneId} types Rome's time and sends the right UTC instant`, async () => {
        const context = await browser.newContext({ locale: "it-IT", timezoneId });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(15_000);
          const sent = sentInstants(page);
          await logIn(page, t.baseUrl, "analista");
          await page.goto(`${t.baseUrl}/report?report=out-of-family-stock`);
          await waitForPage(page, "Report");
          await page.locator("#report-result-notice").waitFor();

          // Ten minutes ago on Rome's clock: read in the browser's own zone, it would be hours off
          // (in UTC, in the future).
          const instant = new Date(Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000);
          const typed = romeWallClock(instant);
          const field = page.getByLabel("Come noto al (facoltativo)");
          await field.fill(typed);
          await page.getByRole("button", { name: "Mostra a schermo" }).click();
          await expect.poll(() => sent.at(-1)).toBe(instant.toISOString());
          const notice = page.locator("#report-result-notice");
          await expect
            .poll(() => notice.textContent())
            .toContain(`Dati registrati fino al ${romeLabel.format(instant)} (ora italiana).`);
          expect(new URL(page.url()).searchParams.get("asOf")).toBe(typed);
          expect(await field.inputValue()).toBe(typed);
          await expectAccessible(page, `report come noto al, browser in ${timezoneId}`);

          // Tomorrow is refused in the browser, naming the field; nothing is sent.
          const requestsBefore = sent.length;
          await field.fill(romeWallClock(new Date(Date.now() + 86_400_000)));
          await page.getByRole("button", { name: "Mostra a schermo" }).click();
          const error = page.locator("#parameter-asOf-error");
          await error.waitFor();
          expect(await error.textContent()).toBe(
            "Come noto al: l'istante non può essere nel futuro (ora italiana).",
          );
          expect(await field.getAttribute("aria-invalid")).toBe("true");
          expect(sent.length).toBe(requestsBefore);
          await expectAccessible(page, `report con istante futuro, browser in ${timezoneId}`);

          // An address carrying no instant: the server's refusal names the field in Italian.
          await page.goto(`${t.baseUrl}/report?report=out-of-family-stock&date=2026-01-15&asOf=ieri`);
          await waitForPage(page, "Report");
          const alert = page.locator("#report-result .alert-danger");
          await alert.waitFor();
          expect(await alert.locator(".error-problems").textContent()).toBe(
            "Come noto al: Indicare un istante RFC 3339 (es. 2026-01-15T10:00:00Z).",
          );
          await expectAccessible(page, `report con istante non valido, browser in ${timezoneId}`);
        } finally {
          await context.close();
        }
      });
    }
  },
);
