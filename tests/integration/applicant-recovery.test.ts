// Password recovery (seed 000, art. 3; issue #4 point 5): by key, by a
// single-use e-mail link, by an SMS code. Messages go through the outbox to a
// real SMTP server and the Twilio-compatible sink (seed 003: no personal data).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInApplicant } from "../../src/server/applicant-accounts/sign-in-applicant";
import { recoverWithKey } from "../../src/server/applicant-recovery/recover-with-key";
import { requestRecoveryMessage } from "../../src/server/applicant-recovery/request-recovery-message";
import { resetPasswordWithLink } from "../../src/server/applicant-recovery/reset-password-with-link";
import { resetPasswordWithSmsCode } from "../../src/server/applicant-recovery/reset-password-with-sms-code";
import { resolveApplicantSession } from "../../src/server/applicant-sessions/resolve-applicant-session";
import { applicantSubject, recordLoginFailure } from "../../src/server/auth/login-throttle";
import { db } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { listCaughtSms, startSmsSink, type SmsSink } from "../../src/server/local/sms-sink";
import { listCaughtMail, startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";
import { readCaughtMail } from "../../src/server/local/read-caught-mail";
import { kickOutbox } from "../../src/server/messaging/kick-outbox";
import { agdrefNumber, createActiveApplicant } from "../factories";
import { codeOf } from "../helpers/app-error-code";

const request = { ip: null, userAgent: "test" };
const NEW_PASSWORD = "Nouveau-Jardin-7";
let dir: string;
let catcher: SmtpCatcher;
let sink: SmsSink;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-recovery-"));
  catcher = await startSmtpCatcher({ dir: path.join(dir, "mail"), port: 0 });
  sink = await startSmsSink({ dir: path.join(dir, "sms"), port: 0, accountSid: "ACrecoverytest", authToken: "recovery-token" });
  Object.assign(process.env, { APP_URL: "https://epns.test", SMTP_URL: catcher.url, SMS_API_URL: sink.url, SMS_ACCOUNT_SID: sink.accountSid, SMS_AUTH_TOKEN: sink.authToken });
  resetEnvForTests();
});

