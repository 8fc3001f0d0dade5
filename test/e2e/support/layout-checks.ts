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
