// The staff surface list (src/server/authz/staff-surface.ts) is what the
// access-matrix tests walk (issue #6: "the access matrix test covers every
// route and action"). This test keeps it true to the files: every staff page,
// route handler and exported server action is listed exactly once, with a
// guard the permission map knows, and nothing listed is missing on disk.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STAFF_ACTIONS } from "../../src/server/authz/permissions";
import { STAFF_PAGES, STAFF_ROUTE_HANDLERS, STAFF_SERVER_ACTIONS, type StaffGuard } from "../../src/server/authz/staff-surface";

const root = process.cwd();
const staffApp = path.join(root, "src", "app", "[locale]", "(staff)");
const features = path.join(root, "src", "features");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** "/agent/demandeurs/[id]" for src/app/[locale]/(staff)/agent/demandeurs/[id]/page.tsx (route groups left out). */
function routeOf(file: string): string {
  const segments = path.relative(staffApp, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const pagesOnDisk = filesUnder(staffApp).filter((f) => /[/\\]page\.tsx$/.test(f)).map(routeOf).sort();
const routesOnDisk = filesUnder(staffApp)
  .filter((f) => /[/\\]route\.ts$/.test(f))
  .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${routeOf(f)}`))
  .sort();
const actionFiles = readdirSync(features, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith("staff-"))
  .flatMap((entry) => filesUnder(path.join(features, entry.name)))
  .filter((f) => /[/\\]actions[^/\\]*\.ts$/.test(f));
const actionsOnDisk = actionFiles
  .flatMap((f) => {
    const source = readFileSync(f, "utf8");
    const modulePath = path.relative(features, f).replace(/\\/g, "/").replace(/\.ts$/, "");
    return [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)].map((m) => `${modulePath}#${m[1]}`);
  })
  .sort();

const knownGuard = (guard: StaffGuard) => guard === "public" || guard === "signed-in" || (STAFF_ACTIONS as readonly string[]).includes(guard);

describe("the staff surface list", () => {
  it("finds the staff pages, actions and routes on disk (the scan itself works)", () => {
    expect(pagesOnDisk).toContain("/agent");
    expect(pagesOnDisk).toContain("/agent/demandeurs/[id]");
    expect(actionsOnDisk).toContain("staff-applicants/actions#depositDocumentAction");
  });

  it("lists every staff page, once", () => {
    expect(STAFF_PAGES.map((p) => p.route).sort()).toEqual(pagesOnDisk);
  });

  it("lists every staff route handler, once", () => {
    expect(STAFF_ROUTE_HANDLERS.map((r) => `${r.method} ${r.route}`).sort()).toEqual(routesOnDisk);
  });

  it("lists every exported staff server action, once", () => {
    expect(STAFF_SERVER_ACTIONS.map((a) => `${a.module}#${a.name}`).sort()).toEqual(actionsOnDisk);
  });

  it("guards each entry with a permission of the map, 'signed-in' or 'public'", () => {
    for (const entry of [...STAFF_PAGES, ...STAFF_ROUTE_HANDLERS, ...STAFF_SERVER_ACTIONS]) expect(knownGuard(entry.guard), JSON.stringify(entry)).toBe(true);
  });

  it("names a sample for every dynamic segment", () => {
    for (const entry of [...STAFF_PAGES, ...STAFF_ROUTE_HANDLERS]) {
      const segments = [...entry.route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!).sort();
      expect(Object.keys(entry.params ?? {}).sort(), entry.route).toEqual(segments);
    }
  });

  it("leaves only the sign-in steps and invitation links public", () => {
    const publicPages = STAFF_PAGES.filter((p) => p.guard === "public").map((p) => p.route);
    for (const route of publicPages) expect(route).toMatch(/^\/agent\/(connexion|invitation)(\/|$)/);
  });

  it("has each page check the guard it is listed with, itself (requireStaffPage)", () => {
    for (const page of STAFF_PAGES) {
      const source = readFileSync(path.join(staffApp, ...pageFile(page.route)), "utf8");
      const checks = [...source.matchAll(/requireStaffPage\(\s*locale\s*(?:,\s*"([\w.]+)")?\s*\)/g)].map((m) => m[1] ?? "signed-in");
      expect(checks, page.route).toEqual(page.guard === "public" ? [] : [page.guard]);
    }
  });

  it("has each server action check the guard it is listed with, before anything else", () => {
    for (const action of STAFF_SERVER_ACTIONS) {
      const source = readFileSync(path.join(features, `${action.module}.ts`), "utf8");
      const start = source.search(new RegExp(`export\\s+(?:async\\s+)?function\\s+${action.name}\\b`));
      const next = source.slice(start + 1).search(/\nexport\s/);
      const body = next === -1 ? source.slice(start) : source.slice(start, start + 1 + next);
      const first = body.match(/(?:requireStaff|allowedStaff)\(\s*(?:"([\w.]+)")?/);
      const guard = first ? (first[1] ?? "signed-in") : "public";
      expect(guard, `${action.module}#${action.name}`).toBe(action.guard);
    }
  });

  it("uses every permission of the map somewhere (an action nothing checks is a dead right)", () => {
    const used = new Set<string>([...STAFF_PAGES, ...STAFF_ROUTE_HANDLERS, ...STAFF_SERVER_ACTIONS].map((e) => e.guard));
    for (const action of SECTION_ONLY) used.add(action);
    expect(STAFF_ACTIONS.filter((action) => !used.has(action))).toEqual([]);
  });
});

/** Permissions that show or hide a section of a listed page rather than guard a page of their own. */
const SECTION_ONLY: readonly string[] = [
  // The documents of an applicant's file page (/agent/demandeurs/[id]).
  "document.list",
];

/** src/app/[locale]/(staff)/agent/x/[id]/page.tsx for "/agent/x/[id]" (pages live in the route groups' folder only). */
function pageFile(route: string): string[] {
  return [...route.split("/").filter(Boolean), "page.tsx"];
}

