import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible, navigateTo } from "./journey-steps.ts";

/** Chromium as every journey launches it: headless, without background traffic. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
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
}

/**
 * An Italian browser context in Rome's time zone that accepts downloads, with a page that
 * collects any Content Security Policy violation reported in its console.
 */
export async function openJourneyPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      cspViolations.push(message.text());
    }
  });
  return { context, page, cspViolations };
}

/** Types the start of a comune's name in the combobox with that label and picks the comune. */
export async function chooseComune(page: Page, label: string, typed: string, option: string) {
  await page.getByRole("combobox", { name: label }).fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

export type AdmissionValues = {
  stayRef: string;
  occurredOn: string;
  kind: string;
  legalBasis: string;
  reason: string;
};

/** The admission part of the form (step 2), with a referring service of Florence. */
export async function fillAdmission(page: Page, values: AdmissionValues) {
  await page.locator("#field-stayRef").fill(values.stayRef);
  await page.locator("#field-occurredOn").fill(values.occurredOn);
  await page.locator("#field-admission-kind").selectOption(values.kind);
  await page.locator("#field-admission-legalBasis").selectOption(values.legalBasis);
  await page.locator("#field-admission-origin").selectOption("family-of-origin");
  await page.locator("#field-admission-referringService-code").fill("SVC-048017-01");
  await chooseComune(page, "Comune del servizio inviante", "Firen", "Firenze (FI)");
  await page.locator("#field-admission-reasons").selectOption(values.reason);
}

/** Present and free places of a structure in the free places table, as shown. */
export async function placesOf(page: Page, structureCode: string) {
  const row = page.locator(`#free-places-structures tbody tr[data-code='${structureCode}']`);
  await row.waitFor();
  return {
    present: (await row.locator(".places-present").textContent())?.trim(),
    free: (await row.locator(".places-free").textContent())?.trim(),
  };
}

/** Opens "Posti liberi" from the menu and checks the structure's numbers, the chart and axe. */
export async function expectFreePlaces(
  page: Page,
  structureCode: string,
  expected: { present: string; free: string },
  name: string,
) {
  await navigateTo(page, "Posti liberi", "Posti liberi");
  await expect.poll(() => placesOf(page, structureCode)).toEqual(expected);
  await page.locator("#places-chart canvas").waitFor();
  expect(await page.locator("#places-chart").getAttribute("aria-label")).toContain("Totali per zona");
  await expectAccessible(page, name);
}
