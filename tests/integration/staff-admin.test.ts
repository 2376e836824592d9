// The OFPRA administrator's back-office (issue #6, point 8) on a real
// PostgreSQL and a real SMTP server: invitations (single use, 72 hours to the
// millisecond, superseded, unknown — one answer), role changes and disabling
// that end sessions at once, no self lock-out, structures (INSEE department
// codes), and statistics without identification (seed 004) on a known
// dataset with Paris weeks across the DST change.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeStaff } from "../../src/server/authz/require-staff";
import { loadStaffActor, type StaffActor } from "../../src/server/authz/staff-actor";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { resetEnvForTests } from "../../src/server/env";
import { readCaughtMail } from "../../src/server/local/read-caught-mail";
import { listCaughtMail, startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";
import { kickOutbox } from "../../src/server/messaging/kick-outbox";
import { acceptStaffInvitation, findUsableStaffInvitation } from "../../src/server/staff-admin/accept-staff-invitation";
import { changeStaffAssignment } from "../../src/server/staff-admin/change-staff-assignment";
import { createStructure as createStructureUseCase } from "../../src/server/staff-admin/create-structure";
import { checkTimestampAuthority } from "../../src/server/staff-admin/check-timestamp-authority";
import { getStaffAccount } from "../../src/server/staff-admin/get-staff-account";
import { getStructure } from "../../src/server/staff-admin/get-structure";
import { getSystemStatus } from "../../src/server/staff-admin/get-system-status";
import { getUsageStatistics } from "../../src/server/staff-admin/get-usage-statistics";
import { inviteStaff } from "../../src/server/staff-admin/invite-staff";
import { STAFF_INVITATION_TTL_MS } from "../../src/server/staff-admin/issue-staff-invitation";
import { listStaff } from "../../src/server/staff-admin/list-staff";
import { reinviteStaff } from "../../src/server/staff-admin/reinvite-staff";
import { resetStaffSecondFactor } from "../../src/server/staff-admin/reset-staff-second-factor";
import { setStaffDisabled } from "../../src/server/staff-admin/set-staff-disabled";
import { updateStructure } from "../../src/server/staff-admin/update-structure";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { signOutStaffEverywhere } from "../../src/server/staff-auth/sign-out-staff-everywhere";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { resolveStaffSession } from "../../src/server/staff-sessions/resolve-staff-session";
import { createActiveApplicant, createApplicant, createAvailableDocument, createEnrolledStaff, createOutboxMessage, createStructure, totpCode } from "../factories";
import { codeOf } from "../helpers/app-error-code";

const request = { ip: "203.0.113.9", userAgent: "vitest" };
const NEW_PASSWORD = "Bureau-Accueil-42";
let dir: string;
let catcher: SmtpCatcher;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-staff-admin-"));
  catcher = await startSmtpCatcher({ dir: path.join(dir, "mail"), port: 0 });
  Object.assign(process.env, { APP_URL: "https://epns.test", SMTP_URL: catcher.url, LOCAL_DATA_DIR: dir });
  resetEnvForTests();
});

afterAll(async () => {
  await kickOutbox();
  await catcher.stop();
  for (const key of ["APP_URL", "SMTP_URL", "LOCAL_DATA_DIR", "TSA_URL"]) delete process.env[key];
  resetEnvForTests();
});

async function actorOf(staffUserId: string): Promise<StaffActor> {
  return (await loadStaffActor(staffUserId))!;
}

async function admin() {
  const { staff } = await createEnrolledStaff({ role: "OFPRA_ADMIN" });
  return actorOf(staff.id);
}

/** Signs a staff user in through the real steps; returns the session token. A TOTP code is accepted once: later sign-ins use recovery codes. */
async function signedInToken(staff: { staff: { email: string }; password: string; totpSecret: string; recoveryCodes: string[] }, recoveryCode?: number): Promise<string> {
  const challenge = await signInStaff({ email: staff.staff.email, password: staff.password }, request);
  const code = recoveryCode === undefined ? await totpCode(staff.totpSecret) : staff.recoveryCodes[recoveryCode]!;
  return (await verifyStaffSecondFactor(challenge.token, { code }, request)).token;
}

