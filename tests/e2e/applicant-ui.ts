// What an applicant does in the browser, shared by the specs: fields are found
// by their translated label (messages/<locale>/*.json), never by CSS.
import { expect, type Locator, type Page } from "@playwright/test";
import { lastDayOfPeriod } from "../../src/lib/fifteen-day-period";
import { parisMidnight } from "../../src/lib/paris-time";
import { messages, type Locale } from "./helpers";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The field whose label starts with `label`. DSFR puts the hint inside the
 * <label>, so the label's text is "label + hint"; anchoring at the start also
 * tells "Nouveau mot de passe" from "Confirmer le nouveau mot de passe".
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}`));
}

/**
 * The error summary at the top of a form (src/features/forms/components/form-error-alert.tsx),
 * inside the main content (Next.js adds an empty role="alert" route announcer to the body).
 */
export function formAlert(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}

export const NEW_PASSWORD = "Nouveau-Soleil-73";

export async function fillNewPassword(scope: Page | Locator, locale: Locale, password: string) {
  const t = messages(locale).password!;
  await field(scope, t.newLabel!).fill(password);
  await field(scope, t.confirmLabel!).fill(password);
}

export async function signIn(page: Page, identifier: string, password: string, locale: Locale = "fr") {
  const t = messages(locale).signIn!;
  await page.goto(`/${locale}/connexion`);
  await field(page, t.identifierLabel!).fill(identifier);
  await field(page, t.passwordLabel!).fill(password);
  await page.getByRole("main").getByRole("button", { name: t.submit }).click();
}

/** Signs in and checks the space opened, in the applicant's language. */
export async function signInToSpace(page: Page, identifier: string, password: string, options: { locale?: Locale; spaceLocale?: Locale } = {}) {
  const locale = options.locale ?? "fr";
  const spaceLocale = options.spaceLocale ?? locale;
  await signIn(page, identifier, password, locale);
  await expect(page).toHaveURL(new RegExp(`/${spaceLocale}/espace$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(spaceLocale).space!.title!);
}

/** The "Se déconnecter" button of the service bar. */
export async function signOut(page: Page, locale: Locale = "fr") {
  await page.getByRole("button", { name: messages(locale).layout!.signOut }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/connexion\\?deconnecte=1(#.*)?$`));
  await expect(page.getByRole("status")).toHaveText(messages(locale).signIn!.signedOut!);
}

/** The title of the 15-day duty after a login now, as the space words it (seed 000, art. 4). */
export function dutyTitle(locale: Locale, loginAt = new Date()): string {
  const date = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(
    parisMidnight(lastDayOfPeriod(loginAt)),
  );
  return messages(locale).space!.dutyTitle!.replace("{date}", date);
}
