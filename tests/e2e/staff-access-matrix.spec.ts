// The access matrix of the back-office's pages and route handlers (issue #6,
// "Tests"), generated from src/server/authz/staff-surface.ts and the permission
// map and run against the real app: for each staff role, every staff page is
// either served or shows "page not found" — exactly as for a page that does
// not exist — as the map says; nobody signed in and an applicant's session are
// led to the staff sign-in. The sample applicant and document are in every
// role's scope (scripts/access-matrix-fixture.ts), so a refusal can only come
// from the permission. Axe on every page served. Seed 000, art. 8.
import { can, STAFF_ROLES, type StaffAction } from "../../src/server/authz/permissions";
import { STAFF_PAGES, STAFF_ROUTE_HANDLERS, type StaffGuard, type StaffPage, type StaffRouteHandler } from "../../src/server/authz/staff-surface";
import { signInToSpace } from "./applicant-ui";
import { createAccessMatrixFixture, createApplicant, expect, test, type AccessMatrixFixture } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 180_000 });

const notFoundTitle = messages("fr").notFound!.title!;
const guardedPages = STAFF_PAGES.filter((p) => p.guard !== "public");
const guardedRoutes = STAFF_ROUTE_HANDLERS.filter((r) => r.guard !== "public");

let fixture: AccessMatrixFixture;
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000); // five staff users (argon2id each) and a published document
  fixture = await createAccessMatrixFixture();
});

/** The page's address with its dynamic segments filled with the samples. */
function urlOf(entry: StaffPage | StaffRouteHandler): string {
  const route = entry.route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const kind = entry.params?.[name];
    const sample = kind && fixture.samples[kind];
    if (!sample) throw new Error(`no sample of kind ${kind} for ${entry.route}: add one to scripts/access-matrix-fixture.ts`);
    return sample;
  });
  return `/fr${route}`;
}

const allows = (role: (typeof STAFF_ROLES)[number], guard: StaffGuard) => guard === "signed-in" || can(role, guard as StaffAction);

for (const role of STAFF_ROLES) {
  test(`${role}: every staff page and route is served or not found, as the permission map says`, async ({ page }) => {
    await staffSignIn(page, fixture.staff[role]!);
    for (const entry of guardedPages) {
      await page.goto(urlOf(entry));
      const heading = page.getByRole("heading", { level: 1 });
      await expect(page, entry.route).not.toHaveURL(/\/agent\/connexion/);
      if (allows(role, entry.guard)) {
        await expect(heading, `${role} ${entry.route}`).not.toHaveText(notFoundTitle);
        await expectNoAxeViolations(page);
      } else {
        await expect(heading, `${role} ${entry.route}`).toHaveText(notFoundTitle);
      }
    }
    for (const entry of guardedRoutes) {
      const response = entry.method === "GET" ? await page.request.get(urlOf(entry), { maxRedirects: 0 }) : await page.request.post(urlOf(entry), { maxRedirects: 0 });
      expect(response.status(), `${role} ${entry.method} ${entry.route}`).toBe(allows(role, entry.guard) ? 200 : 404);
    }
  });
}

test("nobody signed in: every guarded staff page leads to the staff sign-in, every route answers nothing", async ({ page }) => {
  for (const entry of guardedPages) {
    await page.goto(urlOf(entry));
    await expect(page, entry.route).toHaveURL(/\/fr\/agent\/connexion$/);
  }
  for (const entry of guardedRoutes) {
    const response = await page.request.fetch(urlOf(entry), { method: entry.method, maxRedirects: 0 });
    expect([302, 303, 307, 401, 404], `${entry.method} ${entry.route}`).toContain(response.status());
  }
});

test("an applicant's session is no staff session: the staff pages lead to the staff sign-in", async ({ page }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  for (const entry of guardedPages) {
    await page.goto(urlOf(entry));
    await expect(page, entry.route).toHaveURL(/\/fr\/agent\/connexion$/);
  }
});