async function mailTo(email: string) {
  await kickOutbox();
  return (await listCaughtMail(path.join(dir, "mail"))).filter((m) => m.to.includes(email)).map((m) => readCaughtMail(m.raw));
}

const tokenOf = (url: string) => /jeton=([A-Za-z0-9_-]{43})$/.exec(url)![1]!;
const email = () => `invitee-${Math.random().toString(36).slice(2)}@ofpra.test`;

describe("staff invitations", () => {
  it("creates the account, e-mails a link with nothing else, stores only its hash, and works once", async () => {
    const actor = await admin();
    const structure = await createStructure({ kind: "GUDA", department: "2A" });
    const address = email();
    const issued = await inviteStaff(actor, { email: ` ${address.toUpperCase()} `, role: "GUDA_AGENT", structureId: structure.id }, request);
    const token = tokenOf(issued.url);
    expect(issued.url).toBe(`https://epns.test/fr/agent/invitation?jeton=${token}`);

    const [mail] = await mailTo(address);
    expect(mail!.text).toContain(issued.url);
    // Seed 003: the message carries the link only — no role, no structure, no address.
    for (const personal of [address, structure.name, "GUDA", "2A"]) expect(`${mail!.subject}\n${mail!.text}`).not.toContain(personal);
    const stored = await db().staffInvitation.findMany({ where: { staffUserId: issued.staffUserId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await db().auditEvent.findFirst({ where: { action: "staff.invited", targetId: issued.staffUserId } });
    expect(audit).toMatchObject({ actorId: actor.id, ip: request.ip });
    expect(JSON.stringify(audit!.details)).not.toContain(address);

    const staff = await db().staffUser.findUniqueOrThrow({ where: { id: issued.staffUserId } });
    expect(staff).toMatchObject({ email: address, role: "GUDA_AGENT", structureId: structure.id, passwordHash: null, totpEnrolledAt: null });
    expect(await codeOf(signInStaff({ email: address, password: NEW_PASSWORD }, request))).toBe("CREDENTIALS_INVALID");

    expect(await codeOf(acceptStaffInvitation({ token, password: "court" }, request))).toBe("PASSWORD_REJECTED");
    await acceptStaffInvitation({ token, password: NEW_PASSWORD }, request);
    expect(await codeOf(acceptStaffInvitation({ token, password: "Encore-Autre-8" }, request))).toBe("LINK_INVALID");
    // The first sign-in leads to the TOTP enrolment.
    expect((await signInStaff({ email: address, password: NEW_PASSWORD }, request)).next).toBe("enrol");
  });

  it("expires exactly 72 hours after it was sent: usable 1 ms before, refused at the limit and 1 s after", async () => {
    const actor = await admin();
    const sentAt = new Date("2026-03-28T12:00:00.000Z");
    const structure = await createStructure({ kind: "OFPRA" });
    const issued = await inviteStaff(actor, { email: email(), role: "OFPRA_AGENT", structureId: structure.id }, request, sentAt);
    const token = tokenOf(issued.url);
    const limit = sentAt.getTime() + STAFF_INVITATION_TTL_MS;
    expect(issued.expiresAt.getTime()).toBe(limit);
    expect(await findUsableStaffInvitation(token, new Date(limit - 1000))).not.toBeNull();
    expect(await findUsableStaffInvitation(token, new Date(limit - 1))).not.toBeNull();
    expect(await findUsableStaffInvitation(token, new Date(limit))).toBeNull();
    expect(await codeOf(acceptStaffInvitation({ token, password: NEW_PASSWORD }, request, new Date(limit + 1000)))).toBe("LINK_INVALID");
    await acceptStaffInvitation({ token, password: NEW_PASSWORD }, request, new Date(limit - 1000));
  });

  it("a new invitation supersedes the previous link; unknown and malformed links give the same answer", async () => {
    const actor = await admin();
    const structure = await createStructure({ kind: "CNDA" });
    const first = await inviteStaff(actor, { email: email(), role: "CNDA_STAFF", structureId: structure.id }, request);
    const second = await reinviteStaff(actor, first.staffUserId, request);
    expect(await codeOf(acceptStaffInvitation({ token: tokenOf(first.url), password: NEW_PASSWORD }, request))).toBe("LINK_INVALID");
    for (const token of ["A".repeat(43), "not-a-token", ""]) {
      expect(await codeOf(acceptStaffInvitation({ token, password: NEW_PASSWORD }, request))).toBe("LINK_INVALID");
    }
    await acceptStaffInvitation({ token: tokenOf(second.url), password: NEW_PASSWORD }, request);
    expect(await db().staffInvitation.count({ where: { staffUserId: first.staffUserId, usedAt: null, supersededAt: null } })).toBe(0);
  });

  it("refuses a taken e-mail and a structure that does not fit the role, creating nothing", async () => {
    const actor = await admin();
    const spada = await createStructure({ kind: "SPADA" });
    const before = await db().staffUser.count();
    const taken = await createEnrolledStaff();
    await expect(inviteStaff(actor, { email: taken.staff.email, role: "HOST_STRUCTURE_STAFF", structureId: spada.id }, request)).rejects.toMatchObject({ details: { field: "email", reason: "staffEmailTaken" } });
    await expect(inviteStaff(actor, { email: email(), role: "GUDA_AGENT", structureId: spada.id }, request)).rejects.toMatchObject({ details: { field: "structureId", reason: "structureKindMismatch" } });
    expect(await db().staffUser.count()).toBe(before + 1);
  });

  it("a disabled account's link stops working", async () => {
    const actor = await admin();
    const structure = await createStructure({ kind: "OFPRA" });
    const issued = await inviteStaff(actor, { email: email(), role: "OFPRA_AGENT", structureId: structure.id }, request);
    await setStaffDisabled(actor, issued.staffUserId, true, request);
    expect(await codeOf(acceptStaffInvitation({ token: tokenOf(issued.url), password: NEW_PASSWORD }, request))).toBe("LINK_INVALID");
  });
});

describe("staff management", () => {
  it("every use case is refused to the other roles as not found", async () => {
    const structure = await createStructure({ kind: "OFPRA" });
    const target = await createEnrolledStaff();
    for (const role of ["OFPRA_AGENT", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as StaffRole[]) {
      const { staff } = await createEnrolledStaff({ role, ...(role === "OFPRA_AGENT" ? {} : { structureId: (await createStructure({ kind: role === "GUDA_AGENT" ? "GUDA" : role === "CNDA_STAFF" ? "CNDA" : "SPADA" })).id }) });
      const actor = await actorOf(staff.id);
      expect(await codeOf(inviteStaff(actor, { email: email(), role: "OFPRA_AGENT", structureId: structure.id }, request))).toBe("NOT_FOUND");
      expect(await codeOf(listStaff(actor))).toBe("NOT_FOUND");
      expect(await codeOf(getStaffAccount(actor, target.staff.id))).toBe("NOT_FOUND");
      expect(await codeOf(getStructure(actor, structure.id))).toBe("NOT_FOUND");
      expect(await codeOf(setStaffDisabled(actor, target.staff.id, true, request))).toBe("NOT_FOUND");
      expect(await codeOf(changeStaffAssignment(actor, target.staff.id, { role: "OFPRA_ADMIN", structureId: structure.id }, request))).toBe("NOT_FOUND");
      expect(await codeOf(resetStaffSecondFactor(actor, target.staff.id, request))).toBe("NOT_FOUND");
      expect(await codeOf(getUsageStatistics(actor))).toBe("NOT_FOUND");
      expect(await codeOf(createStructureUseCase(actor, { kind: "OFPRA", name: "x" }, request))).toBe("NOT_FOUND");
    }
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: target.staff.id } })).disabledAt).toBeNull();
  });

  it("disabling ends every session at the next request and blocks sign-in; re-enabling lets the user sign in again", async () => {
    const actor = await admin();
    const enrolled = await createEnrolledStaff();
    const { staff, password } = enrolled;
    const tokens = [await signedInToken(enrolled), await signedInToken(enrolled, 0)];
    const live = (await resolveStaffSession(tokens[0]!))!;
    expect(await authorizeStaff(live, "document.deposit")).toMatchObject({ id: staff.id });

    await setStaffDisabled(actor, staff.id, true, request);
    for (const token of tokens) expect(await resolveStaffSession(token)).toBeNull();
    expect(await codeOf(authorizeStaff(live, "document.deposit"))).toBe("SESSION_EXPIRED");
    expect(await codeOf(signInStaff({ email: staff.email, password }, request))).toBe("CREDENTIALS_INVALID");
    expect((await listStaff(actor, { staffUserId: staff.id }))[0]).toMatchObject({ disabled: true, enrolled: true });
    expect(await db().auditEvent.findFirst({ where: { action: "staff.disabled", targetId: staff.id } })).toMatchObject({ actorId: actor.id, details: { sessionsRevoked: 2 } });

    await setStaffDisabled(actor, staff.id, false, request);
    expect(await resolveStaffSession(await signedInToken(enrolled, 1))).not.toBeNull();
  });

  it("a role change applies at the next request and ends the sessions", async () => {
    const actor = await admin();
    const enrolled = await createEnrolledStaff({ role: "OFPRA_AGENT" });
    const { staff } = enrolled;
    const token = await signedInToken(enrolled);
    const live = (await resolveStaffSession(token))!;
    const cnda = await createStructure({ kind: "CNDA" });
    expect(await codeOf(changeStaffAssignment(actor, staff.id, { role: "CNDA_STAFF", structureId: (await createStructure({ kind: "OFPRA" })).id }, request))).toBe("INVALID_INPUT");
    await changeStaffAssignment(actor, staff.id, { role: "CNDA_STAFF", structureId: cnda.id }, request);
    expect(await resolveStaffSession(token)).toBeNull();
    // Even a session that escaped revocation would get the new rights only: the actor is reloaded on every request.
    await db().staffSession.updateMany({ where: { staffUserId: staff.id }, data: { revokedAt: null } });
    expect(await codeOf(authorizeStaff(live, "document.deposit"))).toBe("NOT_FOUND");
    expect(await authorizeStaff(live, "decision.lookup")).toMatchObject({ role: "CNDA_STAFF", structureId: cnda.id });
  });

  it("an administrator cannot disable, demote, move or reset themselves", async () => {
    const actor = await admin();
    const other = await createStructure({ kind: "OFPRA" });
    await expect(setStaffDisabled(actor, actor.id, true, request)).rejects.toMatchObject({ code: "INVALID_INPUT", details: { reason: "selfLockout" } });
    await expect(changeStaffAssignment(actor, actor.id, { role: "OFPRA_AGENT", structureId: actor.structureId }, request)).rejects.toMatchObject({ details: { reason: "selfLockout" } });
    await expect(changeStaffAssignment(actor, actor.id, { role: "OFPRA_ADMIN", structureId: other.id }, request)).rejects.toMatchObject({ details: { reason: "selfLockout" } });
    await expect(resetStaffSecondFactor(actor, actor.id, request)).rejects.toMatchObject({ details: { reason: "selfLockout" } });
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ role: "OFPRA_ADMIN", disabledAt: null, structureId: actor.structureId });
  });

  it("resetting the second factor erases the TOTP and recovery codes, ends the sessions, and the next sign-in enrols again", async () => {
    const actor = await admin();
    const enrolled = await createEnrolledStaff();
    const { staff, password } = enrolled;
    const token = await signedInToken(enrolled);
    await resetStaffSecondFactor(actor, staff.id, request);
    expect(await resolveStaffSession(token)).toBeNull();
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null });
    expect(await db().staffRecoveryCode.count({ where: { staffUserId: staff.id } })).toBe(0);
    expect((await signInStaff({ email: staff.email, password }, request)).next).toBe("enrol");
  });

  it("unknown or malformed ids are not found", async () => {
    const actor = await admin();
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope", "' OR 1=1 --"]) {
      expect(await codeOf(getStaffAccount(actor, id))).toBe("NOT_FOUND");
      expect(await codeOf(getStructure(actor, id))).toBe("NOT_FOUND");
      expect(await codeOf(setStaffDisabled(actor, id, true, request))).toBe("NOT_FOUND");
      expect(await codeOf(resetStaffSecondFactor(actor, id, request))).toBe("NOT_FOUND");
      expect(await codeOf(reinviteStaff(actor, id, request))).toBe("NOT_FOUND");
    }
  });

  it("log out everywhere ends every session of the user, and only theirs", async () => {
    const one = await createEnrolledStaff();
    const two = await createEnrolledStaff();
    const mine = [await signedInToken(one), await signedInToken(one, 0)];
    const theirs = await signedInToken(two);
    expect(await signOutStaffEverywhere((await resolveStaffSession(mine[0]!))!, request)).toBe(2);
    for (const token of mine) expect(await resolveStaffSession(token)).toBeNull();
    expect(await resolveStaffSession(theirs)).not.toBeNull();
  });
});

