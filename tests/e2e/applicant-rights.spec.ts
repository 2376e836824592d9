// Applicants' rights (issue #7, point 3; seed 000, art. 10): the applicant sees
// every datum held about them on /compte/mes-donnees in fr, en and ar,
// downloads them as a ZIP (data.json, the opened document and its receipts —
// never an unopened document, whose first opening dates the notification:
// seed 000, art. 6), sends a request for another right with errors shown next
// to the fields, and an OFPRA agent sees and handles it. The information on the
// processing and the cookies page, public, in the three languages. Runs with
// and without JavaScript; axe on every page.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { field, formAlert, signIn } from "./applicant-ui";
import { createApplicant, createStaff, depositDocumentFor, expect, test, uniqueEmail } from "./fixtures";
import { expectNoAxeViolations, LOCALES, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 300_000 });

test("my data in fr/en/ar → ZIP with data.json and the opened document only → a request → an OFPRA agent handles it", async ({ page, otherDevice }) => {
  const applicant = await createApplicant({ active: true, email: uniqueEmail() });
  const opened = await depositDocumentFor(applicant.applicantId, "CONVOCATION");
  const unopened = await depositDocumentFor(applicant.applicantId, "DECISION");
  const fr = messages("fr");
  const t = fr.rights!;

  await signIn(page, applicant.agdrefNumber, applicant.password!);
  // Argon2id on a busy machine: more than the helper's 5 seconds may pass.
  await expect(page).toHaveURL(/\/fr\/espace$/, { timeout: 30_000 });
  // Opens one document through its page (the warning first), as the applicant would.
  await page.goto(`/fr/documents/${opened.documentId}`);
  const file = page.waitForResponse((response) => response.url().endsWith(`/documents/${opened.documentId}/fichier`));
  await page.getByRole("button", { name: fr.documents!.openConfirm }).click();
  await file;
  // With JavaScript the action's redirect to the file is a navigation of its own: let it end (the row below proves the opening).
  await page.waitForURL(/\/fichier$/, { timeout: 30_000 }).catch(() => undefined);

  // From the account page to "My data".
  await page.goto("/fr/compte");
  await page.getByRole("link", { name: t.accountEntryLink }).click();
  await expect(page).toHaveURL(/\/fr\/compte\/mes-donnees$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title!);
  const main = page.getByRole("main");
  await expect(main.getByText(applicant.agdrefNumber, { exact: true })).toBeVisible();
  const documents = page.getByRole("region", { name: t.documentsTitle });
  await expect(documents.getByRole("row").filter({ hasText: opened.reference })).toContainText(t.docStateOPENED!);
  await expect(documents.getByRole("row").filter({ hasText: unopened.reference })).toContainText(t.docStateAVAILABLE!);
  await expect(main.getByRole("link", { name: t.rectifyContacts }).first()).toHaveAttribute("href", "/fr/compte#contacts");
  await expectNoAxeViolations(page);
  for (const locale of ["en", "ar"] as const) {
    await page.goto(`/${locale}/compte/mes-donnees`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale).rights!.title!);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expectNoAxeViolations(page);
  }

  // The export: a ZIP with data.json and the opened document, not the unopened one.
  await page.goto("/fr/compte/mes-donnees");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: t.exportButton }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^epns-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
  expect(Object.keys(entries)).toContain("data.json");
  expect(Object.keys(entries)).toContain(`documents/${opened.reference}.pdf`);
  expect(Object.keys(entries)).not.toContain(`documents/${unopened.reference}.pdf`);
  expect(strFromU8(entries[`documents/${opened.reference}.pdf`]!.subarray(0, 5))).toBe("%PDF-");
  const data = JSON.parse(strFromU8(entries["data.json"]!)) as { identity: { agdrefNumber: string }; documents: Array<{ reference: string; state: string; file: string | null; note: string | null }> };
  expect(data.identity.agdrefNumber).toBe(applicant.agdrefNumber);
  expect(data.documents.find((d) => d.reference === unopened.reference)).toMatchObject({ state: "AVAILABLE", file: null, note: t.jsonUnopened });
  // Never cached.
  const direct = await page.request.post("/fr/compte/mes-donnees/export");
  expect(direct.headers()["content-type"]).toBe("application/zip");
  expect(direct.headers()["cache-control"]).toBe("no-store");
  // The unopened document is still unopened.
  await page.goto("/fr/compte/mes-donnees");
  await expect(page.getByRole("region", { name: t.documentsTitle }).getByRole("row").filter({ hasText: unopened.reference })).toContainText(t.docStateAVAILABLE!);

  // A request with nothing filled: errors next to the fields, nothing sent.
  const form = page.getByRole("region", { name: t.requestTitle });
  await form.getByRole("button", { name: t.requestSubmit }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(form.getByText(t.kindRequired!)).toBeVisible();
  await expect(form.getByText(t.messageRequired!)).toBeVisible();
  await expectNoAxeViolations(page);
  const message = `Je souhaite m'opposer au traitement (e2e ${applicant.agdrefNumber}).`;
  // DSFR draws the radio over its label: checked through the label, as a person does.
  await form.getByLabel(new RegExp(`^\\s*${t.kindOBJECTION!}`)).check({ force: true });
  await field(form, t.messageLabel!).fill(message);
  await form.getByRole("button", { name: t.requestSubmit }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: t.requestSentTitle })).toBeVisible();
  await page.goto("/fr/compte/mes-donnees");
  await expect(page.getByRole("region", { name: t.requestsListTitle })).toContainText(t.requestStatusNEW!);

  // An OFPRA agent sees it and handles it.
  const s = fr.staffRights!;
  const agent = otherDevice.page;
  await staffSignIn(agent, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await agent.getByRole("link", { name: s.homeLink }).click();
  await expect(agent).toHaveURL(/\/fr\/agent\/demandes-droits$/);
  const card = agent.getByRole("article").filter({ hasText: message });
  await expect(card).toContainText(s.kindOBJECTION!);
  await expect(card).toContainText(applicant.agdrefNumber);
  await expectNoAxeViolations(agent);
  await card.getByRole("button", { name: s.markInProgress }).click();
  await expect(agent.getByRole("status").filter({ hasText: s.updatedInProgress })).toBeVisible();
  await agent.getByRole("article").filter({ hasText: message }).getByRole("button", { name: s.markAnswered }).click();
  await expect(agent.getByRole("status").filter({ hasText: s.updatedAnswered })).toBeVisible();
  await expect(agent.getByRole("article").filter({ hasText: message })).toHaveCount(0);
  await expectNoAxeViolations(agent);

  // The applicant sees the answer date.
  await page.goto("/fr/compte/mes-donnees");
  await expect(page.getByRole("region", { name: t.requestsListTitle })).toContainText(t.requestStatusANSWERED!.split("{date}")[0]!.trim());
});

