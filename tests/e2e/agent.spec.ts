// The minimal agent view (issue #5, point 10; issue #6, points 1-3): an OFPRA
// agent signs in for the first time (TOTP enrolment by QR code, the secret as
// text, recovery codes shown once), finds the demo applicant, deposits a PDF
// and sees it with its accusé de mise à disposition; second factor and
// recovery codes; the staff cookie's flags; scopes and roles. Axe on every
// agent page. Runs with and without JavaScript.
import { PDFDocument } from "pdf-lib";
import { DEMO_ACTIVE } from "../../scripts/demo-access";
import { field, formAlert, signInToSpace } from "./applicant-ui";
import { createApplicant, createStaff, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffCodeStep, staffPasswordStep, staffSignIn, totpNow } from "./staff-ui";

// The applicant file grew with issue #6 (keys, exemption, postal track): its axe runs take longer on a busy machine.
test.describe.configure({ mode: "parallel", timeout: 150_000 });

const fr = messages("fr");
const t = fr.staffSignIn!;
const agent = fr.agent!;

async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Convocation à un entretien (e2e)");
  return Buffer.from(await doc.save());
}

test("an agent's first sign-in enrols the TOTP, then the agent finds the demo applicant, deposits a PDF and sees its availability receipt", async ({ page }) => {
  const staff = await createStaff({ role: "OFPRA_AGENT" });
  await page.goto("/fr/agent/connexion");
  await expectNoAxeViolations(page);
  await staffPasswordStep(page, staff.email, staff.password);

  await expect(page).toHaveURL(/\/fr\/agent\/connexion\/enrolement$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.enrolTitle!);
  await expect(page.getByRole("img", { name: t.qrAlt!.replace("{email}", staff.email) })).toBeVisible();
  const secret = (await page.locator("code.epns-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);
  await field(page, t.enrolCodeLabel!).fill(await totpNow(secret));
  await page.getByRole("main").getByRole("button", { name: t.enrolSubmit }).click();

  await expect(page.getByRole("heading", { name: t.recoveryCodesTitle })).toBeVisible();
  const codes = await page.locator("ol.epns-recovery-codes li").allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: t.continue }).click();

  await expect(page).toHaveURL(/\/fr\/agent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(agent.homeTitle!);
  await expectNoAxeViolations(page);
  await field(page, agent.searchLabel!).fill(DEMO_ACTIVE.ofpraNumber);
  await page.getByRole("main").getByRole("button", { name: agent.searchSubmit }).click();

  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(agent.applicantTitle!);
  await expect(page.getByRole("main")).toContainText(DEMO_ACTIVE.agdrefNumber);
  await expectNoAxeViolations(page);

  const deposit = page.getByRole("region", { name: agent.depositTitle });
  await deposit.getByLabel(agent.depositTypeLabel!).selectOption({ label: agent.typeCONVOCATION! });
  await deposit.getByLabel(new RegExp(`^\\s*${agent.depositFileLabel}`)).setInputFiles({ name: "convocation.pdf", mimeType: "application/pdf", buffer: await samplePdf() });
  await deposit.getByRole("button", { name: agent.depositSubmit }).click();

  // Deposit seals, timestamps and stores the PDF and its receipt before answering: give it time on a busy machine.
  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\/[0-9a-f-]{36}\?depot=[0-9a-f-]{36}$/, { timeout: 30_000 });
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toContainText(agent.depositedTitle!);
  const reference = (await status.textContent())!.match(/EPNS-\d{4}-[0-9A-Z]{8}/)![0];
  const card = page.getByRole("region", { name: agent.documentsTitle }).getByRole("listitem").filter({ hasText: reference }).first();
  await expect(card).toContainText(agent.documentAVAILABLE!);
  await expect(card).toContainText(agent.receiptAVAILABILITY!);
  await expect(card).toContainText(agent.alertAvailable!);
  await expectNoAxeViolations(page);
});

test("the second factor refuses a wrong code and accepts a recovery code once; the staff cookie is strict; sign-out ends the session", async ({ page, context }) => {
  const staff = await createStaff({ role: "OFPRA_AGENT", enrolled: true });
  await staffPasswordStep(page, staff.email, "Pas-le-bon-1");
  await expect(formAlert(page)).toContainText(fr.staffErrors!.CREDENTIALS_INVALID!);
  expect(await context.cookies()).toEqual([]);

  await staffPasswordStep(page, staff.email, staff.password);
  const right = await totpNow(staff.totpSecret!);
  await staffCodeStep(page, right === "000000" ? "111111" : "000000");
  await expect(formAlert(page)).toContainText(fr.staffErrors!.CODE_INVALID!);
  await expectNoAxeViolations(page);
  await staffCodeStep(page, staff.recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/fr\/agent$/);
  expect(await context.cookies()).toEqual([
    expect.objectContaining({ name: "__Host-epns-staff", path: "/", httpOnly: true, secure: true, sameSite: "Strict" }),
  ]);

  await page.getByRole("button", { name: agent.signOut }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/connexion\?deconnecte=1$/);
  expect(await context.cookies()).toEqual([]);
  await page.goto("/fr/agent");
  await expect(page).toHaveURL(/\/fr\/agent\/connexion$/);

  // The recovery code served once.
  await staffPasswordStep(page, staff.email, staff.password);
  await staffCodeStep(page, staff.recoveryCodes[0]!);
  await expect(formAlert(page)).toContainText(fr.staffErrors!.CODE_INVALID!);
});

test("host-structure staff find only their structure's applicants and cannot deposit; other applicants look like not found", async ({ page }) => {
  const staff = await createStaff({ role: "HOST_STRUCTURE_STAFF", enrolled: true });
  const outsider = await createApplicant({ active: true });
  await staffSignIn(page, staff);
  await field(page, agent.searchLabel!).fill(outsider.agdrefNumber);
  await page.getByRole("main").getByRole("button", { name: agent.searchSubmit }).click();
  await expect(formAlert(page)).toContainText(fr.staffErrors!.NOT_FOUND!);
  // The same page as for an id that does not exist (shown without JavaScript too, hence no 404 status: see [...rest]/page.tsx).
  await page.goto(`/fr/agent/demandeurs/${outsider.applicantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
  await expect(page.getByRole("main")).not.toContainText(outsider.agdrefNumber);
});

test("without a staff session the agent pages lead to the staff sign-in; an applicant's session is not one", async ({ page }) => {
  for (const path of ["/fr/agent", "/en/agent", "/fr/agent/demandeurs/00000000-0000-4000-8000-000000000000", "/fr/agent/connexion/code"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/(fr|en)\/agent\/connexion(\?expire=1)?$/);
  }
  await page.goto("/ar/agent/connexion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("ar").staffSignIn!.title!);
  await expectNoAxeViolations(page);

  const applicant = await createApplicant({ active: true });
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  await page.goto("/fr/agent");
  await expect(page).toHaveURL(/\/fr\/agent\/connexion$/);
});