describe("structures", () => {
  it("creates a GUDA only with a real INSEE department, normalized; edits name and department", async () => {
    const actor = await admin();
    const name = `GUDA Corse ${Math.random().toString(36).slice(2)}`;
    await expect(createStructureUseCase(actor, { kind: "GUDA", name, department: "" }, request)).rejects.toMatchObject({ details: { field: "department", reason: "departmentRequired" } });
    for (const department of ["20", "96", "977", "7", "ABC", "00"]) {
      await expect(createStructureUseCase(actor, { kind: "GUDA", name, department }, request)).rejects.toMatchObject({ details: { field: "department", reason: "departmentFormat" } });
    }
    const { structureId } = await createStructureUseCase(actor, { kind: "GUDA", name, department: "2a" }, request);
    expect(await db().structure.findUniqueOrThrow({ where: { id: structureId } })).toMatchObject({ kind: "GUDA", name, department: "2A" });
    await expect(createStructureUseCase(actor, { kind: "GUDA", name, department: "75" }, request)).rejects.toMatchObject({ details: { reason: "structureNameTaken" } });
    await updateStructure(actor, structureId, { name: `${name} Sud`, department: "971" }, request);
    expect(await db().structure.findUniqueOrThrow({ where: { id: structureId } })).toMatchObject({ name: `${name} Sud`, department: "971" });
    await expect(updateStructure(actor, structureId, { name, department: "" }, request)).rejects.toMatchObject({ details: { reason: "departmentRequired" } });
    const spada = await createStructureUseCase(actor, { kind: "SPADA", name: `SPADA ${Math.random()}` }, request);
    expect((await db().structure.findUniqueOrThrow({ where: { id: spada.structureId } })).department).toBeNull();
    expect(await db().auditEvent.count({ where: { targetId: structureId, action: { in: ["structure.created", "structure.updated"] } } })).toBe(2);
  });
});

