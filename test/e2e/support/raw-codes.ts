import type { Page } from "playwright-core";
import { expect } from "vitest";
import { findUntranslatedCodes } from "../../support/untranslated-codes.ts";

/** The Region's zone codes of the journey's database: codes too, never shown for a zone's name. */
const zoneCodes = new Set<string>();

export function registerZoneCodes(codes: Iterable<string>) {
  for (const code of codes) zoneCodes.add(code);
}

/**
 * Everything a person reads on the page as it is now: the rendered text, the options of lists,
 * and the texts of attributes that assistive technologies or tooltips read. Values typed in
 * fields are not part of it (they are no text nodes); `typed` removes typed values that the page
 * shows back as text.
 */
async function readableText(page: Page, typed: readonly string[]): Promise<string> {
  const text = await page.evaluate(() => {
    // Text node by text node (innerText would glue the words of adjacent inline elements), of the
    // elements that are rendered, visually hidden texts for screen readers included.
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template, noscript")) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? "");
    }
    for (const option of document.querySelectorAll("option")) parts.push(option.textContent ?? "");
    for (const element of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join("\n");
  });
  return typed.reduce((remaining, value) => remaining.split(value).join(" "), text);
}

/**
 * Fails when the page shows a raw code where its Italian label belongs: a code of the domain's
 * closed lists (warnings, errors, audit actions and resources, data-quality issues, reasons,
 * roles, purposes…), a zone code, an English column id or a machine client's raw id.
 */
export async function expectNoRawCodes(page: Page, name: string, typed: readonly string[] = []) {
  const found = findUntranslatedCodes(await readableText(page, typed), zoneCodes);
  expect(found, `codici non tradotti su «${name}» (${page.url()})`).toEqual([]);
}
