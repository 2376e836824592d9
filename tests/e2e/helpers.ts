import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loadMessages } from "../../src/i18n/load-messages";

export const LOCALES = ["fr", "en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

type Messages = Record<string, Record<string, string>>;

/** The UI texts of a language, from the same files and loader the app uses. */
export function messages(locale: Locale): Messages {
  return loadMessages(locale) as Messages;
}

/**
 * Zero axe violations against WCAG 2.1 A and AA (the RGAA's reference), and
 * no id used twice (RGAA 8.2).
 * axe runs inside the page, so for a page opened without JavaScript it checks
 * the same document (what the page shows now, e.g. a form sent back with its
 * errors, or a page behind the session cookie) in a context where the page's
 * own scripts are blocked by a `script-src 'none'` policy: the DOM a visitor
 * without JavaScript gets.
 */
export async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) return expectNoViolationsIn(page);
  const url = page.url();
  const html = await page.content();
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, locale: "fr-FR" });
  try {
    const scriptless = await context.newPage();
    await scriptless.route("**/*", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html, headers: { "content-security-policy": "script-src 'none'" } });
    });
    await scriptless.goto(url);
    await expectNoViolationsIn(scriptless);
  } finally {
    await context.close();
  }
}

async function expectNoViolationsIn(page: Page) {
  // RGAA 8.2 (valid code) still requires unique ids, which axe 4 no longer
  // checks in its WCAG rules; a duplicate id also ties two fields to one <label for>.
  const duplicateIds = await page.locator("[id]").evaluateAll((elements) => {
    const ids = elements.map((element) => element.id);
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  });
  expect(duplicateIds, "ids used more than once").toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  expect(summary).toEqual([]);
}
