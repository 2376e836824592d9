// The document journey (issue #5; seed 000, art. 6): an agent publishes, the
// applicant is alerted by an e-mail without personal data, finds the document
// unopened in the space, is told that opening dates the notification, opens it,
// gets the accusé de réception, and anyone can verify it on /verify.
// Runs with and without JavaScript; axe on every page of the journey.
import { PDFDocument } from "pdf-lib";
import { field, signInToSpace } from "./applicant-ui";
import { createApplicant, createStaff, depositDocumentFor, expect, test, uniqueEmail, waitForMail } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 120_000 });

test("an agent publishes → alerted → opened after the warning → receipts downloadable → verified on /verify", async ({ page, otherDevice }) => {
  const email = uniqueEmail();
  const applicant = await createApplicant({ active: true, email });
  const fr = messages("fr");
  const t = fr.documents!;

  // The agent, on the back-office: finds the applicant and deposits the decision.
  const agentUi = fr.agent!;
  const agentPage = otherDevice.page;
  await staffSignIn(agentPage, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await field(agentPage, agentUi.searchLabel!).fill(applicant.agdrefNumber);
  await agentPage.getByRole("main").getByRole("button", { name: agentUi.searchSubmit }).click();
  const deposit = agentPage.getByRole("region", { name: agentUi.depositTitle });
  await deposit.getByLabel(agentUi.depositTypeLabel!).selectOption({ label: agentUi.typeDECISION! });
  const decision = await PDFDocument.create();
  decision.addPage().drawText("Decision (e2e)");
  await deposit.getByLabel(new RegExp(`^\\s*${agentUi.depositFileLabel}`)).setInputFiles({ name: "decision.pdf", mimeType: "application/pdf", buffer: Buffer.from(await decision.save()) });
  await deposit.getByRole("button", { name: agentUi.depositSubmit }).click();
  await expect(agentPage).toHaveURL(/\/fr\/agent\/demandeurs\/[0-9a-f-]{36}\?depot=[0-9a-f-]{36}$/, { timeout: 30_000 });
  const documentId = new URL(agentPage.url()).searchParams.get("depot")!;
  const reference = (await agentPage.getByRole("main").getByRole("status").textContent())!.match(/EPNS-\d{4}-[0-9A-Z]{8}/)![0];

  // The alert: a link to the sign-in page, no number, no reference, no credential.
  const mail = await waitForMail(email);
  expect(mail.text).toContain("/fr/connexion");
  for (const secret of [applicant.agdrefNumber, applicant.ofpraNumber, reference]) expect(mail.text).not.toContain(secret);

  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  await expect(page.getByText(t.unreadCount!.replace("{count}", "1"))).toBeVisible();
  await expect(page.getByText(t.badgeUnopened!, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: t.open }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/documents/${documentId}$`));
  await expect(page.getByRole("heading", { name: t.openWarningTitle })).toBeVisible();
  await expect(page.getByText(t.receiptAVAILABILITY!, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Opening: the file comes back as a PDF (shown inline), and the réception is recorded.
  const opened = page.waitForResponse((response) => response.url().endsWith(`/documents/${documentId}/fichier`));
  await page.getByRole("button", { name: t.openConfirm }).click();
  expect((await opened).headers()["content-type"]).toBe("application/pdf");
  // Once opened, the file can be fetched again (a navigation's body is the browser viewer's, not the bytes).
  const file = await page.request.get(`/fr/documents/${documentId}/fichier`);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["cache-control"]).toContain("no-store");
  const documentBytes = await file.body();
  expect(documentBytes.subarray(0, 5).toString()).toBe("%PDF-");

  // Back on its page: opened, with both receipts once their sealed PDFs are ready.
  await expect
    .poll(async () => {
      await page.goto(`/fr/documents/${documentId}`);
      return page.getByRole("link", { name: t.receiptPdf }).count();
    }, { timeout: 60_000 })
    .toBe(2);
  await expect(page.getByText(t.receiptOPENED!, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  const receiptHref = await page.getByRole("link", { name: t.receiptPdf }).nth(1).getAttribute("href");
  expect(receiptHref).toBe(`/fr/documents/${documentId}/accuses/reception.pdf`);
  const receipt = await page.request.get(receiptHref!);
  expect(receipt.headers()["content-disposition"]).toMatch(/^attachment; filename="EPNS-\d{4}-[0-9A-Z]{8}-accuse-reception\.pdf"$/);
  const receiptBytes = await receipt.body();

  // Anyone can verify it: the receipt and the document it covers.
  const v = fr.verify!;
  await page.goto("/verify");
  await expect(page).toHaveURL(/\/fr\/verifier$/);
  await page.getByLabel(v.receiptLabel!).setInputFiles({ name: "accuse.pdf", mimeType: "application/pdf", buffer: receiptBytes });
  await page.getByLabel(v.documentLabel!).setInputFiles({ name: "document.pdf", mimeType: "application/pdf", buffer: documentBytes });
  await page.getByRole("button", { name: v.submit }).click();
  await expect(page.getByRole("heading", { name: v.resultValidTitle })).toBeVisible();
  await expect(page.getByText(v.documentMatches!)).toBeVisible();
  await expect(page.getByText(reference)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("another applicant's document and receipts look like nothing", async ({ page }) => {
  const owner = await createApplicant({ active: true });
  const { documentId } = await depositDocumentFor(owner.applicantId);
  const stranger = await createApplicant({ active: true });
  await signInToSpace(page, stranger.agdrefNumber, stranger.password!);
  await page.goto(`/fr/documents/${documentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("fr").documents!.notFound!);
  const receipt = await page.request.get(`/fr/documents/${documentId}/accuses/mise-a-disposition.pdf`, { maxRedirects: 0 });
  expect(receipt.status()).toBe(303);
  expect(receipt.headers()["location"]).toContain(`/fr/documents/${documentId}`);
});

test("the verification page says clearly when a file is not a receipt, in every language", async ({ page }) => {
  for (const locale of ["fr", "en", "ar"] as const) {
    const v = messages(locale).verify!;
    await page.goto(`/${locale}/verifier`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(v.title!);
    await page.getByLabel(v.receiptLabel!).setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("not a receipt") });
    await page.getByRole("button", { name: v.submit }).click();
    await expect(page.getByRole("heading", { name: v.resultInvalidTitle })).toBeVisible();
    await expect(page.getByText(v.problem_UNRECOGNIZED_FILE!)).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
