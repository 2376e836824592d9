// What a staff user does in the browser, shared by the agent specs: fields are
// found by their translated label (messages/<locale>/*.json), never by CSS.
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { field } from "./applicant-ui";
import { messages, type Locale } from "./helpers";

/** The code an authenticator app shows now for this Base32 secret. */
export function totpNow(secret: string): Promise<string> {
  return generate({ secret: secret.replace(/\s/g, "") });
}

/** The password step of the staff sign-in. */
export async function staffPasswordStep(page: Page, email: string, password: string, locale: Locale = "fr") {
  const t = messages(locale).staffSignIn!;
  await page.goto(`/${locale}/agent/connexion`);
  await field(page, t.emailLabel!).fill(email);
  await field(page, t.passwordLabel!).fill(password);
  await page.getByRole("main").getByRole("button", { name: t.submit }).click();
}

/** The code step: a TOTP code or a recovery code. */
export async function staffCodeStep(page: Page, code: string, locale: Locale = "fr") {
  const t = messages(locale).staffSignIn!;
  await expect(page).toHaveURL(new RegExp(`/${locale}/agent/connexion/code$`));
  await field(page, t.codeLabel!).fill(code);
  await page.getByRole("main").getByRole("button", { name: t.codeSubmit }).click();
}

/** Signs an enrolled staff user in and checks the staff space opened. */
export async function staffSignIn(page: Page, staff: { email: string; password: string; totpSecret: string | null }, locale: Locale = "fr") {
  await staffPasswordStep(page, staff.email, staff.password, locale);
  await staffCodeStep(page, await totpNow(staff.totpSecret!), locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/agent$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale).agent!.homeTitle!);
}