test("other roles do not reach the rights requests page", async ({ page }) => {
  await staffSignIn(page, await createStaff({ role: "HOST_STRUCTURE_STAFF", enrolled: true }));
  await expect(page.getByRole("link", { name: messages("fr").staffRights!.homeLink })).toHaveCount(0);
  await page.goto("/fr/agent/demandes-droits");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(messages("fr").staffRights!.title!);
});

for (const locale of LOCALES) {
  test(`the processing information and cookies pages in ${locale}, linked from the footer, set no cookie`, async ({ page, context }) => {
    const p = messages(locale).privacy as unknown as { title: string; controller: { title: string }; complaint: { title: string }; cookies: { title: string; noConsentTitle: string } };
    const layout = messages(locale).layout!;
    await page.goto(`/${locale}`);
    await page.getByRole("contentinfo").getByRole("link", { name: layout.footerPersonalData }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/donnees-personnelles$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
    await expect(page.getByRole("heading", { level: 2, name: p.controller.title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: p.complaint.title })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("contentinfo").getByRole("link", { name: layout.footerCookies }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/cookies$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.cookies.title);
    await expect(page.getByRole("heading", { level: 2, name: p.cookies.noConsentTitle })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("__Host-epns-session");
    await expectNoAxeViolations(page);
    expect(await context.cookies()).toEqual([]);
  });
}
