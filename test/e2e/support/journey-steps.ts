import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { hasSecondFactorFor, nextCodeFor } from "../../support/second-factor-codes.ts";
import { testPassword } from "../../support/test-app.ts";
import { axeViolations } from "./axe-check.ts";
import { expectNoRawCodes } from "./raw-codes.ts";

/** Waits until the page shows its h1 with the given text and no loading indicator remains. */
export async function waitForPage(page: Page, heading: string | RegExp) {
  try {
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  } catch (error) {
    const shown = await page
      .locator("main")
      .textContent()
      .catch(() => "(nessun <main>)");
    throw new Error(
      `Pagina «${heading}» non raggiunta su ${page.url()}; contenuto:\n${(shown ?? "").slice(0, 800)}`,
      {
        cause: error,
      },
    );
  }
  await page.waitForLoadState("networkidle");
  await page
    .locator(".progress-spinner")
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => {});
}

/**
 * Asserts that axe-core finds nothing to report, naming the page and each offending node, and that
 * the page shows no raw code where an Italian label belongs (every journey checks both on every
 * page it visits). `typed`: values the person typed that the page shows back.
 */
export async function expectAccessible(page: Page, name: string, typed: readonly string[] = []) {
  const violations = await axeViolations(page);
  expect(violations, `axe-core su «${name}» (${page.url()}):\n${violations.join("\n")}`).toEqual([]);
  await expectNoRawCodes(page, name, typed);
}

export async function expectTitle(page: Page, fragment: string) {
  expect(await page.title()).toContain(fragment);
}

export async function logIn(page: Page, baseUrl: string, username: string, password = testPassword) {
  // Starts from a clean browser session, whatever the previous step left behind.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/accesso`);
  await waitForPage(page, "Accesso");
  await page.getByLabel("Nome utente", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  // Roles that see identities give the one-time code of their second factor too.
  if (hasSecondFactorFor(username)) {
    await waitForPage(page, "Verifica in due passaggi");
    await page.getByLabel("Codice", { exact: true }).fill(await nextCodeFor(username));
    await page.getByRole("button", { name: "Verifica" }).click();
  }
  await waitForPage(page, "Pagina iniziale");
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Esci" }).click();
  await waitForPage(page, "Accesso");
}

/** Follows a link of the main navigation and waits for the page it leads to. */
export async function navigateTo(page: Page, link: string, heading: string | RegExp) {
  await page
    .getByRole("navigation", { name: "Navigazione principale" })
    .getByRole("link", { name: link, exact: true })
    .click();
  await waitForPage(page, heading);
}

/** The text of the <dd> that follows the <dt> with the given term, inside scope. */
export async function definitionOf(scope: Page | Locator, term: string): Promise<string> {
  const text = await scope
    .locator(`xpath=.//dt[normalize-space()=${JSON.stringify(term)}]/following-sibling::dd[1]`)
    .textContent();
  return (text ?? "").trim();
}

/** Chooses a radio button as a user does, by its label (Bootstrap Italia draws the button on it). */
export async function chooseRadio(page: Page, label: string) {
  await page.locator("label", { hasText: label }).click();
  expect(await page.getByRole("radio", { name: label, exact: true }).isChecked()).toBe(true);
}
