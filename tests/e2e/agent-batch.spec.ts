// Batch publishing (issue #6, point 3): an OFPRA agent uploads a ZIP of three
// rows, one of them bad; sees every row checked, with the bad one's problem
// and line; confirms; follows the progress until the worker has published the
// two good rows (with JavaScript the page refreshes itself, without it the
// agent uses the refresh link); and each applicant finds the document in the
// space. The processing is the real worker's (scripts/run.ts starts it next to
// the app). Other roles find nothing. Axe on every page; with and without JavaScript.
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import type { Page } from "@playwright/test";
import { signInToSpace } from "./applicant-ui";
import { createApplicant, createBatch, createStaff, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 300_000 });

const fr = messages("fr");
const b = fr.batches!;

async function samplePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return doc.save();
}

function archiveInput(page: Page) {
  return page.getByLabel(new RegExp(`^\\s*${b.archiveLabel}`));
}

/** The row of the results table for a manifest line. */
function row(page: Page, line: number) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(line), exact: true }) });
}

test("an agent uploads a ZIP with a bad row, sees each row checked, confirms, follows the progress, and the applicants receive their documents", async ({ page, otherDevice }) => {
  const [first, second] = await Promise.all([createApplicant({ active: true }), createApplicant({ active: true })]);
  const manifest = `numero;type;fichier\n${first.agdrefNumber};CONVOCATION;convocation.pdf\n0000000001;DECISION;decision.pdf\n${second.ofpraNumber};DECISION;decision.pdf\n`;
  const archive = zipSync({ "manifest.csv": strToU8(manifest), "convocation.pdf": await samplePdf(`Convocation e2e ${Date.now()}`), "decision.pdf": await samplePdf(`Decision e2e ${Date.now()}`) });

  await staffSignIn(page, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await expectNoAxeViolations(page); // the staff home, with its link to the batches
  await page.getByRole("link", { name: b.homeLink }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/lots$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(b.listTitle!);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: b.newBatchLink }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/lots\/nouveau$/);
  await expectNoAxeViolations(page);

  // An archive that cannot be read: said next to the field, nothing stored.
  await archiveInput(page).setInputFiles({ name: "lot.zip", mimeType: "application/zip", buffer: Buffer.from("not a zip") });
  await page.getByRole("main").getByRole("button", { name: b.checkSubmit }).click();
  await expect(page.locator("#batch-archive-error")).toHaveText(b.ARCHIVE_NOT_ZIP!);
  await expect(archiveInput(page)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await archiveInput(page).setInputFiles({ name: "lot-e2e.zip", mimeType: "application/zip", buffer: Buffer.from(archive) });
  await page.getByRole("main").getByRole("button", { name: b.checkSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/lots\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const batchUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(b.batchTitle!);
  await expect(row(page, 2)).toContainText(b.outcomeREADY!);
  await expect(row(page, 3)).toContainText(b.outcomeINVALID!);
  await expect(row(page, 3)).toContainText(b.problem_APPLICANT_UNKNOWN!);
  await expect(row(page, 4)).toContainText(b.outcomeREADY!);
  await expect(page.getByText(b.confirmText!.replace("{ready}", "2"))).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing is published before the confirmation.
  await signInToSpace(otherDevice.page, first.agdrefNumber, first.password!);
  await expect(otherDevice.page.getByText(fr.documents!.unreadCount!.replace("{count}", "1"))).toHaveCount(0);

  await page.getByRole("button", { name: b.confirmSubmit }).click();
  await expect(page).toHaveURL(batchUrl);
  // The worker publishes; the page follows (JavaScript), or the agent refreshes it (no JavaScript).
  const done = page.getByText(b.doneNotice!);
  for (let i = 0; i < 60 && !(await done.isVisible()); i++) {
    const refresh = page.getByRole("link", { name: b.refreshLink });
    if (test.info().project.use.javaScriptEnabled === false && (await refresh.isVisible())) await refresh.click();
    await page.waitForTimeout(1000);
  }
  await expect(done).toBeVisible();
  await expect(row(page, 2)).toContainText(b.outcomePUBLISHED!);
  await expect(row(page, 2)).toContainText(/EPNS-\d{4}-[0-9A-Z]{8}/);
  await expect(row(page, 3)).toContainText(b.problem_APPLICANT_UNKNOWN!);
  await expect(row(page, 4)).toContainText(b.outcomePUBLISHED!);
  await expectNoAxeViolations(page);

  // Each applicant finds the document, unopened.
  await otherDevice.page.reload();
  await expect(otherDevice.page.getByText(fr.documents!.unreadCount!.replace("{count}", "1"))).toBeVisible();
  await expect(otherDevice.page.getByRole("heading", { name: fr.documents!.typeCONVOCATION })).toBeVisible();
  const secondDevice = otherDevice.page;
  await secondDevice.context().clearCookies();
  await signInToSpace(secondDevice, second.agdrefNumber, second.password!);
  await expect(secondDevice.getByText(fr.documents!.unreadCount!.replace("{count}", "1"))).toBeVisible();
  await expect(secondDevice.getByRole("heading", { name: fr.documents!.typeDECISION })).toBeVisible();

  // The list shows the batch, finished.
  await page.getByRole("link", { name: b.backToList }).click();
  await expect(page.getByRole("row").filter({ hasText: "lot-e2e.zip" }).first()).toContainText(b.statusDONE!);
});

test("an agent discards a checked batch: nothing is published", async ({ page }) => {
  const applicant = await createApplicant({ active: true });
  const archive = zipSync({ "manifest.csv": strToU8(`numero,type,fichier\n${applicant.agdrefNumber},CONVOCATION,a.pdf\n`), "a.pdf": await samplePdf(`Discard ${Date.now()}`) });
  await staffSignIn(page, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await page.goto("/fr/agent/lots/nouveau");
  await archiveInput(page).setInputFiles({ name: "abandon.zip", mimeType: "application/zip", buffer: Buffer.from(archive) });
  await page.getByRole("main").getByRole("button", { name: b.checkSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/lots\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const batchUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: b.discardSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/lots\?abandon=1$/);
  await expect(page.getByRole("status")).toContainText(b.discarded!);
  await expectNoAxeViolations(page);
  await page.goto(batchUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
});

test("the batch pages look like not found to every other role; another agent follows a confirmed batch but not a draft", async ({ page }) => {
  const confirmed = await createBatch();
  const draft = await createBatch({ draft: true });
  for (const role of ["OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"]) {
    await page.context().clearCookies();
    await staffSignIn(page, await createStaff({ role, enrolled: true }));
    await expect(page.getByRole("link", { name: b.homeLink })).toHaveCount(0);
    for (const path of ["/fr/agent/lots", "/fr/agent/lots/nouveau", `/fr/agent/lots/${confirmed.batchId}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), `${role} ${path}`).toHaveText(fr.notFound!.title!);
    }
  }
  await page.context().clearCookies();
  await staffSignIn(page, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await page.goto(`/fr/agent/lots/${confirmed.batchId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(b.batchTitle!);
  await expect(row(page, 3)).toContainText(b.problem_APPLICANT_UNKNOWN!);
  await expect(page.getByRole("button", { name: b.confirmSubmit })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/fr/agent/lots/${draft.batchId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
});
