// Registration and key handover at the guichet unique, exemption and postal
// track (issue #6, points 3-5; seed 000, arts. 2 and 3; R.723-19 CESEDA; CE 26
// March 2025 n°488274). A GUDA agent registers an applicant and prints the key
// letter (a PDF, downloaded from the answer itself); the key, shown once,
// activates the space on the applicant's side. An OFPRA agent marks an
// applicant exempt and records a postal sending and its receipt. Axe on every
// page; with and without JavaScript.
import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import { field, fillNewPassword, NEW_PASSWORD } from "./applicant-ui";
import { createApplicant, createStaff, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

// Several form posts, two PDFs and axe runs per test, on a shared machine: generous limits.
test.describe.configure({ mode: "parallel", timeout: 240_000 });
test.use({ navigationTimeout: 60_000 });
const AFTER_POST = { timeout: 30_000 };

const fr = messages("fr");
const f = fr.agentFile!;
const agent = fr.agent!;

test("a GUDA agent registers an applicant and prints the key letter; the key shown once activates the space", async ({ page, otherDevice }) => {
  const guda = await createStaff({ role: "GUDA_AGENT", enrolled: true });
  await staffSignIn(page, guda);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: f.registerLink }).click();

  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\/nouveau$/, AFTER_POST);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.registerTitle!);
  await expectNoAxeViolations(page);
  // A wrong number first: the error next to the field, nothing registered.
  await field(page, f.agdrefLabel!).fill("12345");
  await page.getByRole("main").getByRole("button", { name: f.registerSubmit }).click();
  await expect(page.getByText(f.err_agdrefFormat!)).toBeVisible(AFTER_POST);
  await expectNoAxeViolations(page);

  const agdref = String(randomInt(1_000_000_000, 10_000_000_000));
  await field(page, f.agdrefLabel!).fill(agdref);
  await page.getByLabel(new RegExp(`^\\s*${f.languageLabel}`)).selectOption("en");
  await page.getByRole("main").getByRole("button", { name: f.registerSubmit }).click();

  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\/[0-9a-f-]{36}\?inscrit=1$/, AFTER_POST);
  const fileUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("main").getByRole("status")).toContainText(f.registeredTitle!);
  await expect(page.getByRole("main")).toContainText(agdref);
  const keys = page.getByRole("region", { name: f.keyTitle });
  await expect(keys).toContainText(f.noKeys!);
  await expectNoAxeViolations(page);

  await keys.getByRole("button", { name: f.issueSubmit }).click();
  const issued = keys.getByRole("status");
  await expect(issued).toContainText(f.issuedTitle!, { timeout: 30_000 });
  const key = (await issued.locator(".epns-issued-key").textContent())!.trim();
  expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await expectNoAxeViolations(page);
  // The letter comes with the answer itself (a data: link): nothing to fetch again, the key in no URL sent anywhere.
  const link = issued.getByRole("link", { name: f.downloadLetter });
  expect(await link.getAttribute("href")).toMatch(/^data:application\/pdf;base64,/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`lettre-cle-${agdref}.pdf`);
  const letter = await readFile((await download.path())!);
  expect(letter.subarray(0, 5).toString()).toBe("%PDF-");

  // Shown once: the file, opened again, has the key's history and not the key.
  await page.goto(fileUrl);
  await expect(keys.getByRole("table")).toContainText(f.keyActive!);
  await expect(page.getByRole("main")).not.toContainText(key);
  await expect(keys.getByRole("button", { name: f.reissueSubmit })).toBeVisible();

  // The applicant, on their own phone, activates the space with the letter's key.
  const applicantPage = otherDevice.page;
  const t = messages("fr").activation!;
  await applicantPage.goto("/fr/activation");
  await field(applicantPage, t.agdrefLabel!).fill(agdref);
  await field(applicantPage, t.keyLabel!).fill(key);
  await fillNewPassword(applicantPage, "fr", NEW_PASSWORD);
  await applicantPage.getByRole("main").getByRole("button", { name: t.submit }).click();
  await expect(applicantPage).toHaveURL(/\/(fr|en)\/espace\?bienvenue=1$/, AFTER_POST);

  // The agent sees the space activated and the key used.
  await page.goto(fileUrl);
  await expect(page.getByRole("main")).toContainText(agent.applicantACTIVE!);
  // Its key, still valid, now has a "used on" date: no empty cell left in its row.
  await expect(keys.getByRole("row").nth(1)).toContainText(f.keyActive!);
  await expect(keys.getByRole("row").nth(1)).not.toContainText(agent.none!);
  await expectNoAxeViolations(page);
});

