// The account page's use cases (issue #4, point 7) on a real database: change
// of password, e-mail and mobile confirmed by a code, removal, language, and
// the connection history.
import { randomInt } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { changeLanguage } from "../../src/server/applicant-account-settings/change-language";
import { changePassword } from "../../src/server/applicant-account-settings/change-password";
import { confirmContact } from "../../src/server/applicant-account-settings/confirm-contact";
import { getAccountOverview } from "../../src/server/applicant-account-settings/get-account-overview";
import { removeContact } from "../../src/server/applicant-account-settings/remove-contact";
import { requestContactChange } from "../../src/server/applicant-account-settings/request-contact-change";
import { createApplicantSession } from "../../src/server/applicant-sessions/create-applicant-session";
import { resolveApplicantSession } from "../../src/server/applicant-sessions/resolve-applicant-session";
import type { RequestContext } from "../../src/server/audit/record-audit-event";
import type { CurrentApplicant } from "../../src/server/auth/current-applicant";
import { hashPassword, verifyPassword } from "../../src/server/auth/password-hashing";
import { db } from "../../src/server/db/client";
import { AppError } from "../../src/server/errors";
import { kickOutbox } from "../../src/server/messaging/kick-outbox";
import { createApplicant } from "../factories";

// Delivery itself is the messaging tests' concern: here the outbox row is the message.
vi.mock("../../src/server/messaging/kick-outbox", () => ({ kickOutbox: vi.fn(async () => undefined) }));

const PASSWORD = "Ancien-mot-2-passe";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

