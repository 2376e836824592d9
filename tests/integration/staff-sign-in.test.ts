// Staff sign-in (issue #6, point 1): e-mail + password + TOTP, enrolment at the
// first sign-in with 10 single-use recovery codes, uniform errors, per-account
// throttle and per-IP limit (CNIL deliberation 2022-100, as for applicants),
// server-side sessions with a 15-minute idle timeout and an 8-hour lifetime,
// and an audit event for each step (seed 000, art. 5).
import { describe, expect, it } from "vitest";
import { staffSubject } from "../../src/server/auth/login-throttle";
import { consumeRateLimit, RATE_LIMITS } from "../../src/server/auth/rate-limit";
import { openSecret, sealSecret } from "../../src/server/crypto/secret-box";
import { db } from "../../src/server/db/client";
import { completeTotpEnrolment } from "../../src/server/staff-auth/complete-totp-enrolment";
import { getTotpEnrolment } from "../../src/server/staff-auth/get-totp-enrolment";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { signOutStaff } from "../../src/server/staff-auth/sign-out-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { resolveSignInChallenge, resolveStaffSession } from "../../src/server/staff-sessions/resolve-staff-session";
import { SIGN_IN_CHALLENGE_LIFETIME_MS, STAFF_ABSOLUTE_LIFETIME_MS, STAFF_IDLE_TIMEOUT_MS } from "../../src/server/staff-sessions/session-policy";
import { createEnrolledStaff, createStaffUser, createStaffWithPassword, totpCode } from "../factories";
import { codeOf } from "../helpers/app-error-code";

const request = { ip: null, userAgent: "test" };


async function auditActions(staffUserId: string): Promise<string[]> {
  const events = await db().auditEvent.findMany({ where: { targetType: "staff_user", targetId: staffUserId }, orderBy: { seq: "asc" }, select: { action: true } });
  return events.map((e) => e.action);
}

async function failureReasons(staffUserId: string): Promise<string[]> {
  const events = await db().auditEvent.findMany({ where: { targetId: staffUserId, action: "staff.login.failed" }, orderBy: { seq: "asc" }, select: { details: true } });
  return events.map((e) => (e.details as { reason: string }).reason);
}

/** Password step then TOTP step, at `at`: the full session. */
async function signInWithTotp(staff: { email: string }, password: string, secret: string, at = new Date()) {
  const challenge = await signInStaff({ email: staff.email, password }, request);
  return verifyStaffSecondFactor(challenge.token, { code: await totpCode(secret, at) }, request, at);
}

describe("staff sign-in, first time: TOTP enrolment", () => {
  it("shows a QR code and the secret as text, enrols on the first good code, gives 10 recovery codes once, and opens the session", async () => {
    const { staff, password } = await createStaffWithPassword();
    const step = await signInStaff({ email: ` ${staff.email.toUpperCase()} `, password }, request);
    expect(step.next).toBe("enrol");
    expect(await resolveStaffSession(step.token)).toBeNull();

    const enrolment = await getTotpEnrolment(step.token);
    expect(enrolment!.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const secret = enrolment!.secretText.replace(/ /g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Stored sealed, bound to its row: the database holds no readable secret.
    const row = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(openSecret("totp-secret", staff.id, row.totpSecret!)).toBe(secret);
    // Signing in again before confirming shows the same secret (the app may already hold it).
    const again = await signInStaff({ email: staff.email, password }, request);
    expect((await getTotpEnrolment(again.token))!.secretText).toBe(enrolment!.secretText);

    expect(await codeOf(completeTotpEnrolment(step.token, { code: "000000" === (await totpCode(secret)) ? "111111" : "000000" }, request))).toBe("CODE_INVALID");
    const done = await completeTotpEnrolment(step.token, { code: await totpCode(secret) }, request);
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    for (const code of done.recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await resolveStaffSession(done.token)).toMatchObject({ staffUserId: staff.id, sessionId: done.sessionId });
    // The challenge is spent, and only hashes of the recovery codes are kept.
    expect(await resolveSignInChallenge(step.token)).toBeNull();
    const hashes = await db().staffRecoveryCode.findMany({ where: { staffUserId: staff.id } });
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.codeHash).join()).not.toContain(done.recoveryCodes[0]!.replace("-", ""));
    const enrolled = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(enrolled.totpEnrolledAt).not.toBeNull();
    expect(enrolled.lastLoginAt).not.toBeNull();
    expect(await auditActions(staff.id)).toEqual([
      "staff.login.password-accepted", "staff.login.password-accepted", "staff.login.failed", "staff.totp.enrolled", "staff.login.succeeded",
    ]);
    // Enrolment cannot be done twice, nor shown again.
    expect(await getTotpEnrolment(again.token)).toBeNull();
    expect(await codeOf(completeTotpEnrolment(again.token, { code: await totpCode(secret) }, request))).toBe("SESSION_EXPIRED");
    expect((await signInStaff({ email: staff.email, password }, request)).next).toBe("code");
  });
});

