// Login, lockout, enumeration and sessions (seed 000, art. 4; seed 002 and CNIL
// deliberation 2022-100 via issue #4 point 4; issue #4 point 3).
import { describe, expect, it } from "vitest";
import { signInApplicant } from "../../src/server/applicant-accounts/sign-in-applicant";
import { signOutApplicant } from "../../src/server/applicant-accounts/sign-out-applicant";
import { resolveApplicantSession } from "../../src/server/applicant-sessions/resolve-applicant-session";
import { IDLE_TIMEOUT_MS } from "../../src/server/applicant-sessions/session-policy";
import { applicantSubject, unknownIdentifierSubject } from "../../src/server/auth/login-throttle";
import { consumeRateLimit, RATE_LIMITS } from "../../src/server/auth/rate-limit";
import { db } from "../../src/server/db/client";
import { AppError } from "../../src/server/errors";
import { agdrefNumber, createActiveApplicant, createApplicantWithKey } from "../factories";

const request = { ip: null, userAgent: "test" };

async function attempt(identifier: string, password: string): Promise<{ code: string; details?: Record<string, unknown>; ms: number }> {
  const started = performance.now();
  try {
    await signInApplicant({ identifier, password }, request);
    return { code: "OK", ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, details: error.details, ms: performance.now() - started };
  }
}

describe("signInApplicant", () => {
  it("accepts the AGDREF number or the OFPRA number with the password", async () => {
    const { applicant, password } = await createActiveApplicant();
    const byAgdref = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    const byOfpra = await signInApplicant({ identifier: ` ${applicant.ofpraNumber!} `, password }, request);
    expect(byAgdref.applicantId).toBe(applicant.id);
    expect(byOfpra.applicantId).toBe(applicant.id);
    expect(byAgdref.token).not.toBe(byOfpra.token);
    const updated = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(updated.lastLoginAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { targetId: applicant.id, action: "login.succeeded" } })).toBe(2);
  });

  it("gives one answer for a wrong password, an unknown number and an account not yet activated, and audits each", async () => {
    const { applicant } = await createActiveApplicant();
    const { applicant: pending } = await createApplicantWithKey();
    expect((await attempt(applicant.agdrefNumber, "Wrong-Pass-1")).code).toBe("CREDENTIALS_INVALID");
    expect((await attempt(agdrefNumber(), "Wrong-Pass-1")).code).toBe("CREDENTIALS_INVALID");
    expect((await attempt(pending.agdrefNumber, "Wrong-Pass-1")).code).toBe("CREDENTIALS_INVALID");
    const reasons = await db().auditEvent.findMany({ where: { action: "login.failed", targetId: { in: [applicant.id, pending.id] } }, select: { details: true } });
    expect(reasons.map((r) => (r.details as { reason: string }).reason).sort()).toEqual(["not-active", "wrong-password"]);
    expect(await db().auditEvent.count({ where: { action: "login.failed", targetId: null } })).toBeGreaterThanOrEqual(1);
  });

  it("blocks for more than a minute after 5 failures, even the right password, until the block ends", async () => {
    const { applicant, password } = await createActiveApplicant();
    for (let i = 0; i < 4; i++) expect((await attempt(applicant.agdrefNumber, `Wrong-Pass-${i}`)).code).toBe("CREDENTIALS_INVALID");
    const fifth = await attempt(applicant.agdrefNumber, "Wrong-Pass-5");
    expect(fifth.code).toBe("ACCOUNT_LOCKED");
    const retryAt = new Date(String(fifth.details!.retryAt));
    expect(retryAt.getTime() - Date.now()).toBeGreaterThan(60_000);
    expect((await attempt(applicant.ofpraNumber!, password)).code).toBe("ACCOUNT_LOCKED");
    // The block ends: move it one millisecond into the past.
    await db().loginThrottle.update({ where: { subject: applicantSubject(applicant.id) }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect((await attempt(applicant.agdrefNumber, password)).code).toBe("OK");
    expect(await db().loginThrottle.count({ where: { subject: applicantSubject(applicant.id) } })).toBe(0);
  });

  it("blocks an unknown number exactly like an account, so a block reveals nothing", async () => {
    const unknown = agdrefNumber();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(unknown, `Wrong-Pass-${i}`)).code);
    expect(codes).toEqual(["CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "CREDENTIALS_INVALID", "ACCOUNT_LOCKED"]);
    expect(await db().loginThrottle.count({ where: { subject: unknownIdentifierSubject(unknown) } })).toBe(1);
  });

  it("takes about the same time whether the number exists or not (no timing gap over many tries)", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { applicant } = await createActiveApplicant();
      known.push((await attempt(applicant.agdrefNumber, "Wrong-Pass-1")).ms);
      unknown.push((await attempt(agdrefNumber(), "Wrong-Pass-1")).ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknown) / median(known);
    // Both pay one argon2id verification; without it an unknown number answers ~10× faster.
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it("limits attempts per IP address, whatever the accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < RATE_LIMITS.login.hits; i++) await consumeRateLimit("login", ip);
    await expect(consumeRateLimit("login", ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const { applicant, password } = await createActiveApplicant();
    await expect(signInApplicant({ identifier: applicant.agdrefNumber, password }, { ip, userAgent: null })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await signInApplicant({ identifier: applicant.agdrefNumber, password }, { ip: "203.0.113.9", userAgent: null });
  });
});

describe("applicant sessions", () => {
  it("are revoked server-side by logout, and by logout everywhere", async () => {
    const { applicant, password } = await createActiveApplicant();
    const a = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    const b = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    const c = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    await signOutApplicant({ applicantId: applicant.id, sessionId: a.sessionId }, "this", request);
    expect(await resolveApplicantSession(a.token)).toBeNull();
    expect(await resolveApplicantSession(b.token)).not.toBeNull();
    await signOutApplicant({ applicantId: applicant.id, sessionId: b.sessionId }, "everywhere", request);
    expect(await resolveApplicantSession(b.token)).toBeNull();
    expect(await resolveApplicantSession(c.token)).toBeNull();
  });

  it("end after 30 minutes without activity and 12 hours after login", async () => {
    const { applicant, password } = await createActiveApplicant();
    const idle = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    const now = Date.now();
    await db().applicantSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(now - IDLE_TIMEOUT_MS + 5_000) } });
    expect(await resolveApplicantSession(idle.token)).not.toBeNull();
    await db().applicantSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(now - IDLE_TIMEOUT_MS - 1) } });
    expect(await resolveApplicantSession(idle.token)).toBeNull();
    const old = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    await db().applicantSession.update({ where: { id: old.sessionId }, data: { createdAt: new Date(now - 12 * 3_600_000 - 1), lastSeenAt: new Date(now - 60_000), expiresAt: new Date(now - 1) } });
    expect(await resolveApplicantSession(old.token)).toBeNull();
  });

  it("carry a 256-bit token of which only a keyed hash is stored", async () => {
    const { applicant, password } = await createActiveApplicant();
    const { token, sessionId } = await signInApplicant({ identifier: applicant.agdrefNumber, password }, { ip: "203.0.113.42", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await db().applicantSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.ipMasked).toBe("203.0.113.xxx");
    expect(row.device).toBe("phone|iOS|Safari");
    expect(await resolveApplicantSession("not-a-token")).toBeNull();
  });
});
