// The read-only staff views (issue #6, points 5-7): host-structure staff see
// their structure's applicants (unopened documents' count, nearest deadline)
// and print the list of those with a document to open within 5 days; a GUDA
// agent sees its department's applicants and filters them by state; CNDA staff
// look up a decision's dates by number. Nobody sees another scope's applicants.
// Axe on every page; runs with and without JavaScript.
import { randomInt } from "node:crypto";
import { field, formAlert } from "./applicant-ui";
import { createApplicant, createStaff, depositDocumentFor, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 300_000 });

const fr = messages("fr");
const views = fr.staffViews!;
const agent = fr.agent!;

/** A department other than the fixtures' default (75), for this test alone as far as possible. */
const otherDepartment = () => String(randomInt(1, 75)).padStart(2, "0").replace(/^20$/, "21");

test("host-structure staff see their applicants by nearest deadline, and print those with a document to open within 5 days", async ({ page }) => {
  test.setTimeout(600_000); // seven fixture processes (Node + tsx each), on a machine that may be busy
  const staff = await createStaff({ role: "HOST_STRUCTURE_STAFF", enrolled: true });
  const elsewhere = await createStaff({ role: "HOST_STRUCTURE_STAFF" });
  // One after the other: each fixture is a Node process, and the machine may be busy.
  const urgent = await createApplicant({ active: true, hostStructureId: staff.structureId });
  const later = await createApplicant({ active: true, hostStructureId: staff.structureId });
  const outsider = await createApplicant({ active: true, hostStructureId: elsewhere.structureId });
  await depositDocumentFor(urgent.applicantId, "CONVOCATION", { deadlineInDays: 3 });
  await depositDocumentFor(later.applicantId, "CONVOCATION");

  await staffSignIn(page, staff);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: views.listLinkHost }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.listTitleHost!);
  const rows = page.getByRole("table").getByRole("row");
  // Header, then: the nearest deadline first, then the later one. (Counts, several documents, states: tests/integration/staff-views.test.ts.)
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(urgent.agdrefNumber);
  await expect(rows.nth(1)).toContainText(agent.applicantACTIVE!);
  await expect(rows.nth(1).getByRole("cell").nth(4)).toHaveText("1");
  await expect(rows.nth(2)).toContainText(later.agdrefNumber);
  await expect(rows.nth(2).getByRole("cell").nth(4)).toHaveText("1");
  await expect(page.getByRole("main")).not.toContainText(outsider.agdrefNumber);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: views.printLink }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/suivi\/imprimer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.printTitle!);
  await expect(page.getByRole("main")).toContainText(views.printedAt!.split("{")[0]!);
  const printed = page.getByRole("table", { name: views.printCaption });
  // The urgent applicant alone.
  await expect(printed.getByRole("row")).toHaveCount(2);
  await expect(printed.getByRole("row").nth(1).getByRole("cell").nth(3)).toHaveText("1");
  await expect(printed).toContainText(urgent.agdrefNumber);
  await expect(page.getByRole("main")).not.toContainText(later.agdrefNumber);
  await expect(page.getByRole("main")).not.toContainText(outsider.agdrefNumber);
  await expectNoAxeViolations(page);
  // On paper: the list alone, without the staff bar.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: agent.signOut })).toBeHidden();
  await expect(printed).toBeVisible();

  // Another structure's applicant, by a guessed address: not found.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/fr/agent/demandeurs/${outsider.applicantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
  // Not their role's: the CNDA page.
  await page.goto("/fr/agent/cnda");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
});