describe("staff sign-in with password and TOTP", () => {
  it("opens a session with the right password and the current code (±1 step), and records the login", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const step = await signInStaff({ email: staff.email, password }, request);
    expect(step.next).toBe("code");
    const session = await verifyStaffSecondFactor(step.token, { code: await totpCode(totpSecret, new Date(Date.now() - 30_000)) }, request);
    expect(await resolveStaffSession(session.token)).toMatchObject({ staffUserId: staff.id });
    expect(Buffer.from(session.token, "base64url")).toHaveLength(32);
    expect(await auditActions(staff.id)).toEqual(["staff.login.password-accepted", "staff.login.succeeded"]);
  });

  it("gives one answer for a wrong password, an unknown address, a disabled account and one without a password, and audits each", async () => {
    const { staff, password } = await createEnrolledStaff();
    const { staff: disabled, password: disabledPassword } = await createEnrolledStaff({ disabledAt: new Date() });
    const noPassword = await createStaffUser();
    expect(await codeOf(signInStaff({ email: staff.email, password: `${password}x` }, request))).toBe("CREDENTIALS_INVALID");
    expect(await codeOf(signInStaff({ email: `nobody-${Date.now()}@ofpra.test`, password }, request))).toBe("CREDENTIALS_INVALID");
    expect(await codeOf(signInStaff({ email: disabled.email, password: disabledPassword }, request))).toBe("CREDENTIALS_INVALID");
    expect(await codeOf(signInStaff({ email: noPassword.email, password }, request))).toBe("CREDENTIALS_INVALID");
    expect(await failureReasons(staff.id)).toEqual(["wrong-password"]);
    expect(await failureReasons(disabled.id)).toEqual(["disabled"]);
    expect(await failureReasons(noPassword.id)).toEqual(["no-password"]);
    expect(await codeOf(signInStaff({ email: "not an address", password }, request))).toBe("INVALID_INPUT");
  });

  it("refuses a wrong code and audits it; the right code still works afterwards", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const step = await signInStaff({ email: staff.email, password }, request);
    const right = await totpCode(totpSecret);
    const wrong = right === "123456" ? "654321" : "123456";
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: wrong }, request))).toBe("CODE_INVALID");
    // A code two steps away (out of the ±1 window) is wrong too.
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: await totpCode(totpSecret, new Date(Date.now() + 90_000)) }, request))).toBe("CODE_INVALID");
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: "12a" }, request))).toBe("INVALID_INPUT");
    await verifyStaffSecondFactor(step.token, { code: right }, request);
    expect(await failureReasons(staff.id)).toEqual(["wrong-code", "wrong-code"]);
    // The challenge was spent by the success.
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: right }, request))).toBe("SESSION_EXPIRED");
  });

  it("never accepts the same code twice, nor a code older than the last one accepted", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const now = new Date();
    await signInWithTotp(staff, password, totpSecret, now);
    expect(await codeOf(signInWithTotp(staff, password, totpSecret, now))).toBe("CODE_INVALID");
    // The previous step's code is still inside the ±1 window, but older than the one used.
    const step = await signInStaff({ email: staff.email, password }, request);
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: await totpCode(totpSecret, new Date(now.getTime() - 30_000)) }, request, now))).toBe("CODE_INVALID");
    expect(await failureReasons(staff.id)).toEqual(["replayed-code", "replayed-code"]);
    // The next step's code is accepted once.
    const later = new Date(now.getTime() + 30_000);
    await verifyStaffSecondFactor(step.token, { code: await totpCode(totpSecret, later) }, request, later);
  });

  it("accepts each recovery code once, typed in any case and grouping", async () => {
    const { staff, password, recoveryCodes } = await createEnrolledStaff();
    const [first, second] = recoveryCodes;
    const one = await signInStaff({ email: staff.email, password }, request);
    const session = await verifyStaffSecondFactor(one.token, { code: ` ${first!.slice(0, 5).toLowerCase()} ${first!.slice(5)} ` }, request);
    expect(await resolveStaffSession(session.token)).not.toBeNull();
    const two = await signInStaff({ email: staff.email, password }, request);
    expect(await codeOf(verifyStaffSecondFactor(two.token, { code: first! }, request))).toBe("CODE_INVALID");
    await verifyStaffSecondFactor(two.token, { code: second! }, request);
    expect(await db().staffRecoveryCode.count({ where: { staffUserId: staff.id, usedAt: { not: null } } })).toBe(2);
    expect(await failureReasons(staff.id)).toEqual(["unknown-recovery-code"]);
    const succeeded = await db().auditEvent.findMany({ where: { targetId: staff.id, action: "staff.login.succeeded" }, select: { details: true } });
    expect(succeeded.map((e) => (e.details as { secondFactor: string }).secondFactor)).toEqual(["recovery-code", "recovery-code"]);
  });
});

