// The OFPRA administrator's journey (issue #6, point 8): signs in, creates a
// GUDA structure, invites a staff member (the link read from the local SMTP
// catcher, and shown once on the page); the invitee chooses a password and
// enrols the TOTP; the link then stops working; the administrator disables
// the account and the invitee's session ends at the next click; the dashboard
// shows its chart and tables; the system page tests the TSA. Other roles get
// "not found". Axe on every page. Runs with and without JavaScript.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { field, fillNewPassword } from "./applicant-ui";
import { createStaff, expect, test, uniqueClientAddress, uniqueEmail, waitForMail } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffCodeStep, staffPasswordStep, totpNow } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 120_000 });

const fr = messages("fr");
const admin = fr.staffAdmin!;
const agent = fr.agent!;
const signIn = fr.staffSignIn!;

/** The staff sign-in of staff-ui.ts, with room for argon2 on a busy shared machine. */
async function staffSignIn(page: Page, staff: { email: string; password: string; totpSecret: string | null }) {
  await staffPasswordStep(page, staff.email, staff.password);
  await expect(page).toHaveURL(/\/fr\/agent\/connexion\/code$/, { timeout: 30_000 });
  await staffCodeStep(page, await totpNow(staff.totpSecret!));
  await expect(page).toHaveURL(/\/fr\/agent$/, { timeout: 30_000 });
}

