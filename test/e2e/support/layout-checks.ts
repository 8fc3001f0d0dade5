import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** A phone (390 px, as an iPhone 12–15) and a common laptop (1,366 px). */
export const phoneWidth = 390;
export const laptopWidth = 1366;

export async function setViewportWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: width === phoneWidth ? 844 : 768 });
}

/** The page is no wider than the window: nothing makes the whole page scroll sideways. */
export async function expectPageFits(page: Page, name: string) {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `larghezza del documento su «${name}» a ${viewport} px`).toBeLessThanOrEqual(viewport);
}

/** How a scroll box and the things inside it sit: widths, and the right edges of the given elements. */
export async function boxOf(region: Locator, inside: string) {
  return region.evaluate((element, selector) => {
    const box = element.getBoundingClientRect();
    return {
      clientWidth: element.clientWidth,
      scrollWidth: element.scrollWidth,
      left: box.left,
      right: box.right,
      insideRights: [...element.querySelectorAll(selector)].map((item) => item.getBoundingClientRect().right),
    };
  }, inside);
}

/**
 * Every action of every table on the page (its buttons and button-styled links) is in view inside
 * its scroll box: none is cut off or pushed out of sight by a badge. For a laptop's width.
 */
export async function expectTableActionsInView(page: Page, name: string) {
  const regions = await page.locator(".table-region").evaluateAll((elements) =>
    elements.map((region) => {
      const box = region.getBoundingClientRect();
      const actions = [...region.querySelectorAll("td .btn, td button")].map((action) => {
        const rect = action.getBoundingClientRect();
        return { text: (action.textContent ?? "").trim().slice(0, 40), left: rect.left, right: rect.right };
      });
      return {
        label: region.getAttribute("aria-label") ?? "",
        left: box.left,
        right: box.right,
        scrolls: region.scrollWidth > region.clientWidth,
        actions,
      };
    }),
  );
  const clipped = regions.flatMap((region) =>
    region.actions
      .filter((action) => action.right > region.right + 0.5 || action.left < region.left - 0.5)
      .map((action) => `${region.label}: «${action.text}»`),
  );
  expect(clipped, `azioni tagliate su «${name}» a ${page.viewportSize()?.width} px`).toEqual([]);
  const scrolling = regions.filter((region) => region.scrolls && region.actions.length > 0);
  expect(
    scrolling.map((region) => region.label),
    `tabelle con azioni che scorrono su «${name}»`,
  ).toEqual([]);
  return regions;
}

/** The page at a laptop's and a phone's width: actions in view on the laptop, no sideways scroll. */
export async function expectLayoutAtBothWidths(page: Page, name: string) {
  const original = page.viewportSize();
  await setViewportWidth(page, laptopWidth);
  await expectPageFits(page, `${name} (1366 px)`);
  await expectTableActionsInView(page, name);
  await setViewportWidth(page, phoneWidth);
  await expectPageFits(page, `${name} (390 px)`);
  if (original) await page.setViewportSize(original);
}
