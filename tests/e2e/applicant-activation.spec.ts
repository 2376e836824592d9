// Activation of the space with the AGDREF number and the connection key
// (seed 000, art. 3), then sign-out and sign-in by either number (art. 4);
// what a wrong key and a mistyped key say; the same in Arabic, right to left,
// with Arabic-Indic digits. Each test has its own applicant (a typo needs
// none: it is caught before any lookup); all run with and without JavaScript
// (playwright.config.ts).
import type { Page } from "@playwright/test";
import { formatConnectionKey, KEY_ALPHABET, keyFromValues } from "../../src/lib/connection-key";
import { dutyTitle, field, fillNewPassword, formAlert, NEW_PASSWORD, signInToSpace, signOut } from "./applicant-ui";
import { arabicIndicDigits, createApplicant, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages, type Locale } from "./helpers";

test.describe.configure({ mode: "parallel", timeout: 60_000 });

async function fillActivation(page: Page, locale: Locale, { agdref, key, password = NEW_PASSWORD }: { agdref: string; key: string; password?: string }) {
  const t = messages(locale).activation!;
  await field(page, t.agdrefLabel!).fill(agdref);
  await field(page, t.keyLabel!).fill(key);
  await fillNewPassword(page, locale, password);
}

async function submitActivation(page: Page, locale: Locale) {
  await page.getByRole("main").getByRole("button", { name: messages(locale).activation!.submit }).click();
}

/** The same key with its first character changed: the check character no longer matches. */
function withTypo(key: string): string {
  const first = key[0]!;
  const other = KEY_ALPHABET[(KEY_ALPHABET.indexOf(first) + 1) % KEY_ALPHABET.length]!;
  return other + key.slice(1);
}

/** A well-formed key (its check character is right) that was not issued to this applicant. */
function someoneElsesKey(): string {
  return formatConnectionKey(keyFromValues(Array.from({ length: 19 }, () => Math.floor(Math.random() * 32))));
}

test("activation opens the space with the 15-day duty; then sign-out and sign-in by AGDREF number and by OFPRA number", async ({ page }) => {
  const applicant = await createApplicant();
  const fr = messages("fr");

  await page.goto("/fr/activation");
  await fillActivation(page, "fr", { agdref: applicant.agdrefNumber, key: applicant.key });
  await expect(page.getByLabel(fr.activation!.languageLabel!)).toHaveValue("fr");
  await submitActivation(page, "fr");

  await expect(page).toHaveURL(/\/fr\/espace\?bienvenue=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.space!.title!);
  await expect(page.getByRole("status")).toContainText(fr.space!.welcomeTitle!);
  await expect(page.getByRole("heading", { name: dutyTitle("fr") })).toBeVisible();
  await expect(page.getByText(fr.space!.dutyRule!)).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await page.goto("/fr/espace");
  await expect(page).toHaveURL(/\/fr\/connexion(\?|$)/);

  await signInToSpace(page, applicant.agdrefNumber, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: dutyTitle("fr") })).toBeVisible();
  await expect(page.getByText(fr.space!.welcomeTitle!)).toHaveCount(0);
  await signOut(page);

  await signInToSpace(page, applicant.ofpraNumber, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: dutyTitle("fr") })).toBeVisible();
});

test("a key that is not the applicant's says so, keeps the AGDREF number typed and never sends the key back", async ({ page }) => {
  const applicant = await createApplicant();
  const t = messages("fr");

  const wrongKey = someoneElsesKey();
  await page.goto("/fr/activation");
  await fillActivation(page, "fr", { agdref: applicant.agdrefNumber, key: wrongKey });
  await submitActivation(page, "fr");

  await expect(formAlert(page)).toContainText(t.errors!.KEY_INVALID!);
  await expect(page).toHaveURL(/\/fr\/activation$/);
  await expect(field(page, t.activation!.agdrefLabel!)).toHaveValue(applicant.agdrefNumber);
  await expect(field(page, t.activation!.keyLabel!)).toHaveValue("");
  await expect(field(page, t.password!.newLabel!)).toHaveValue("");
  const html = await page.content();
  expect(html).not.toContain(wrongKey);
  expect(html).not.toContain(NEW_PASSWORD);
  await expectNoAxeViolations(page);

  // The right key still works afterwards.
  await fillActivation(page, "fr", { agdref: applicant.agdrefNumber, key: applicant.key });
  await submitActivation(page, "fr");
  await expect(page).toHaveURL(/\/fr\/espace\?bienvenue=1$/);
});

for (const locale of ["fr", "ar"] as const) {
  test(`a mistyped key is caught by its check character, in ${locale}, next to the field`, async ({ page }) => {
    // Caught before any account is looked up (issue #4), so no applicant is needed.
    const agdref = String(7_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
    const t = messages(locale);

    await page.goto(`/${locale}/activation`);
    await fillActivation(page, locale, { agdref, key: withTypo(someoneElsesKey()) });
    await submitActivation(page, locale);

    await expect(formAlert(page)).toContainText(t.errors!.FIELDS!);
    const key = field(page, t.activation!.keyLabel!);
    await expect(key).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(t.fieldErrors!.keyChecksum!)).toBeVisible();
    await expect(key).toHaveValue("");
    await expect(field(page, t.activation!.agdrefLabel!)).toHaveValue(agdref);
    await expectNoAxeViolations(page);
  });
}

test("activation in Arabic: right to left, Arabic-Indic digits accepted, the space opens in Arabic", async ({ page }) => {
  const applicant = await createApplicant();
  const ar = messages("ar");

  await page.goto("/ar/activation");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.activation!.title!);
  await fillActivation(page, "ar", { agdref: arabicIndicDigits(applicant.agdrefNumber), key: applicant.key });
  await expect(page.getByLabel(ar.activation!.languageLabel!)).toHaveValue("ar");
  await submitActivation(page, "ar");

  await expect(page).toHaveURL(/\/ar\/espace\?bienvenue=1$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.space!.title!);
  await expect(page.getByRole("status")).toContainText(ar.space!.welcomeTitle!);
  await expect(page.getByRole("heading", { name: dutyTitle("ar") })).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page, "ar");
  await signInToSpace(page, applicant.agdrefNumber, NEW_PASSWORD, { locale: "ar" });
});