test("an administrator invites a GUDA agent who sets a password and enrols; then disables the account", async ({ page, browser, baseURL, javaScriptEnabled }) => {
  // The longest journey of the suite (two users, an enrolment, a dozen axe checks) on a shared 2-core machine.
  test.setTimeout(300_000);
  const administrator = await createStaff({ role: "OFPRA_ADMIN", enrolled: true });
  await staffSignIn(page, administrator);
  const home = page.getByRole("region", { name: admin.homeAdminTitle });
  await expect(home.getByRole("link")).toHaveText([admin.navDashboard!, admin.navStaff!, admin.navStructures!, admin.navSystem!]);
  await expectNoAxeViolations(page);

  // A new guichet unique, with an INSEE department code (a wrong one is refused first).
  await home.getByRole("link", { name: admin.navStructures }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.structuresTitle!);
  await expectNoAxeViolations(page);
  const name = `GUDA e2e ${randomUUID().slice(0, 8)}`;
  const create = page.getByRole("region", { name: admin.createStructureTitle });
  await create.getByLabel(admin.kindLabel!).selectOption({ label: admin.kindGUDA! });
  await field(create, admin.nameLabel!).fill(name);
  await field(create, admin.departmentLabel!).fill("20");
  await create.getByRole("button", { name: admin.createStructureSubmit }).click();
  await expect(create).toContainText(fr.fieldErrors!.departmentFormat!);
  await expectNoAxeViolations(page);
  await field(create, admin.departmentLabel!).fill("2a");
  await create.getByRole("button", { name: admin.createStructureSubmit }).click();
  await expect(create.getByRole("status")).toHaveText(admin.doneStructureCreated!);
  await expect(page.getByRole("table").getByRole("row", { name: new RegExp(name) })).toContainText("2A");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.structureTitle!);
  await expectNoAxeViolations(page);

  // The invitation: e-mailed, and shown once on the page.
  await page.getByRole("navigation", { name: admin.navLabel }).getByRole("link", { name: admin.navStaff }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.staffTitle!);
  await expectNoAxeViolations(page);
  const email = uniqueEmail("agent-guda");
  const invite = page.getByRole("region", { name: admin.inviteTitle });
  await field(invite, admin.emailLabel!).fill(email);
  await invite.getByLabel(admin.roleLabel!).selectOption({ label: agent.roleGUDA_AGENT! });
  await invite.getByLabel(admin.structureLabel!).selectOption({ label: `${name} — ${admin.kindGUDA} (2A)` });
  await invite.getByRole("button", { name: admin.inviteSubmit }).click();
  await expect(invite.getByRole("status")).toHaveText(admin.doneInvited!);
  const shown = (await invite.getByTestId("invitation-link").textContent())!;
  await expectNoAxeViolations(page);
  const mail = await waitForMail(email);
  expect(mail.subject).toBe(fr.notifications!.staffInvitationSubject);
  const link = /(https?:\/\/\S+\/agent\/invitation\?jeton=[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  expect(link).toBe(shown);
  expect(mail.text).not.toContain(name);
  const path = new URL(link).pathname + new URL(link).search;

  // The invitee, in their own browser.
  const invitee = await browser.newContext({ baseURL, javaScriptEnabled, locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });
  try {
    const theirs = await invitee.newPage();
    await theirs.goto(path);
    await expect(theirs.getByRole("heading", { level: 1 })).toHaveText(admin.invitationTitle!);
    await expect(theirs.getByRole("main")).toContainText(email);
    await expectNoAxeViolations(theirs);
    await fillNewPassword(theirs, "fr", "Bureau-Accueil-42");
    await theirs.getByRole("main").getByRole("button", { name: admin.acceptSubmit }).click();
    await expect(theirs).toHaveURL(/\/fr\/agent\/connexion\?invitation=1$/, { timeout: 30_000 });
    await expect(theirs.getByRole("main").getByRole("status")).toHaveText(admin.invitationAccepted!);
    await expectNoAxeViolations(theirs);

    await staffPasswordStep(theirs, email, "Bureau-Accueil-42");
    await expect(theirs).toHaveURL(/\/fr\/agent\/connexion\/enrolement$/, { timeout: 30_000 });
    const secret = (await theirs.locator("code.epns-secret").textContent())!.replace(/\s/g, "");
    await field(theirs, signIn.enrolCodeLabel!).fill(await totpNow(secret));
    await theirs.getByRole("main").getByRole("button", { name: signIn.enrolSubmit }).click();
    await expect(theirs.getByRole("heading", { name: signIn.recoveryCodesTitle })).toBeVisible();
    await theirs.getByRole("link", { name: signIn.continue }).click();
    await expect(theirs).toHaveURL(/\/fr\/agent$/);
    await expect(theirs.getByRole("main")).toContainText(agent.roleGUDA_AGENT!);

    // The link worked once.
    await theirs.goto(path);
    await expect(theirs.getByRole("main").getByRole("alert")).toContainText(admin.invitationInvalidBody!);
    await expectNoAxeViolations(theirs);

    // The administrator sees the account enrolled, then disables it.
    await page.reload();
    const row = page.getByRole("table").getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText(admin.statusActive!);
    await row.getByRole("link", { name: email }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.accountTitle!);
    await expectNoAxeViolations(page);
    const disable = page.getByRole("region", { name: admin.disableTitle });
    await disable.getByRole("button", { name: admin.disableSubmit }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText(admin.doneDisabled!);
    await expectNoAxeViolations(page);

    // The invitee's next click ends on the sign-in page.
    await theirs.goto("/fr/agent");
    await expect(theirs).toHaveURL(/\/fr\/agent\/connexion\?expire=1$/);
  } finally {
    await invitee.close();
  }
});

test("the dashboard shows the weekly chart and its table; the system page shows the seal and tests the TSA; no secret is shown", async ({ page }) => {
  const administrator = await createStaff({ role: "OFPRA_ADMIN", enrolled: true });
  await staffSignIn(page, administrator);
  await page.goto("/fr/agent/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.dashboardTitle!);
  await expect(page.getByRole("img", { name: admin.chartTitle })).toBeVisible();
  await expect(page.getByTestId("weekly-chart").locator("rect")).not.toHaveCount(0);
  const weekly = page.getByRole("table", { name: admin.weeklyTitle });
  await expect(weekly.getByRole("row")).toHaveCount(13);
  await expect(page.getByRole("table", { name: admin.alertsTitle }).getByRole("row")).toHaveCount(3);
  await expect(page.getByTestId("activation-rate")).toContainText("%");
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: admin.navLabel }).getByRole("link", { name: admin.navSystem }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.systemTitle!);
  await expect(page.getByTestId("seal-status")).toContainText(admin.sourceDevelopment!);
  await expect(page.getByRole("main")).toContainText(admin.tsaBuiltIn!);
  await expect(page.getByRole("main")).toContainText(admin.masterKeyConfigured!);
  await expect(page.getByRole("main")).not.toContainText(/PRIVATE KEY|BEGIN|APP_SECRET=|BLOB_MASTER_KEY=/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: admin.tsaCheckSubmit }).click();
  await expect(page.getByTestId("tsa-check")).toContainText(admin.tsaCheckOk!);
  await expectNoAxeViolations(page);

  // Log out everywhere, from the staff home.
  await page.goto("/fr/agent");
  await page.getByRole("button", { name: admin.signOutEverywhereSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/connexion\?deconnecte=partout$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(admin.signedOutEverywhere!);
  await page.goto("/fr/agent/admin");
  await expect(page).toHaveURL(/\/fr\/agent\/connexion/);
});

test("other roles find nothing at the administrator's pages, and an unknown invitation link gives the same message", async ({ page }) => {
  const staff = await createStaff({ role: "OFPRA_AGENT", enrolled: true });
  await staffSignIn(page, staff);
  await expect(page.getByRole("region", { name: admin.homeAdminTitle })).toHaveCount(0);
  for (const path of ["/fr/agent/admin", "/fr/agent/admin/personnel", "/fr/agent/admin/structures", "/fr/agent/admin/systeme", `/fr/agent/admin/personnel/${staff.staffUserId}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
  }
  await expectNoAxeViolations(page);
  await page.goto(`/fr/agent/invitation?jeton=${"A".repeat(43)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(admin.invitationInvalidBody!);
  await expectNoAxeViolations(page);
});