test("a GUDA agent sees its department's applicants only, and filters them by state", async ({ page }) => {
  const department = otherDepartment();
  const staff = await createStaff({ role: "GUDA_AGENT", enrolled: true, department });
  const colleague = await createStaff({ role: "GUDA_AGENT", department });
  const otherGuda = await createStaff({ role: "GUDA_AGENT", department: "75" });
  const active = await createApplicant({ active: true, registrationStructureId: colleague.structureId });
  const pending = await createApplicant({ registrationStructureId: staff.structureId });
  const outsider = await createApplicant({ registrationStructureId: otherGuda.structureId });
  await staffSignIn(page, staff);
  await page.getByRole("link", { name: views.listLinkGUDA }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.listTitleGUDA!);
  const main = page.getByRole("main");
  await expect(main.getByRole("table")).toContainText(active.agdrefNumber);
  await expect(main.getByRole("table")).toContainText(pending.agdrefNumber);
  await expect(main).not.toContainText(outsider.agdrefNumber);
  // No host-structure columns for a GUDA agent.
  await expect(main.getByRole("columnheader", { name: views.colUnopened })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await main.getByLabel(views.filterLabel!).selectOption({ label: agent.applicantACTIVE! });
  await main.getByRole("button", { name: views.filterSubmit }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/demandeurs\?etat=ACTIVE$/);
  await expect(main.getByRole("table")).toContainText(active.agdrefNumber);
  await expect(main).not.toContainText(pending.agdrefNumber);
  await expectNoAxeViolations(page);

  // From the list to the file, read-only.
  await main.getByRole("link", { name: active.agdrefNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(agent.applicantTitle!);
  await expect(page.getByRole("region", { name: agent.depositTitle })).toHaveCount(0);
});

test("CNDA staff look up a decision's dates by number, and get the same neutral answer for an unknown number or no decision", async ({ page }) => {
  const staff = await createStaff({ role: "CNDA_STAFF", enrolled: true });
  const withDecision = await createApplicant({ active: true });
  const withoutDecision = await createApplicant({ active: true });
  const decision = await depositDocumentFor(withDecision.applicantId, "DECISION", { open: true });
  await depositDocumentFor(withoutDecision.applicantId, "CONVOCATION");

  await staffSignIn(page, staff);
  // No search form, no list: only the lookup.
  await expect(page.getByRole("link", { name: views.listLinkGUDA })).toHaveCount(0);
  await page.getByRole("link", { name: views.cndaLink }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/cnda$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.cndaTitle!);
  await expectNoAxeViolations(page);

  const lookUp = async (number: string) => {
    await field(page, views.numberLabel!).fill(number);
    await page.getByRole("main").getByRole("button", { name: views.submit }).click();
  };
  await lookUp(withDecision.ofpraNumber);
  const answer = page.getByRole("region", { name: views.decisionTitle!.replace("{reference}", decision.reference) });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(views.availableAtLabel!);
  await expect(answer).toContainText(views.receptionOpened!.split("{")[0]!.trim());
  await expect(answer).toContainText(views.receptionTokenLabel!);
  await expect(answer.locator(".epns-hash")).toHaveText(/^[0-9a-f]{64}$/);
  // Nothing else: no state, no contacts, no other document.
  await expect(page.getByRole("main")).not.toContainText(agent.applicantACTIVE!);
  await expect(page.getByRole("main")).not.toContainText(agent.contactsLabel!);
  await expectNoAxeViolations(page);

  await lookUp(withoutDecision.ofpraNumber);
  await expect(page.getByRole("main").getByRole("status")).toContainText(views.noDecision!);
  const neutral = await page.getByRole("main").getByRole("status").textContent();
  await lookUp(`26-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(neutral!);
  await expectNoAxeViolations(page);

  await lookUp("12-34");
  await expect(formAlert(page)).toBeVisible();
  await expect(page.getByRole("main")).toContainText(fr.fieldErrors!.applicantNumberFormat!);
  await expectNoAxeViolations(page);

  // Not their role's: the lists.
  await page.goto("/fr/agent/demandeurs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
  await page.goto("/fr/agent/suivi/imprimer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.notFound!.title!);
});

test("OFPRA agents see every space not activated in time, host-structure staff their structure's only (issue #7, point 2)", async ({ page }) => {
  test.setTimeout(600_000); // six fixture processes, on a machine that may be busy
  const host = await createStaff({ role: "HOST_STRUCTURE_STAFF", enrolled: true });
  const elsewhere = await createStaff({ role: "HOST_STRUCTURE_STAFF" });
  const ofpraAgent = await createStaff({ role: "OFPRA_AGENT", enrolled: true });
  // Registered 40 days ago, never activated (the default period is 30 days); the fixture runs the worker's report.
  const overdue = await createApplicant({ hostStructureId: host.structureId, registeredDaysAgo: 40 });
  const outsider = await createApplicant({ hostStructureId: elsewhere.structureId, registeredDaysAgo: 40 });
  // Registered today: not overdue.
  const recent = await createApplicant({ hostStructureId: host.structureId });

  await staffSignIn(page, host);
  await page.getByRole("link", { name: views.overdueLink }).click();
  await expect(page).toHaveURL(/\/fr\/agent\/activations-en-retard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.overdueTitle!);
  const main = page.getByRole("main");
  await expect(main.getByRole("status")).toHaveText(views.overdueCount!.replace("{total}", "1"));
  const rows = main.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(overdue.agdrefNumber);
  // Their own structure: no structure column.
  await expect(main.getByRole("columnheader", { name: views.colHostStructure })).toHaveCount(0);
  await expect(main).not.toContainText(outsider.agdrefNumber);
  await expect(main).not.toContainText(recent.agdrefNumber);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: agent.signOut }).click();

  await staffSignIn(page, ofpraAgent);
  await page.getByRole("link", { name: views.overdueLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(views.overdueTitle!);
  await expect(main.getByRole("table")).toContainText(overdue.agdrefNumber);
  await expect(main.getByRole("table")).toContainText(outsider.agdrefNumber);
  await expect(main).not.toContainText(recent.agdrefNumber);
  await expect(main.getByRole("columnheader", { name: views.colHostStructure })).toHaveCount(1);
  await expectNoAxeViolations(page);
  // From the list to the file, where the key is reissued or the postal track chosen.
  await main.getByRole("link", { name: overdue.agdrefNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(agent.applicantTitle!);
});