afterAll(async () => {
  await kickOutbox();
  await catcher.stop();
  await sink.stop();
  for (const key of ["APP_URL", "SMTP_URL", "SMS_API_URL", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN"]) delete process.env[key];
  resetEnvForTests();
});


async function activeWithContacts() {
  const email = `applicant-${Math.random().toString(36).slice(2)}@example.org`;
  const phone = `+3367${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const created = await createActiveApplicant({ email, emailVerifiedAt: new Date(), phone, phoneVerifiedAt: new Date() });
  return { ...created, email, phone };
}

async function mailTo(email: string) {
  await kickOutbox();
  const mails = (await listCaughtMail(path.join(dir, "mail"))).filter((m) => m.to.includes(email));
  return mails.map((m) => readCaughtMail(m.raw));
}

async function smsTo(phone: string) {
  await kickOutbox();
  return (await listCaughtSms(path.join(dir, "sms"))).filter((m) => m.to === phone);
}

describe("recovery with the connection key", () => {
  it("sets the new password, revokes every session, opens one, and clears a lockout", async () => {
    const { applicant, key, password } = await createActiveApplicant();
    const old = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    for (let i = 0; i < 6; i++) await recordLoginFailure(applicantSubject(applicant.id));
    const session = await recoverWithKey({ agdrefNumber: applicant.agdrefNumber, key, password: NEW_PASSWORD }, request);
    expect(await resolveApplicantSession(old.token)).toBeNull();
    expect(await resolveApplicantSession(session.token)).toMatchObject({ applicantId: applicant.id });
    await signInApplicant({ identifier: applicant.agdrefNumber, password: NEW_PASSWORD }, request);
    expect(await codeOf(signInApplicant({ identifier: applicant.agdrefNumber, password }, request))).toBe("CREDENTIALS_INVALID");
  });

  it("refuses a wrong key and a pending account", async () => {
    const { applicant, key } = await createActiveApplicant();
    expect(await codeOf(recoverWithKey({ agdrefNumber: agdrefNumber(), key, password: NEW_PASSWORD }, request))).toBe("KEY_INVALID");
    const pending = await db().applicant.update({ where: { id: applicant.id }, data: { state: "PENDING", activatedAt: null } });
    expect(await codeOf(recoverWithKey({ agdrefNumber: pending.agdrefNumber, key, password: NEW_PASSWORD }, request))).toBe("NOT_ACTIVE");
  });
});

describe("recovery by e-mail link", () => {
  it("sends a single-use link without personal data through the real SMTP server", async () => {
    const { applicant, email, password } = await activeWithContacts();
    await requestRecoveryMessage({ identifier: applicant.ofpraNumber! }, "email", request);
    const [mail] = await mailTo(email);
    expect(mail).toBeDefined();
    for (const personal of [applicant.agdrefNumber, applicant.ofpraNumber!, email]) expect(`${mail!.subject}\n${mail!.text}`).not.toContain(personal);
    const link = mail!.text.match(/https:\/\/epns\.test\/fr\/recuperation\/nouveau-mot-de-passe\?jeton=([A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();
    const token = link![1]!;
    expect(JSON.stringify(await db().applicantOneTimeSecret.findMany({ where: { applicantId: applicant.id } }))).not.toContain(token);

    const old = await signInApplicant({ identifier: applicant.agdrefNumber, password }, request);
    await resetPasswordWithLink({ token, password: NEW_PASSWORD }, request);
    expect(await resolveApplicantSession(old.token)).toBeNull();
    expect(await codeOf(resetPasswordWithLink({ token, password: "Encore-Autre-8" }, request))).toBe("LINK_INVALID");
    await signInApplicant({ identifier: applicant.agdrefNumber, password: NEW_PASSWORD }, request);
  });

  it("refuses an expired link and one superseded by a newer request", async () => {
    const { applicant, email } = await activeWithContacts();
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "email", request);
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "email", request);
    const tokens = (await mailTo(email)).map((m) => m.text.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!);
    expect(tokens).toHaveLength(2);
    const [first, second] = tokens as [string, string];
    expect(await codeOf(resetPasswordWithLink({ token: first, password: NEW_PASSWORD }, request))).toBe("LINK_INVALID");
    await db().applicantOneTimeSecret.updateMany({ where: { applicantId: applicant.id, usedAt: null }, data: { createdAt: new Date(Date.now() - 3_600_000), expiresAt: new Date(Date.now() - 1) } });
    expect(await codeOf(resetPasswordWithLink({ token: second, password: NEW_PASSWORD }, request))).toBe("LINK_INVALID");
  });

  it("answers the same and sends nothing for an unknown number or an account without a confirmed e-mail", async () => {
    const { applicant } = await createActiveApplicant({ email: "unconfirmed@example.org", emailVerifiedAt: null });
    const before = await db().outboxMessage.count();
    await requestRecoveryMessage({ identifier: agdrefNumber() }, "email", request);
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "email", request);
    expect(await db().outboxMessage.count()).toBe(before);
    expect(await mailTo("unconfirmed@example.org")).toEqual([]);
  });
});

describe("recovery by SMS code", () => {
  it("sends a 6-digit code through the SMS sink and accepts it once", async () => {
    const { applicant, phone } = await activeWithContacts();
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "sms", request);
    const [sms] = await smsTo(phone);
    expect(sms!.body).not.toContain(applicant.agdrefNumber);
    const code = sms!.body.match(/\b(\d{6})\b/)![1]!;
    await resetPasswordWithSmsCode({ identifier: applicant.agdrefNumber, code, password: NEW_PASSWORD }, request);
    expect(await codeOf(resetPasswordWithSmsCode({ identifier: applicant.agdrefNumber, code, password: "Encore-Autre-8" }, request))).toBe("CODE_INVALID");
  });

  it("kills the code after 5 wrong tries, even for the right code afterwards", async () => {
    const { applicant, phone } = await activeWithContacts();
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "sms", request);
    const code = (await smsTo(phone))[0]!.body.match(/\b(\d{6})\b/)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expect(await codeOf(resetPasswordWithSmsCode({ identifier: applicant.agdrefNumber, code: wrong, password: NEW_PASSWORD }, request))).toBe("CODE_INVALID");
    expect(await codeOf(resetPasswordWithSmsCode({ identifier: applicant.agdrefNumber, code, password: NEW_PASSWORD }, request))).toBe("CODE_INVALID");
  });

  it("refuses an expired code", async () => {
    const { applicant, phone } = await activeWithContacts();
    await requestRecoveryMessage({ identifier: applicant.agdrefNumber }, "sms", request);
    const code = (await smsTo(phone))[0]!.body.match(/\b(\d{6})\b/)![1]!;
    await db().applicantOneTimeSecret.updateMany({ where: { applicantId: applicant.id }, data: { createdAt: new Date(Date.now() - 3_600_000), expiresAt: new Date(Date.now() - 1) } });
    expect(await codeOf(resetPasswordWithSmsCode({ identifier: applicant.agdrefNumber, code, password: NEW_PASSWORD }, request))).toBe("CODE_INVALID");
  });
});