describe("statistics without identification (seed 004)", () => {
  // Wednesday 2 April 2031, 12:00 Paris (CEST). Summer time began on Sunday 30 March 2031 at 02:00.
  // Current week: Monday 31 March 00:00 CEST = 30 March 22:00 UTC (2031-W14); the window starts
  // eleven weeks earlier, Monday 13 January 00:00 CET = 12 January 23:00 UTC (2031-W03).
  const now = new Date("2031-04-02T10:00:00.000Z");
  let shared: string | undefined;

  async function document(availableAt: string, reception?: { basis: "OPENED" | "DEEMED"; at: string }) {
    const available = new Date(availableAt);
    const created = await createAvailableDocument({ applicantId: shared!, availableAt: available, deadlineAt: new Date(available.getTime() + 15 * 86_400_000) });
    if (reception) {
      await db().receipt.create({ data: { documentId: created.id, kind: "RECEPTION", basis: reception.basis, eventAt: new Date(reception.at), statement: "test statement" } });
    }
    return created;
  }

  it("counts exactly per Paris week, across the DST change and at the window's edges, and shows nothing identifying", async () => {
    const actor = await admin();
    shared = (await createApplicant()).id;
    const before = await getUsageStatistics(actor, now);
    // Published, on each side of the week boundaries.
    await document("2031-01-12T22:59:59.999Z"); // Sunday 12 January 23:59:59.999 CET: before the window
    await document("2031-01-12T23:00:00.000Z"); // Monday 13 January 00:00 CET: first week (W03)
    await document("2031-03-23T22:59:59.000Z"); // Sunday 23 March 23:59:59 CET: W12
    await document("2031-03-23T23:00:00.000Z"); // Monday 24 March 00:00 CET: W13
    await document("2031-03-30T21:59:59.000Z"); // Sunday 30 March 23:59:59 CEST (after the change): still W13
    await document("2031-03-30T22:00:00.000Z", { basis: "OPENED", at: "2031-03-31T08:00:00.000Z" }); // Monday 31 March 00:00 CEST: W14
    await document("2031-03-10T09:00:00.000Z", { basis: "DEEMED", at: "2031-03-30T21:59:59.999Z" }); // published W11, deemed Sunday 23:59:59.999 CEST: W13
    await document("2031-03-10T10:00:00.000Z", { basis: "DEEMED", at: "2031-03-30T22:00:00.000Z" }); // published W11, deemed W14
    await document("2031-04-06T22:00:00.000Z"); // Monday 7 April 00:00 CEST: after the window

    const pending = { status: "TEMPORARY_FAILURE" as const, nextAttemptAt: new Date("2040-01-01T00:00:00Z") };
    const at = new Date("2031-03-31T09:00:00Z");
    for (const data of [
      { channel: "EMAIL" as const, status: "DELIVERED" as const, deliveredAt: at, recipient: null },
      { channel: "EMAIL" as const, status: "DELIVERED" as const, deliveredAt: at, recipient: null },
      { channel: "EMAIL" as const, status: "PERMANENT_FAILURE" as const, recipient: null },
      { channel: "SMS" as const, status: "DELIVERED" as const, deliveredAt: at, recipient: null },
      { channel: "SMS" as const, ...pending },
    ]) {
      await createOutboxMessage({ template: "document-available", params: { locale: "fr" }, createdAt: at, ...data });
    }
    // Not alerts (a code), or outside the window: not counted.
    await createOutboxMessage({ template: "contact-code", channel: "EMAIL", status: "PERMANENT_FAILURE", recipient: null, createdAt: at });
    await createOutboxMessage({ template: "document-reminder", channel: "SMS", status: "PERMANENT_FAILURE", recipient: null, createdAt: new Date("2031-01-12T22:00:00Z") });
    await createApplicant();
    const { applicant } = await createActiveApplicant();
    await createActiveApplicant();

    const stats = await getUsageStatistics(actor, now);
    expect(stats.from.toISOString()).toBe("2031-01-12T23:00:00.000Z");
    expect(stats.to.toISOString()).toBe("2031-04-06T22:00:00.000Z");
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks[0]).toMatchObject({ week: "2031-W03", weekStart: "2031-01-13" });
    expect(stats.weeks[11]).toMatchObject({ week: "2031-W14", weekStart: "2031-03-31" });
    const delta = Object.fromEntries(stats.weeks.map((w, i) => [w.week, [w.published - before.weeks[i]!.published, w.opened - before.weeks[i]!.opened, w.deemed - before.weeks[i]!.deemed]]));
    expect(delta).toEqual({
      "2031-W03": [1, 0, 0], "2031-W04": [0, 0, 0], "2031-W05": [0, 0, 0], "2031-W06": [0, 0, 0], "2031-W07": [0, 0, 0], "2031-W08": [0, 0, 0],
      "2031-W09": [0, 0, 0], "2031-W10": [0, 0, 0], "2031-W11": [2, 0, 0], "2031-W12": [1, 0, 0], "2031-W13": [2, 0, 1], "2031-W14": [1, 1, 1],
    });
    const alertDelta = stats.alerts.map((a, i) => ({ channel: a.channel, delivered: a.delivered - before.alerts[i]!.delivered, failed: a.failed - before.alerts[i]!.failed, pending: a.pending - before.alerts[i]!.pending }));
    expect(alertDelta).toEqual([
      { channel: "EMAIL", delivered: 2, failed: 1, pending: 0 },
      { channel: "SMS", delivered: 1, failed: 0, pending: 1 },
    ]);
    expect(stats.activation.registered - before.activation.registered).toBe(3);
    expect(stats.activation.activated - before.activation.activated).toBe(2);

    // Aggregates only: no id, no AGDREF or OFPRA number, no address in what leaves the use case.
    const output = JSON.stringify(stats);
    expect(output).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(output).not.toMatch(/\d{10}|\d{2}-\d{8}|@/);
    expect(output).not.toContain(applicant.agdrefNumber);
    expect(Object.keys(stats).sort()).toEqual(["activation", "alerts", "from", "to", "weeks"]);
    for (const week of stats.weeks) expect(Object.keys(week).sort()).toEqual(["deemed", "opened", "published", "week", "weekStart"]);
  });
});

