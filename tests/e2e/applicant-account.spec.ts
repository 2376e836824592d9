// The applicant's account page (issue #4, point 7): changing the password
// closes the other devices' sessions; a new e-mail address is confirmed with
// the code sent to it (read from the stack's SMTP catcher); the connection
// history lists the logins; "log out everywhere" ends them all; the language
// applies at once. Each test has its own applicant; all run with and without
// JavaScript (playwright.config.ts).
import type { Page } from "@playwright/test";
import { maskEmail } from "../../src/lib/contact-formats";
import { maskIp } from "../../src/lib/request-info";
import { field, fillNewPassword, NEW_PASSWORD, signInToSpace, signOut } from "./applicant-ui";
import { createApplicant, expect, test, uniqueEmail, waitForMail } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";

test.describe.configure({ mode: "parallel", timeout: 60_000 });

const fr = messages("fr");
const account = fr.account!;

/** The rows of the connection history, most recent first: [date, device, address, status]. */
async function historyRows(page: Page): Promise<string[][]> {
  const table = page.getByRole("table", { name: account.historyCaption });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())),
  );
}

test("changing the password keeps this session, closes the other device's, and the new password signs in", async ({ page, otherDevice }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(otherDevice.page, applicant.ofpraNumber, applicant.password!);
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);

  await page.getByRole("link", { name: fr.layout!.myAccount, exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/compte$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.title!);
  await expect(page.getByRole("region", { name: account.identifiersTitle })).toContainText(applicant.agdrefNumber);
  await expect(page.getByRole("region", { name: account.identifiersTitle })).toContainText(applicant.ofpraNumber);
  await expectNoAxeViolations(page);

  const passwordSection = page.getByRole("region", { name: account.passwordTitle });
  await field(passwordSection, account.currentPasswordLabel!).fill("Pas-le-bon-1");
  await fillNewPassword(passwordSection, "fr", NEW_PASSWORD);
  await passwordSection.getByRole("button", { name: account.passwordSubmit }).click();
  await expect(passwordSection.getByText(fr.fieldErrors!.currentPasswordWrong!)).toBeVisible();
  await expectNoAxeViolations(page);

  await field(passwordSection, account.currentPasswordLabel!).fill(applicant.password!);
  await fillNewPassword(passwordSection, "fr", NEW_PASSWORD);
  await passwordSection.getByRole("button", { name: account.passwordSubmit }).click();
  await expect(passwordSection.getByRole("status")).toHaveText(account.passwordChangedOneOther!);

  // The other device's next page load goes to the sign-in page.
  await otherDevice.page.goto("/fr/espace");
  await expect(otherDevice.page).toHaveURL(/\/fr\/connexion\?expire=1$/);
  await expect(otherDevice.page.getByRole("status")).toHaveText(fr.signIn!.sessionExpired!);

  // This one stays signed in.
  await page.goto("/fr/compte");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.title!);
  await signOut(page);
  await signInToSpace(page, applicant.agdrefNumber, NEW_PASSWORD);
});

test("a new e-mail address is confirmed with the code sent to it", async ({ page }) => {
  const applicant = await createApplicant({ active: true });
  const email = uniqueEmail("compte");
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  await expect(page.getByText(fr.space!.noContactNotice!)).toBeVisible();

  await page.goto("/fr/compte");
  const emailSection = page.getByRole("region", { name: account.emailTitle, exact: true });
  await expect(emailSection).toContainText(account.emailNone!);
  await field(emailSection, account.emailLabel!).fill(email);
  await emailSection.getByRole("button", { name: account.sendCode }).click();
  await expect(emailSection.getByRole("status")).toHaveText(account.emailCodeSent!);

  const mail = await waitForMail(email);
  expect(mail.subject).toBe(fr.notifications!.contactCodeSubject);
  expect(mail.text).not.toContain(applicant.agdrefNumber);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  expect(code, mail.text).toBeTruthy();

  // A wrong code first: refused, and the form stays (only the newest code works, 5 tries).
  const wrong = code === "000000" ? "111111" : "000000";
  await field(emailSection, account.codeLabel!).fill(wrong);
  await emailSection.getByRole("button", { name: account.codeSubmit }).click();
  await expect(emailSection.getByRole("alert")).toContainText(fr.errors!.CODE_INVALID!);
  await expectNoAxeViolations(page);

  await field(emailSection, account.codeLabel!).fill(code!);
  await emailSection.getByRole("button", { name: account.codeSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/compte\?confirme=email#contacts$/);
  await expect(page.getByRole("region", { name: account.contactsTitle }).getByRole("status").first()).toHaveText(account.emailConfirmed!);
  await expect(emailSection).toContainText(`${account.emailCurrent} ${maskEmail(email)}`);
  await expect(field(emailSection, account.codeLabel!)).toHaveCount(0);

  await page.getByRole("link", { name: fr.layout!.mySpace, exact: true }).click();
  await expect(page.getByText(fr.space!.noContactNotice!)).toHaveCount(0);
});

test("the connection history lists each login with its device's address; log out everywhere ends every session", async ({ page, otherDevice, clientAddress }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(otherDevice.page, applicant.agdrefNumber, applicant.password!);
  await signInToSpace(page, applicant.ofpraNumber, applicant.password!);

  await page.goto("/fr/compte");
  const rows = await historyRows(page);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toEqual([expect.any(String), expect.any(String), maskIp(clientAddress), account.statusCurrent]);
  expect(rows[1]).toEqual([expect.any(String), expect.any(String), maskIp(otherDevice.clientAddress), account.statusActive]);
  expect(rows[0]![1]).toMatch(new RegExp(`^${account.deviceComputer} · `));

  const history = page.getByRole("region", { name: account.historyTitle });
  await history.getByRole("button", { name: account.logOutEverywhereButton }).click();
  await expect(page).toHaveURL(/\/fr\/connexion\?deconnecte=1$/);
  // This device's cookie is gone: a plain sign-in page; the other device's cookie no longer opens anything.
  await page.goto("/fr/compte");
  await expect(page).toHaveURL(/\/fr\/connexion$/);
  await otherDevice.page.goto("/fr/compte");
  await expect(otherDevice.page).toHaveURL(/\/fr\/connexion\?expire=1$/);

  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  await page.goto("/fr/compte");
  const after = await historyRows(page);
  expect(after.map((row) => row[3])).toEqual([account.statusCurrent, account.statusEnded, account.statusEnded]);
});

test("the account in Arabic, right to left; a new language applies at once", async ({ page }) => {
  const applicant = await createApplicant({ active: true, language: "ar" });
  const ar = messages("ar");
  // Signing in from the French page opens the space in the applicant's language.
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!, { locale: "fr", spaceLocale: "ar" });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: ar.layout!.myAccount, exact: true }).click();
  await expect(page).toHaveURL(/\/ar\/compte$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.account!.title!);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expectNoAxeViolations(page);

  const language = page.getByRole("region", { name: ar.account!.languageTitle });
  await language.getByLabel(ar.account!.languageLabel!).selectOption("fr");
  await language.getByRole("button", { name: ar.account!.languageSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/compte\?langue=1#language$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("region", { name: account.languageTitle }).getByRole("status")).toHaveText(account.languageChanged!);

  await signOut(page);
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!, { locale: "ar", spaceLocale: "fr" });
});
