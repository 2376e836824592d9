// The public pages in every language: content, language and direction, the
// language switcher, and zero axe violations; the same with JavaScript off
// (see the "no-js" project in playwright.config.ts).
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, LOCALES, messages } from "./helpers";

const PAGES = [
  { path: "", namespace: "home" },
  { path: "/connexion", namespace: "signIn" },
  { path: "/activation", namespace: "activation" },
  { path: "/verifier", namespace: "verify" },
] as const;

for (const locale of LOCALES) {
  for (const { path, namespace } of PAGES) {
    test(`/${locale}${path} speaks ${locale}, in the right direction, with no axe violation`, async ({ page }) => {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale)[namespace]!.title!);
      // The site's name, after the page's own title where it has one (RGAA 8.6).
      expect(await page.title()).toMatch(new RegExp(`(^| – )${messages(locale).metadata!.title!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
      await expectNoAxeViolations(page);
    });
  }
}

test("the home page explains the space and leads to activation and sign-in", async ({ page }) => {
  await page.goto("/fr");
  const home = messages("fr").home!;
  await expect(page.getByText(home.warningBody!)).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: home.activateCta }).click();
  await expect(page).toHaveURL(/\/fr\/activation$/);
  await expect(page.getByLabel(messages("fr").activation!.agdrefLabel!)).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: messages("fr").activation!.signInLink }).click();
  await expect(page).toHaveURL(/\/fr\/connexion$/);
  await expect(page.getByLabel(messages("fr").signIn!.identifierLabel!)).toBeVisible();
});

test("the root address opens the French portal", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/fr$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("fr").home!.title!);
});

test("the language switcher keeps the page and switches language and direction", async ({ page }) => {
  await page.goto("/fr/connexion");
  const switcher = page.getByRole("navigation", { name: messages("fr").layout!.languageNavLabel });
  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/connexion$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("en").signIn!.title!);

  await page.getByRole("navigation", { name: messages("en").layout!.languageNavLabel }).getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(/\/ar\/connexion$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("ar").signIn!.title!);
});

test("the first Tab reaches the skip link to the content", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText(messages("en").layout!.skipToContent!);
});

test("an unknown page says so in the visitor's language, is not indexed, and is accessible", async ({ page }) => {
  await page.goto("/ar/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("ar").notFound!.title!);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await page.getByRole("main").getByRole("link", { name: messages("ar").notFound!.backHome }).click();
  await expect(page).toHaveURL(/\/ar$/);
  await expectNoAxeViolations(page);
});

test("the sign-in form never sends the password in the URL", async ({ page }) => {
  await page.goto("/fr/connexion");
  const form = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await expect(form).toHaveAttribute("method", /^post$/i);
});
