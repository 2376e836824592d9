// The CNDA lookup's server action checks the staff session and the permission
// itself before reading the form (issue #6, point 2): other roles get "not
// found" with nothing looked up or logged, a malformed number a field error,
// no session the sign-in page. Run as Next.js runs it (cookies and headers
// stood in for, a real signed-in staff session).
import { beforeEach, describe, expect, it } from "vitest";
import { jar } from "../helpers/next-request";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { createApplicant, createEnrolledStaff, ofpraNumber, totpCode } from "../factories";

const { lookUpDecisionAction } = await import("../../src/features/staff-views/actions");

beforeEach(() => jar.clear());

async function signedIn(role: StaffRole) {
  const { staff, password, totpSecret } = await createEnrolledStaff({ role });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return staff;
}

function form(number: string): FormData {
  const data = new FormData();
  data.set("locale", "fr");
  data.set("number", number);
  return data;
}

const INITIAL = { submission: 0 };

describe("lookUpDecisionAction", () => {
  it("answers CNDA staff, neutrally for a number without a decision, and logs the lookup with the request's address", async () => {
    const staff = await signedIn("CNDA_STAFF");
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber() });
    const state = await lookUpDecisionAction(INITIAL, form(applicant.ofpraNumber!));
    expect(state).toMatchObject({ submission: 1, answer: { found: false } });
    expect(state.formError).toBeUndefined();
    const event = await db().auditEvent.findFirstOrThrow({ where: { actorId: staff.id, action: "staff.decision.looked-up" } });
    expect(event).toMatchObject({ ip: "203.0.113.77", userAgent: "vitest", targetId: applicant.id });
  });

  it("shows a field error for a malformed or empty number, without a lookup", async () => {
    const staff = await signedIn("CNDA_STAFF");
    expect((await lookUpDecisionAction(INITIAL, form("12-34"))).fieldErrors).toEqual({ number: ["applicantNumberFormat"] });
    expect((await lookUpDecisionAction(INITIAL, form("  "))).fieldErrors).toEqual({ number: ["required"] });
    expect(await db().auditEvent.count({ where: { actorId: staff.id, action: "staff.decision.looked-up" } })).toBe(0);
  });

  it("refuses every other role as not found, before reading the form", async () => {
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber() });
    for (const role of ["OFPRA_AGENT", "OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF"] as const) {
      const staff = await signedIn(role);
      const state = await lookUpDecisionAction(INITIAL, form(applicant.ofpraNumber!));
      expect(state.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      expect(state.answer, role).toBeUndefined();
      expect(await db().auditEvent.count({ where: { actorId: staff.id, action: "staff.decision.looked-up" } }), role).toBe(0);
    }
  });

  it("without a staff session, leads to the staff sign-in page", async () => {
    await expect(lookUpDecisionAction(INITIAL, form("26-00012345"))).rejects.toMatchObject({ url: "/fr/agent/connexion?expire=1" });
  });
});