test("an OFPRA agent marks an applicant exempt, records a postal document, its sending and its receipt", async ({ page }) => {
  const applicant = await createApplicant({ active: true });
  await staffSignIn(page, await createStaff({ role: "OFPRA_AGENT", enrolled: true }));
  await field(page, agent.searchLabel!).fill(applicant.agdrefNumber);
  await page.getByRole("main").getByRole("button", { name: agent.searchSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\/[0-9a-f-]{36}$/, AFTER_POST);
  await expect(page.getByRole("main")).toContainText(f.trackELECTRONIC!);
  const exemption = page.getByRole("region", { name: f.exemptionTitle });
  await expect(exemption).toContainText(f.noExemptionHistory!);
  await expectNoAxeViolations(page);

  // Without a reason: refused, the error next to the field.
  await exemption.getByRole("button", { name: f.exemptSubmit }).click();
  await expect(exemption.getByText(f.err_required!)).toBeVisible(AFTER_POST);
  await exemption.getByLabel(f.reasonLabel!).selectOption("NO_DEVICE_OR_ACCESS");
  await exemption.getByLabel(new RegExp(`^\\s*${f.noteLabel!.replace(/[()]/g, "\\$&")}`)).fill("Aucun téléphone personnel.");
  await exemption.getByRole("button", { name: f.exemptSubmit }).click();
  await expect(exemption.getByRole("status")).toContainText(f.exemptedDone!, AFTER_POST);
  await expect(exemption.getByRole("table")).toContainText(f.reason_NO_DEVICE_OR_ACCESS!);
  await expect(page.getByRole("main")).toContainText(f.trackPOSTAL!);
  // The electronic deposit gives way to the postal record.
  await expect(page.getByRole("region", { name: agent.depositTitle })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const postal = page.getByRole("region", { name: f.postalTitle });
  await postal.getByLabel(f.postalTypeLabel!).selectOption("DECISION");
  await postal.getByLabel(new RegExp(`^\\s*${f.trackingLabel!.replace(/[()]/g, "\\$&")}`)).fill("1A 123 456 7890 1");
  await postal.getByRole("button", { name: f.postalSubmit }).click();
  await expect(postal.getByRole("status")).toContainText(/EPNS-\d{4}-[0-9A-Z]{8}/, AFTER_POST);
  const documents = page.getByRole("region", { name: f.postalDocumentsTitle });
  const card = documents.getByRole("listitem").filter({ hasText: "1A12345678901" });
  await expect(card).toContainText(agent.typeDECISION!);
  await expectNoAxeViolations(page);

  // A sending date in the future is refused; yesterday is recorded.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
  const dateField = () => card.getByLabel(new RegExp(`^\\s*${f.postalDateLabel}`)).first();
  await dateField().fill(day(2));
  await card.getByRole("button", { name: f.postalEventSubmit }).click();
  await expect(card.getByText(f.err_date_future!)).toBeVisible(AFTER_POST);
  await expectNoAxeViolations(page);
  await dateField().fill(day(-1));
  await card.getByRole("button", { name: f.postalEventSubmit }).click();
  await expect(card.getByRole("status").first()).toContainText(f.postalEventDone!, AFTER_POST);

  // Then the receipt (AR signed), today.
  await card.getByLabel(f.postalEventLabel!).first().selectOption("RECEIVED");
  await dateField().fill(day(0));
  await card.getByRole("button", { name: f.postalEventSubmit }).click();
  await expect(card).toContainText(f.postalConcluded!, AFTER_POST);
  await expect(card.getByRole("button", { name: f.postalEventSubmit })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the registration page and the key form are not there for host-structure staff", async ({ page }) => {
  const staff = await createStaff({ role: "HOST_STRUCTURE_STAFF", enrolled: true });
  await staffSignIn(page, staff);
  await expect(page.getByRole("link", { name: f.registerLink })).toHaveCount(0);
  await page.goto("/fr/agent/demandeurs/nouveau");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
  await expectNoAxeViolations(page);
});