/** A request from its own address, so that the per-IP limits of one test never reach another's. */
function request(ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`, userAgent = ANDROID_CHROME): RequestContext {
  return { ip, userAgent };
}

async function activeApplicant(data: Parameters<typeof createApplicant>[0] = {}) {
  const applicant = await createApplicant({ state: "ACTIVE", activatedAt: new Date(), ...data });
  await db().applicantCredential.create({ data: { applicantId: applicant.id, passwordHash: await hashPassword(PASSWORD) } });
  return applicant;
}

async function openSession(applicant: { id: string; language: string }, context = request(), now?: Date) {
  const session = await db().$transaction((tx) => createApplicantSession(tx, applicant.id, context, now));
  const current: CurrentApplicant = { applicantId: applicant.id, sessionId: session.sessionId, language: applicant.language };
  return { ...session, current };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The code as the messenger sends it: params.code of the newest outbox row for this applicant. */
async function sentCode(applicantId: string): Promise<string> {
  const message = await db().outboxMessage.findFirstOrThrow({ where: { applicantId, template: "contact-code" }, orderBy: { createdAt: "desc" } });
  return (message.params as { code: string }).code;
}

function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

describe("changing the password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const applicant = await activeApplicant();
    const mine = await openSession(applicant);
    const other = await openSession(applicant);
    const before = await db().applicantCredential.findUniqueOrThrow({ where: { applicantId: applicant.id } });

    const error = await rejection(changePassword(mine.current, { currentPassword: "Pas-le-bon-1", newPassword: "Nouveau-mot-2-passe" }, request()));

    expect(error.code).toBe("CREDENTIALS_INVALID");
    const after = await db().applicantCredential.findUniqueOrThrow({ where: { applicantId: applicant.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await resolveApplicantSession(other.token)).not.toBeNull();
    expect(await resolveApplicantSession(mine.token)).not.toBeNull();
    const failure = await db().auditEvent.findFirst({ where: { actorId: applicant.id, action: "password.change-failed" } });
    expect(failure).not.toBeNull();
  });

  it("refuses a new password that breaks the rule, naming the problems", async () => {
    const applicant = await activeApplicant();
    const mine = await openSession(applicant);
    const error = await rejection(changePassword(mine.current, { currentPassword: PASSWORD, newPassword: `Aa${applicant.agdrefNumber}` }, request()));
    expect(error.code).toBe("PASSWORD_REJECTED");
    expect(String(error.details.problems)).toContain("containsIdentifier");
    expect(await verifyPassword((await db().applicantCredential.findUniqueOrThrow({ where: { applicantId: applicant.id } })).passwordHash, PASSWORD)).toBe(true);
  });

  it("stores the new password, ends every other session and keeps the current one", async () => {
    const applicant = await activeApplicant();
    const mine = await openSession(applicant);
    const others = [await openSession(applicant), await openSession(applicant)];
    const stranger = await openSession(await activeApplicant());

    const result = await changePassword(mine.current, { currentPassword: PASSWORD, newPassword: "Nouveau-mot-2-passe" }, request());

    expect(result).toEqual({ revokedSessions: 2 });
    for (const other of others) expect(await resolveApplicantSession(other.token)).toBeNull();
    expect(await resolveApplicantSession(mine.token)).toMatchObject({ sessionId: mine.sessionId, applicantId: applicant.id });
    expect(await resolveApplicantSession(stranger.token)).not.toBeNull();
    const credential = await db().applicantCredential.findUniqueOrThrow({ where: { applicantId: applicant.id } });
    expect(await verifyPassword(credential.passwordHash, "Nouveau-mot-2-passe")).toBe(true);
    expect(await verifyPassword(credential.passwordHash, PASSWORD)).toBe(false);
    const event = await db().auditEvent.findFirstOrThrow({ where: { actorId: applicant.id, action: "password.changed" } });
    expect(event.details).toEqual({ revokedSessions: 2 });
  });
});

describe("confirming a new e-mail or mobile with a code", () => {
  it("writes a hashed code and an outbox message whose params hold only the code", async () => {
    const applicant = await activeApplicant({ language: "en" });
    const { current } = await openSession(applicant);
    vi.mocked(kickOutbox).mockClear();

    await requestContactChange(current, { kind: "email", value: "  Amina.K@Example.ORG " }, request());

    const secret = await db().applicantOneTimeSecret.findFirstOrThrow({ where: { applicantId: applicant.id, purpose: "CONFIRM_EMAIL" } });
    expect(secret).toMatchObject({ target: "amina.k@example.org", usedAt: null, attempts: 0 });
    expect(secret.expiresAt.getTime() - secret.createdAt.getTime()).toBe(30 * 60_000);
    const message = await db().outboxMessage.findFirstOrThrow({ where: { applicantId: applicant.id } });
    expect(message).toMatchObject({ channel: "EMAIL", template: "contact-code", recipient: "amina.k@example.org", status: "QUEUED" });
    expect(Object.keys(message.params as object).sort()).toEqual(["code", "locale"]);
    expect(message.params).toMatchObject({ locale: "en", code: expect.stringMatching(/^\d{6}$/) });
    expect(secret.secretHash).not.toContain((message.params as { code: string }).code);
    expect(kickOutbox).toHaveBeenCalledTimes(1);
    // Until the code is typed, nothing is stored on the applicant; the page shows the code form.
    expect(await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).toMatchObject({ email: null, emailVerifiedAt: null });
    expect(await getAccountOverview(current)).toMatchObject({ email: null, pendingEmail: true, pendingPhone: false });
    const event = await db().auditEvent.findFirstOrThrow({ where: { actorId: applicant.id, action: "contact.change-requested" } });
    expect(JSON.stringify(event.details)).not.toContain("amina");
  });

  it("refuses an address or number that cannot be used", async () => {
    const { current } = await openSession(await activeApplicant());
    expect((await rejection(requestContactChange(current, { kind: "email", value: "not-an-address" }, request()))).code).toBe("INVALID_INPUT");
    expect((await rejection(requestContactChange(current, { kind: "phone", value: "01 23 45 67 89" }, request()))).code).toBe("INVALID_INPUT");
    expect(await db().outboxMessage.count({ where: { applicantId: current.applicantId } })).toBe(0);
  });

  it("stores the mobile with its confirmation time when the right code is typed", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "phone", value: "06 12 34 56 78" }, request());
    const message = await db().outboxMessage.findFirstOrThrow({ where: { applicantId: applicant.id } });
    expect(message).toMatchObject({ channel: "SMS", recipient: "+33612345678" });

    await confirmContact(current, { kind: "phone", code: await sentCode(applicant.id) }, request());

    const stored = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(stored.phone).toBe("+33612345678");
    expect(stored.phoneVerifiedAt).toBeInstanceOf(Date);
    expect(await db().applicantOneTimeSecret.count({ where: { applicantId: applicant.id, usedAt: null } })).toBe(0);
    expect(await getAccountOverview(current)).toMatchObject({ phone: "+33612345678", pendingPhone: false });
    // A code works once.
    expect((await rejection(confirmContact(current, { kind: "phone", code: await sentCode(applicant.id) }, request()))).code).toBe("CODE_INVALID");
  });

  it("replaces a confirmed address only once the new one is confirmed", async () => {
    const applicant = await activeApplicant({ email: "old@example.org", emailVerifiedAt: new Date() });
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "email", value: "new@example.org" }, request());
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).email).toBe("old@example.org");
    await confirmContact(current, { kind: "email", code: await sentCode(applicant.id) }, request());
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).email).toBe("new@example.org");
  });

  it("accepts only the newest code after asking again", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "email", value: "first@example.org" }, request());
    const first = await sentCode(applicant.id);
    await requestContactChange(current, { kind: "email", value: "second@example.org" }, request());
    const second = await sentCode(applicant.id);
    if (first !== second) expect((await rejection(confirmContact(current, { kind: "email", code: first }, request()))).code).toBe("CODE_INVALID");
    await confirmContact(current, { kind: "email", code: second }, request());
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).email).toBe("second@example.org");
  });

  it("kills the code after 5 wrong tries, even for the right code afterwards", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "email", value: "amina@example.org" }, request());
    const code = await sentCode(applicant.id);

    for (let i = 0; i < 5; i++) {
      expect((await rejection(confirmContact(current, { kind: "email", code: otherCode(code) }, request()))).code).toBe("CODE_INVALID");
    }
    expect((await db().applicantOneTimeSecret.findFirstOrThrow({ where: { applicantId: applicant.id } })).attempts).toBe(5);
    expect((await rejection(confirmContact(current, { kind: "email", code }, request()))).code).toBe("CODE_INVALID");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).email).toBeNull();
    // Every failure is audited (seed 000, art. 5), without the code.
    const failures = await db().auditEvent.findMany({ where: { targetId: applicant.id, action: "contact.confirm-failed" } });
    expect(failures).toHaveLength(6);
    expect(JSON.stringify(failures.map((f) => f.details))).not.toContain(code);
  });

  it("refuses an expired code", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "phone", value: "+44 7700 900123" }, request());
    const code = await sentCode(applicant.id);
    // As if it had been sent 31 minutes ago (its lifetime is 30).
    await db().applicantOneTimeSecret.updateMany({
      where: { applicantId: applicant.id },
      data: { createdAt: new Date(Date.now() - 31 * 60_000), expiresAt: new Date(Date.now() - 60_000) },
    });

    expect((await rejection(confirmContact(current, { kind: "phone", code }, request()))).code).toBe("CODE_INVALID");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).phone).toBeNull();
    expect(await getAccountOverview(current)).toMatchObject({ pendingPhone: false });
  });

  it("does not confirm one kind with the other kind's code", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "email", value: "amina@example.org" }, request());
    const code = await sentCode(applicant.id);
    expect((await rejection(confirmContact(current, { kind: "phone", code }, request()))).code).toBe("CODE_INVALID");
  });

  it("never confirms another applicant's code", async () => {
    const owner = await activeApplicant();
    const { current: ownerSession } = await openSession(owner);
    const intruder = await openSession(await activeApplicant());
    await requestContactChange(ownerSession, { kind: "email", value: "owner@example.org" }, request());
    const code = await sentCode(owner.id);
    expect((await rejection(confirmContact(intruder.current, { kind: "email", code }, request()))).code).toBe("CODE_INVALID");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: intruder.current.applicantId } })).email).toBeNull();
  });
});

describe("removing a contact", () => {
  it("forgets the e-mail and kills its pending codes, and keeps the mobile", async () => {
    const applicant = await activeApplicant({ email: "amina@example.org", emailVerifiedAt: new Date(), phone: "+33612345678", phoneVerifiedAt: new Date() });
    const { current } = await openSession(applicant);
    await requestContactChange(current, { kind: "email", value: "other@example.org" }, request());

    await removeContact(current, "email", request());

    const stored = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(stored).toMatchObject({ email: null, emailVerifiedAt: null, phone: "+33612345678" });
    expect(await db().applicantOneTimeSecret.count({ where: { applicantId: applicant.id, usedAt: null } })).toBe(0);
    expect(await getAccountOverview(current)).toMatchObject({ email: null, pendingEmail: false, phone: "+33612345678" });
    expect(await db().auditEvent.count({ where: { actorId: applicant.id, action: "contact.removed" } })).toBe(1);
  });
});

describe("changing the language", () => {
  it("stores one of the portal's languages", async () => {
    const applicant = await activeApplicant();
    const mine = await openSession(applicant);
    expect(await changeLanguage(mine.current, { language: "ar" }, request())).toBe("ar");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).language).toBe("ar");
    expect(await resolveApplicantSession(mine.token)).toMatchObject({ language: "ar" });
  });

  it("refuses any other value", async () => {
    const applicant = await activeApplicant();
    const { current } = await openSession(applicant);
    expect((await rejection(changeLanguage(current, { language: "de" }, request()))).code).toBe("INVALID_INPUT");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).language).toBe("fr");
  });
});

describe("the connection history", () => {
  it("shows the last 20 logins, newest first, with a masked address and a coarse device", async () => {
    const applicant = await activeApplicant();
    const start = Date.now() - 25 * 60_000;
    for (let i = 0; i < 24; i++) {
      await openSession(applicant, request(`198.51.100.${i + 1}`, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"), new Date(start + i * 60_000));
    }
    const mine = await openSession(applicant, request("203.0.113.42"));
    await db().applicantSession.updateMany({ where: { applicantId: applicant.id, ipMasked: "198.51.100.xxx", createdAt: { lt: new Date(start + 10 * 60_000) } }, data: { revokedAt: new Date() } });

    const overview = await getAccountOverview(mine.current);

    expect(overview!.history).toHaveLength(20);
    const [newest, ...older] = overview!.history;
    expect(newest).toMatchObject({ current: true, active: true, ip: "203.0.113.xxx", device: { kind: "phone", system: "Android", browser: "Chrome" } });
    expect(older.every((row) => !row.current)).toBe(true);
    expect(older[0]).toMatchObject({ ip: "198.51.100.xxx", active: true, device: { kind: "computer", system: "Windows", browser: "Firefox" } });
    expect(older.at(-1)).toMatchObject({ active: false });
    const times = overview!.history.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(overview!.history.every((row) => row.ip?.endsWith(".xxx"))).toBe(true);
  });

  it("never lists another applicant's logins", async () => {
    const applicant = await activeApplicant();
    const mine = await openSession(applicant);
    await openSession(await activeApplicant());
    const overview = await getAccountOverview(mine.current);
    expect(overview!.history).toHaveLength(1);
  });
});
