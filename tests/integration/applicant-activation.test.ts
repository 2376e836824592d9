// Connection key and activation (seed 000, arts. 2, 3 and 5; issue #4 points 1, 2, 4).
import argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { activateAccount } from "../../src/server/applicant-accounts/activate-account";
import { issueConnectionKey } from "../../src/server/applicant-keys/issue-connection-key";
import { resolveApplicantSession } from "../../src/server/applicant-sessions/resolve-applicant-session";
import { db } from "../../src/server/db/client";
import { AppError } from "../../src/server/errors";
import { agdrefNumber, createApplicant, createApplicantWithKey, createStaffUser, createStructure } from "../factories";

const request = { ip: null, userAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile" };
const password = "Tournesol-42";
const base = (agdref: string, key: string) => ({ agdrefNumber: agdref, key, password, email: "", phone: "", language: "fr" as const });

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "no error";
}

describe("issueConnectionKey (seed 000, art. 2)", () => {
  it("stores only a keyed hash of the key, and shows the key once in 5 groups", async () => {
    const applicant = await createApplicant();
    const issued = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM" });
    expect(issued.key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const row = await db().connectionKey.findUniqueOrThrow({ where: { id: issued.keyId } });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(issued.key.replace(/-/g, ""));
  });

  it("reissuing revokes the previous key, which then no longer activates", async () => {
    const { applicant, key: oldKey } = await createApplicantWithKey();
    const issued = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM" });
    expect(issued.revokedPrevious).toBe(true);
    expect(await db().connectionKey.count({ where: { applicantId: applicant.id, revokedAt: null } })).toBe(1);
    expect(await codeOf(activateAccount(base(applicant.agdrefNumber, oldKey), request))).toBe("KEY_INVALID");
    await activateAccount(base(applicant.agdrefNumber, issued.key), request);
  });

  it("audits the issue and the reissue with the staff member who did it", async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const applicant = await createApplicant();
    await issueConnectionKey({ applicantId: applicant.id }, { type: "STAFF", id: agent.id });
    await issueConnectionKey({ applicantId: applicant.id }, { type: "STAFF", id: agent.id });
    const events = await db().auditEvent.findMany({ where: { targetId: applicant.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["key.issued", agent.id], ["key.reissued", agent.id]]);
  });

  it("lets a GUDA agent issue keys only for applicants registered in its department", async () => {
    const guda = await createStructure({ kind: "GUDA", department: "69" });
    const agent = await createStaffUser({ role: "GUDA_AGENT", structureId: guda.id });
    const mine = await createApplicant({ registrationStructureId: (await createStructure({ kind: "GUDA", department: "69" })).id });
    const other = await createApplicant({ registrationStructureId: (await createStructure({ kind: "GUDA", department: "75" })).id });
    await issueConnectionKey({ applicantId: mine.id }, { type: "STAFF", id: agent.id });
    expect(await codeOf(issueConnectionKey({ applicantId: other.id }, { type: "STAFF", id: agent.id }))).toBe("NOT_FOUND");
    const host = await createStaffUser({ role: "HOST_STRUCTURE_STAFF" });
    expect(await codeOf(issueConnectionKey({ applicantId: mine.id }, { type: "STAFF", id: host.id }))).toBe("NOT_FOUND");
  });
});

describe("activateAccount (seed 000, art. 3)", () => {
  it("activates, records the time, hashes the password with argon2id at or above OWASP's minimum, and logs in", async () => {
    const { applicant, key } = await createApplicantWithKey();
    const before = new Date();
    const session = await activateAccount({ ...base(applicant.agdrefNumber, key.toLowerCase()), language: "ar" }, request);
    const after = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id }, include: { credential: true } });
    expect(after.state).toBe("ACTIVE");
    expect(after.language).toBe("ar");
    expect(after.activatedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
    const hash = after.credential!.passwordHash;
    const params = Object.fromEntries(hash.split("$")[3]!.split(",").map((kv) => kv.split("=")));
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(Number(params.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    expect(await argon2.verify(hash, password)).toBe(true);
    expect(await resolveApplicantSession(session.token)).toMatchObject({ applicantId: applicant.id });
    const keyRow = await db().connectionKey.findFirstOrThrow({ where: { applicantId: applicant.id } });
    expect(keyRow.usedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { targetId: applicant.id, action: "applicant.activated" } })).toBe(1);
  });

  it("refuses a wrong key, an unknown AGDREF number and a key of someone else with the same error, and audits each", async () => {
    const { applicant, key } = await createApplicantWithKey();
    const { key: otherKey } = await createApplicantWithKey();
    const wrong = `${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}`;
    expect(await codeOf(activateAccount(base(applicant.agdrefNumber, wrong), request))).toBe("KEY_INVALID");
    expect(await codeOf(activateAccount(base(applicant.agdrefNumber, otherKey), request))).toBe("KEY_INVALID");
    expect(await codeOf(activateAccount(base(agdrefNumber(), key), request))).toBe("KEY_INVALID");
    expect(await db().auditEvent.count({ where: { targetId: applicant.id, action: "activation.failed" } })).toBe(2);
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).state).toBe("PENDING");
  });

  it("refuses an already active account: recovery is the way", async () => {
    const { applicant, key } = await createApplicantWithKey();
    await activateAccount(base(applicant.agdrefNumber, key), request);
    expect(await codeOf(activateAccount({ ...base(applicant.agdrefNumber, key), password: "Autre-Mot-2" }, request))).toBe("ALREADY_ACTIVE");
  });

  it("activates once when the same key is used twice at the same moment", async () => {
    const { applicant, key } = await createApplicantWithKey();
    const results = await Promise.allSettled([0, 1, 2].map(() => activateAccount(base(applicant.agdrefNumber, key), request)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("ALREADY_ACTIVE");
    expect(await db().applicantSession.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("refuses a weak password and changes nothing", async () => {
    const { applicant, key } = await createApplicantWithKey();
    for (const weak of ["Password1", "short1A", `Moi${applicant.agdrefNumber}`]) {
      expect(await codeOf(activateAccount({ ...base(applicant.agdrefNumber, key), password: weak }, request))).toBe("PASSWORD_REJECTED");
    }
    expect(await codeOf(activateAccount({ ...base(applicant.agdrefNumber, key), password: `A1${"x".repeat(127)}` }, request))).toBe("PASSWORD_REJECTED");
    const after = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id }, include: { credential: true } });
    expect(after.state).toBe("PENDING");
    expect(after.credential).toBeNull();
  });

  it("keeps an e-mail and a mobile unconfirmed until their codes are entered, and queues one code message each", async () => {
    const { applicant, key } = await createApplicantWithKey();
    await activateAccount({ ...base(applicant.agdrefNumber, key), email: " Amina.K@Example.org ", phone: "06 12 34 56 78" }, request);
    const after = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect([after.email, after.phone]).toEqual([null, null]);
    const secrets = await db().applicantOneTimeSecret.findMany({ where: { applicantId: applicant.id }, orderBy: { purpose: "asc" } });
    expect(secrets.map((s) => [s.purpose, s.target])).toEqual([["CONFIRM_EMAIL", "amina.k@example.org"], ["CONFIRM_PHONE", "+33612345678"]]);
    const messages = await db().outboxMessage.findMany({ where: { applicantId: applicant.id } });
    expect(messages.map((m) => m.template)).toEqual(["contact-code", "contact-code"]);
    for (const m of messages) expect(Object.keys(m.params as object).sort()).toEqual(["code", "locale"]);
  });

  it("refuses a deactivated applicant's key", async () => {
    const { applicant, key } = await createApplicantWithKey();
    await db().applicant.update({ where: { id: applicant.id }, data: { state: "DEACTIVATED", deactivatedAt: new Date() } });
    expect(await codeOf(activateAccount(base(applicant.agdrefNumber, key), request))).toBe("KEY_INVALID");
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await codeOf(activateAccount({ ...base("12345", "x"), language: "de" as "fr" }, request))).toBe("INVALID_INPUT");
  });
});