describe("system status", () => {
  it("shows the seal certificate and the TSA's address without its credentials or query", async () => {
    const actor = await admin();
    process.env.TSA_URL = "https://tsa-user:s3cr3t-pw@tsa.example.eu/tsa?apikey=k3y-q";
    resetEnvForTests();
    try {
      const status = await getSystemStatus(actor);
      expect(status.tsa).toEqual({ source: "configured", url: "https://tsa.example.eu/tsa", caConfigured: false });
      expect(JSON.stringify(status)).not.toMatch(/s3cr3t-pw|k3y-q|tsa-user/);
      expect(status.seal).toMatchObject({ ok: true, source: "development", expired: false });
      expect(status).toMatchObject({ blobStore: "fs", masterKeyConfigured: true });
    } finally {
      delete process.env.TSA_URL;
      resetEnvForTests();
    }
  });

  it("the live TSA check answers OK with the built-in TSA and names the failure of an unreachable one, audited", async () => {
    const actor = await admin();
    expect(await checkTimestampAuthority(actor, request)).toMatchObject({ ok: true, genTime: expect.any(Date) });
    process.env.TSA_URL = "http://127.0.0.1:9/tsa";
    resetEnvForTests();
    try {
      expect(await checkTimestampAuthority(actor, request)).toMatchObject({ ok: false, failure: "network" });
    } finally {
      delete process.env.TSA_URL;
      resetEnvForTests();
    }
    const events = await db().auditEvent.findMany({ where: { action: "system.tsa-checked", actorId: actor.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.details)).toEqual([{ ok: true, failure: null }, { ok: false, failure: "network" }]);
    const agent = await createEnrolledStaff();
    expect(await codeOf(checkTimestampAuthority(await actorOf(agent.staff.id), request))).toBe("NOT_FOUND");
    expect(await codeOf(getSystemStatus(await actorOf(agent.staff.id)))).toBe("NOT_FOUND");
  });
});
