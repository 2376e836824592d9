// The applicant's pages and actions check the session themselves
// (../shared/CONVENTIONS.md): without a session, with a forged cookie or with
// one that was signed out (sessions are server-side rows, seed 000 art. 4),
// they lead to the sign-in page. Runs with and without JavaScript.
import { field, fillNewPassword, signInToSpace, signOut } from "./applicant-ui";
import { createApplicant, expect, test } from "./fixtures";
import { messages, type Locale } from "./helpers";

test.describe.configure({ mode: "parallel", timeout: 60_000 });

const PROTECTED = [
  { locale: "fr", path: "/espace" },
  { locale: "fr", path: "/compte" },
  { locale: "ar", path: "/espace" },
  { locale: "en", path: "/compte" },
] as const satisfies ReadonlyArray<{ locale: Locale; path: string }>;

test("without a session, the space and the account lead to the sign-in page in the same language (no 'session ended' for a first visit)", async ({ page }) => {
  for (const { locale, path } of PROTECTED) {
    await page.goto(`/${locale}${path}`);
    await expect(page, `${locale}${path}`).toHaveURL(new RegExp(`/${locale}/connexion$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale).signIn!.title!);
  }
});

test("a forged session cookie opens nothing", async ({ page, context, baseURL }) => {
  const domain = new URL(baseURL!).hostname;
  await context.addCookies([{ name: "__Host-epns-session", value: "A".repeat(43), domain, path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/fr/espace");
  await expect(page).toHaveURL(/\/fr\/connexion\?expire=1$/);
  await page.goto("/fr/compte");
  await expect(page).toHaveURL(/\/fr\/connexion\?expire=1$/);
});

test("a session cookie kept after sign-out opens nothing", async ({ page, context }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  const [session] = await context.cookies();
  await signOut(page);

  await context.addCookies([session!]);
  await page.goto("/fr/espace");
  await expect(page).toHaveURL(/\/fr\/connexion\?expire=1$/);
});

test("a form of the account sent after the session ended changes nothing and leads to the sign-in page", async ({ page, otherDevice }) => {
  const applicant = await createApplicant({ active: true });
  const fr = messages("fr");
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  await page.goto("/fr/compte");

  // Meanwhile, on another device: "log out everywhere".
  await signInToSpace(otherDevice.page, applicant.agdrefNumber, applicant.password!);
  await otherDevice.page.goto("/fr/compte");
  await otherDevice.page.getByRole("button", { name: fr.account!.logOutEverywhereButton }).click();
  await expect(otherDevice.page).toHaveURL(/\/fr\/connexion\?deconnecte=1$/);

  const passwordSection = page.getByRole("region", { name: fr.account!.passwordTitle });
  await field(passwordSection, fr.account!.currentPasswordLabel!).fill(applicant.password!);
  await fillNewPassword(passwordSection, "fr", "Autre-Soleil-84");
  await passwordSection.getByRole("button", { name: fr.account!.passwordSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/connexion\?expire=1$/);

  // The password did not change.
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
});