describe("staff sign-in throttling", () => {
  it("blocks an account after 5 failures, passwords and codes counted together, even with the right password and code", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    for (let i = 0; i < 3; i++) expect(await codeOf(signInStaff({ email: staff.email, password: `Wrong-${i}` }, request))).toBe("CREDENTIALS_INVALID");
    // The right password does not clear the counter: only the full sign-in does.
    const step = await signInStaff({ email: staff.email, password }, request);
    const right = await totpCode(totpSecret);
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: right === "000000" ? "111111" : "000000" }, request))).toBe("CODE_INVALID");
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: right === "222222" ? "333333" : "222222" }, request))).toBe("ACCOUNT_LOCKED");
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: right }, request))).toBe("ACCOUNT_LOCKED");
    expect(await codeOf(signInStaff({ email: staff.email, password }, request))).toBe("ACCOUNT_LOCKED");
    // The block ends: the right password and code open the session and clear the counter.
    await db().loginThrottle.update({ where: { subject: staffSubject(staff.id) }, data: { lockedUntil: new Date(Date.now() - 1) } });
    await signInWithTotp(staff, password, totpSecret);
    expect(await db().loginThrottle.count({ where: { subject: staffSubject(staff.id) } })).toBe(0);
  });

  it("blocks an unknown address exactly like an account", async () => {
    const email = `unknown-${Date.now()}@ofpra.test`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await codeOf(signInStaff({ email, password: `Wrong-${i}` }, request)));
    expect(codes).toEqual(["CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "ACCOUNT_LOCKED"]);
  });

  it("limits sign-in attempts per IP address", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < RATE_LIMITS.staffLogin.hits; i++) await consumeRateLimit("staffLogin", ip);
    const { staff, password } = await createEnrolledStaff();
    expect(await codeOf(signInStaff({ email: staff.email, password }, { ip, userAgent: null }))).toBe("RATE_LIMITED");
    expect((await signInStaff({ email: staff.email, password }, { ip: "203.0.113.7", userAgent: null })).next).toBe("code");
  });
});

describe("staff sessions", () => {
  it("end after 15 minutes without activity and 8 hours after sign-in", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const now = Date.now();
    const idle = await signInWithTotp(staff, password, totpSecret);
    await db().staffSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(now - STAFF_IDLE_TIMEOUT_MS + 5_000) } });
    expect(await resolveStaffSession(idle.token)).not.toBeNull();
    await db().staffSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(now - STAFF_IDLE_TIMEOUT_MS - 1) } });
    expect(await resolveStaffSession(idle.token)).toBeNull();

    const old = await db().staffSession.findUniqueOrThrow({ where: { id: (await signInWithTotp(staff, password, totpSecret, new Date(now + 30_000))).sessionId } });
    expect(old.expiresAt.getTime() - old.createdAt.getTime()).toBe(STAFF_ABSOLUTE_LIFETIME_MS);
  });

  it("a session past its 8 hours opens nothing, however recent its last activity", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const session = await signInWithTotp(staff, password, totpSecret);
    const now = Date.now();
    await db().staffSession.update({ where: { id: session.sessionId }, data: { createdAt: new Date(now - STAFF_ABSOLUTE_LIFETIME_MS - 2), lastSeenAt: new Date(now - 60_000), expiresAt: new Date(now - 1) } });
    expect(await resolveStaffSession(session.token)).toBeNull();
  });

  it("a sign-in challenge lasts 5 minutes and is never a session", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const step = await signInStaff({ email: staff.email, password }, request);
    expect(await resolveStaffSession(step.token)).toBeNull();
    const row = await db().staffSession.findFirstOrThrow({ where: { staffUserId: staff.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SIGN_IN_CHALLENGE_LIFETIME_MS);
    const late = new Date(row.expiresAt.getTime() + 1);
    expect(await codeOf(verifyStaffSecondFactor(step.token, { code: await totpCode(totpSecret, late) }, request, late))).toBe("SESSION_EXPIRED");
  });

  it("are revoked server-side by sign-out and end when the account is disabled", async () => {
    const { staff, password, totpSecret } = await createEnrolledStaff();
    const a = await signInWithTotp(staff, password, totpSecret);
    const b = await signInWithTotp(staff, password, totpSecret, new Date(Date.now() + 30_000));
    await signOutStaff({ staffUserId: staff.id, sessionId: a.sessionId }, request);
    expect(await resolveStaffSession(a.token)).toBeNull();
    expect(await resolveStaffSession(b.token)).not.toBeNull();
    expect((await auditActions(staff.id)).filter((action) => action === "staff.logout")).toHaveLength(1);
    await db().staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect(await resolveStaffSession(b.token)).toBeNull();
  });
});

describe("sealed TOTP secrets", () => {
  it("open only for their own row and when unaltered", async () => {
    const sealed = sealSecret("totp-secret", "row-a", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(openSecret("totp-secret", "row-a", sealed)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(() => openSecret("totp-secret", "row-b", sealed)).toThrow("did not open");
    const altered = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BA" : "AA");
    expect(() => openSecret("totp-secret", "row-a", altered)).toThrow("did not open");
    expect(sealSecret("totp-secret", "row-a", "same")).not.toBe(sealSecret("totp-secret", "row-a", "same"));
  });
});
