// The three ways back to one's space (seed 000, art. 3): a single-use link by
// e-mail, a 6-digit code by SMS, the connection key. The messages are read
// where the app really sent them: the stack's local SMTP catcher and SMS sink.
// Each test has its own applicant; all run with and without JavaScript.
import { field, fillNewPassword, formAlert, NEW_PASSWORD, signIn, signInToSpace, signOut } from "./applicant-ui";
import { createApplicant, expect, test, uniqueEmail, uniquePhone, waitForMail, waitForSms } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";

test.describe.configure({ mode: "parallel", timeout: 60_000 });

const fr = messages("fr");

test("recovery by e-mail: the link opens once, sets the new password and signs in; the old password no longer works", async ({ page }) => {
  const email = uniqueEmail("recuperation");
  const applicant = await createApplicant({ active: true, email });

  await page.goto("/fr/recuperation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.recovery!.title!);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: fr.recovery!.byEmailTitle }).click();
  await expect(page).toHaveURL(/\/fr\/recuperation\/courriel$/);
  await expectNoAxeViolations(page);

  await field(page, fr.recovery!.identifierLabel!).fill(applicant.agdrefNumber);
  await page.getByRole("main").getByRole("button", { name: fr.recovery!.sendLink }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(fr.recovery!.linkSentBody!);

  const mail = await waitForMail(email);
  expect(mail.subject).toBe(fr.notifications!.recoveryLinkSubject);
  // Seed 003: no personal data in a message that may be read by someone else.
  expect(mail.text).not.toContain(applicant.agdrefNumber);
  expect(mail.text).not.toContain(applicant.ofpraNumber);
  const link = /https?:\/\/\S+\/fr\/recuperation\/nouveau-mot-de-passe\?jeton=\S+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  // The link points at APP_URL (http://localhost:3100); the tests browse 127.0.0.1:3100.
  const { pathname, search } = new URL(link!);

  await page.goto(pathname + search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.recovery!.newPasswordTitle!);
  await expectNoAxeViolations(page);
  await fillNewPassword(page, "fr", NEW_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: fr.recovery!.submitNewPassword }).click();
  await expect(page).toHaveURL(/\/fr\/espace\?nouveau-mot-de-passe=1$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText(fr.space!.passwordResetTitle!);

  // Single use.
  await page.goto(pathname + search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.recovery!.linkInvalidTitle!);
  await expect(page.getByLabel(fr.password!.newLabel!)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("main").getByRole("link", { name: fr.recovery!.startAgain }).click();
  await expect(page).toHaveURL(/\/fr\/recuperation$/);

  await signOut(page);
  await signIn(page, applicant.agdrefNumber, applicant.password!);
  await expect(formAlert(page)).toContainText(fr.errors!.CREDENTIALS_INVALID!);
  await expect(page).toHaveURL(/\/fr\/connexion$/);
  await expect(field(page, fr.signIn!.identifierLabel!)).toHaveValue(applicant.agdrefNumber);
  await expect(field(page, fr.signIn!.passwordLabel!)).toHaveValue("");
  await expectNoAxeViolations(page);
  await signInToSpace(page, applicant.agdrefNumber, NEW_PASSWORD);
});

test("a recovery link that was never sent shows the invalid-link page", async ({ page }) => {
  await page.goto("/fr/recuperation/nouveau-mot-de-passe?jeton=ceci-n-est-pas-un-jeton");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.recovery!.linkInvalidTitle!);
  await expect(page.getByText(fr.recovery!.linkInvalidBody!)).toBeVisible();
});

test("recovery by SMS: the code received sets the new password and signs in", async ({ page }) => {
  const phone = uniquePhone();
  const applicant = await createApplicant({ active: true, phone });
  const step1 = page.getByRole("region", { name: fr.recovery!.smsStep1 });
  const step2 = page.getByRole("region", { name: fr.recovery!.smsStep2 });

  await page.goto("/fr/recuperation");
  await page.getByRole("link", { name: fr.recovery!.bySmsTitle }).click();
  await expect(page).toHaveURL(/\/fr\/recuperation\/sms$/);
  await expectNoAxeViolations(page);

  await field(step1, fr.recovery!.identifierLabel!).fill(applicant.ofpraNumber);
  await step1.getByRole("button", { name: fr.recovery!.sendCode }).click();
  await expect(step1.getByRole("status")).toContainText(fr.recovery!.codeSentBody!);

  const sms = await waitForSms(phone);
  expect(sms.body).not.toContain(applicant.agdrefNumber);
  const code = /\b(\d{6})\b/.exec(sms.body)?.[1];
  expect(code, sms.body).toBeTruthy();

  await field(step2, fr.recovery!.identifierLabel!).fill(applicant.ofpraNumber);
  await field(step2, fr.recovery!.codeLabel!).fill(code!);
  await fillNewPassword(step2, "fr", NEW_PASSWORD);
  await step2.getByRole("button", { name: fr.recovery!.submitNewPassword }).click();
  await expect(page).toHaveURL(/\/fr\/espace\?nouveau-mot-de-passe=1$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText(fr.space!.passwordResetTitle!);

  await signOut(page);
  await signInToSpace(page, applicant.ofpraNumber, NEW_PASSWORD);
});

test("recovery with the connection key sets the new password, signs in and closes the other sessions", async ({ page, otherDevice }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(otherDevice.page, applicant.agdrefNumber, applicant.password!);

  await page.goto("/fr/recuperation");
  await page.getByRole("link", { name: fr.recovery!.byKeyTitle }).click();
  await expect(page).toHaveURL(/\/fr\/recuperation\/cle$/);
  await expectNoAxeViolations(page);

  await field(page, fr.recovery!.agdrefLabel!).fill(applicant.agdrefNumber);
  await field(page, fr.recovery!.keyLabel!).fill(applicant.key.toLowerCase().replaceAll("-", " "));
  await fillNewPassword(page, "fr", NEW_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: fr.recovery!.submitNewPassword }).click();
  await expect(page).toHaveURL(/\/fr\/espace\?nouveau-mot-de-passe=1$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText(fr.space!.passwordResetBody!);

  await otherDevice.page.goto("/fr/espace");
  await expect(otherDevice.page).toHaveURL(/\/fr\/connexion\?expire=1$/);

  await signOut(page);
  await signInToSpace(page, applicant.agdrefNumber, NEW_PASSWORD);
});
