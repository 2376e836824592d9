// The administrator's server actions (issue #6, point 8) and the staff
// "log out everywhere" check the staff session and the permission themselves,
// first, whatever the form carries: every other role gets "not found" before
// any field is read and nothing changes; a signed-out request goes to the
// sign-in page. Run as Next.js runs them (cookies and headers stood in for).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jar, outcome } from "../helpers/next-request";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { resetEnvForTests } from "../../src/server/env";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { resolveStaffSession } from "../../src/server/staff-sessions/resolve-staff-session";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { STAFF_SERVER_ACTIONS } from "../../src/server/authz/staff-surface";
import { can } from "../../src/server/authz/permissions";
import { createEnrolledStaff, createStructure, totpCode } from "../factories";

const adminActions = await import("../../src/features/staff-admin/actions");
const { staffSignOutEverywhereAction } = await import("../../src/features/staff-auth/actions");
const { acceptStaffInvitationAction } = await import("../../src/features/staff-invitation/actions");
const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

beforeAll(() => {
  Object.assign(process.env, { APP_URL: "https://epns.test" });
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.APP_URL;
  resetEnvForTests();
});
beforeEach(() => jar.clear());

/** Signs a new staff user of `role` in through the real use cases and puts the session cookie in the request. */
async function signedIn(role: StaffRole) {
  const { staff, password, totpSecret } = await createEnrolledStaff({ role });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return { staff, token: session.token };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set("locale", "fr");
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

type AdminAction = (previous: typeof INITIAL_FORM_STATE, formData: FormData) => Promise<unknown>;

describe("administrator actions", () => {
  it("every admin action listed in the staff surface is refused to the other roles as not found, and changes nothing", async () => {
    const target = await createEnrolledStaff();
    const structure = await createStructure({ kind: "OFPRA" });
    const listed = STAFF_SERVER_ACTIONS.filter((a) => a.module === "staff-admin/actions");
    expect(listed.map((a) => a.name).sort()).toEqual(Object.keys(adminActions).sort());
    // A valid-looking form for each: the refusal must come before any field is read.
    const fields = { email: "new-agent@ofpra.test", role: "OFPRA_ADMIN", structureId: structure.id, staffUserId: target.staff.id, disabled: "1", kind: "OFPRA", name: "Nouvelle", department: "75" };
    const staffBefore = await db().staffUser.count();
    const structuresBefore = await db().structure.count();
    for (const role of ["OFPRA_AGENT", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF", "OFPRA_ADMIN"] as StaffRole[]) {
      await signedIn(role);
      for (const { name, guard } of listed) {
        if (guard === "public" || guard === "signed-in") throw new Error(`${name} should need a permission`);
        if (can(role, guard)) continue;
        const action = (adminActions as Record<string, AdminAction>)[name]!;
        const result = await outcome(() => action(INITIAL_FORM_STATE, form(fields)));
        expect(result.state?.formError, `${role} ${name}`).toEqual({ code: "NOT_FOUND", details: {} });
      }
    }
    expect(await db().staffUser.count()).toBe(staffBefore + 5);
    expect(await db().structure.count()).toBe(structuresBefore + 5); // one structure per signed-in staff user (factory), none from the actions
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: target.staff.id } })).toMatchObject({ role: target.staff.role, disabledAt: null });
  });

  it("without a session, every admin action leads to the sign-in page", async () => {
    jar.set(staffSessionCookie().name, "B".repeat(43));
    for (const [name, action] of Object.entries(adminActions as Record<string, AdminAction>)) {
      expect((await outcome(() => action(INITIAL_FORM_STATE, form({})))).redirect, name).toBe("/fr/agent/connexion?expire=1");
    }
  });

  it("invites, shows the link once, and refuses the administrator's own demotion and disabling", async () => {
    const { staff: admin } = await signedIn("OFPRA_ADMIN");
    const guda = await createStructure({ kind: "GUDA", department: "971" });
    const email = `agent-${Math.random().toString(36).slice(2)}@ofpra.test`;
    const empty = await outcome(() => adminActions.inviteStaffAction(INITIAL_FORM_STATE, form({ email: "pas-une-adresse", role: "", structureId: "" })));
    expect(empty.state?.fieldErrors).toEqual({ email: ["emailFormat"], role: ["required"], structureId: ["required"] });
    const mismatch = await outcome(() => adminActions.inviteStaffAction(INITIAL_FORM_STATE, form({ email, role: "CNDA_STAFF", structureId: guda.id })));
    expect(mismatch.state?.fieldErrors).toEqual({ structureId: ["structureKindMismatch"] });
    const invited = await outcome(() => adminActions.inviteStaffAction(INITIAL_FORM_STATE, form({ email, role: "GUDA_AGENT", structureId: guda.id })));
    expect(invited.state).toMatchObject({ done: "invited", invitationUrl: expect.stringMatching(/^https:\/\/epns\.test\/fr\/agent\/invitation\?jeton=[A-Za-z0-9_-]{43}$/) });

    const demote = await outcome(() => adminActions.changeStaffAssignmentAction(INITIAL_FORM_STATE, form({ staffUserId: admin.id, role: "OFPRA_AGENT", structureId: admin.structureId })));
    expect(demote.state?.formError).toEqual({ code: "INVALID_INPUT", details: { reason: "selfLockout" } });
    const disable = await outcome(() => adminActions.setStaffDisabledAction(INITIAL_FORM_STATE, form({ staffUserId: admin.id, disabled: "1" })));
    expect(disable.state?.formError).toEqual({ code: "INVALID_INPUT", details: { reason: "selfLockout" } });
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "OFPRA_ADMIN", disabledAt: null });

    // The invitee accepts through the public action (no staff session needed).
    jar.clear();
    const token = /jeton=(.+)$/.exec(String(invited.state!.invitationUrl))![1]!;
    const weak = await outcome(() => acceptStaffInvitationAction(INITIAL_FORM_STATE, form({ token, password: "abc", passwordConfirmation: "abc" })));
    expect(weak.state?.fieldErrors).toMatchObject({ password: expect.arrayContaining(["password_tooShort"]) });
    const accepted = await outcome(() => acceptStaffInvitationAction(INITIAL_FORM_STATE, form({ token, password: "Bureau-Accueil-42", passwordConfirmation: "Bureau-Accueil-42" })));
    expect(accepted.redirect).toBe("/fr/agent/connexion?invitation=1");
    const again = await outcome(() => acceptStaffInvitationAction(INITIAL_FORM_STATE, form({ token, password: "Bureau-Accueil-42", passwordConfirmation: "Bureau-Accueil-42" })));
    expect(again.state?.formError).toEqual({ code: "LINK_INVALID", details: {} });
  });
});

describe("staffSignOutEverywhereAction", () => {
  it("ends every session of the signed-in user and leads to the sign-in page", async () => {
    const { token } = await signedIn("CNDA_STAFF");
    const result = await outcome(() => staffSignOutEverywhereAction(form({})));
    expect(result.redirect).toBe("/fr/agent/connexion?deconnecte=partout");
    expect(await resolveStaffSession(token)).toBeNull();
  });

  it("without a session, leads to the sign-in page", async () => {
    expect((await outcome(() => staffSignOutEverywhereAction(form({})))).redirect).toBe("/fr/agent/connexion?expire=1");
  });
});
