// Outbox delivery against a real PostgreSQL, a real SMTP conversation with the
// local catcher and the Twilio SDK talking to the local SMS sink. Assertions
// only look at this test's own rows and recipients (the worker's database is
// shared with other test files).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { listCaughtMessages } from "../../src/server/local/list-caught-messages";
import { freePort } from "../../src/server/local/free-port";
import { startSmsSink, type SmsSink } from "../../src/server/local/sms-sink";
import { startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";
import { deliverDueMessages } from "../../src/server/messaging/deliver-due-messages";
import { enqueueMessage } from "../../src/server/messaging/enqueue-message";
import { kickOutbox } from "../../src/server/messaging/kick-outbox";
import { createApplicant, createOutboxMessage, ofpraNumber } from "../factories";

const APP_URL = "https://epns.ofpra.test";
let dir: string;
let catcher: SmtpCatcher;
let sink: SmsSink;
const saved = { ...process.env };

function configure(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  resetEnvForTests();
}

const caught = async () => listCaughtMessages(dir);
const mailsTo = async (address: string) => (await caught()).emails.filter((mail) => mail.to.includes(address));
const smsTo = async (number: string) => (await caught()).sms.filter((sms) => sms.to === number);
const reload = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { number: "asc" } } } });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-outbox-"));
  catcher = await startSmtpCatcher({ dir: path.join(dir, "mail"), port: 0 });
  sink = await startSmsSink({ dir: path.join(dir, "sms"), port: 0, accountSid: "ACoutboxtest", authToken: "outbox-token" });
});

beforeEach(() => {
  configure({ APP_URL, SMTP_URL: catcher.url, SMS_API_URL: sink.url, SMS_ACCOUNT_SID: sink.accountSid, SMS_AUTH_TOKEN: sink.authToken });
});

afterAll(async () => {
  await catcher.stop();
  await sink.stop();
  for (const key of ["APP_URL", "SMTP_URL", "SMS_API_URL", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
});

describe("delivery (seed 003: no personal data in messages)", () => {
  it("sends an e-mail in the applicant's language then French, without personal data, and records it", async () => {
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber(), email: `amina-${Date.now()}@example.test`, language: "ar" });
    await db().$transaction((tx) =>
      enqueueMessage(tx, { channel: "EMAIL", template: "contact-code", recipient: applicant.email!, locale: "ar", params: { code: "482913" }, applicantId: applicant.id }),
    );
    const counts = await deliverDueMessages();
    expect(counts.delivered).toBeGreaterThanOrEqual(1);

    const [mail, ...others] = await mailsTo(applicant.email!);
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe("رمز التأكيد الخاص بك / Votre code de confirmation");
    expect(mail!.text).toMatch(/^مرحبًا،/);
    expect(mail!.text).toContain("رمزك: 482913");
    expect(mail!.text).toContain("Votre code : 482913");
    for (const personal of [applicant.agdrefNumber, applicant.ofpraNumber!, applicant.email!]) {
      expect(`${mail!.subject}\n${mail!.text}`).not.toContain(personal);
    }

    const message = await db().outboxMessage.findFirstOrThrow({ where: { applicantId: applicant.id }, include: { attemptLog: true } });
    expect(message).toMatchObject({ status: "DELIVERED", attempts: 1, recipient: null, lastError: null });
    expect(message.deliveredAt).toBeInstanceOf(Date);
    expect(message.attemptLog).toEqual([expect.objectContaining({ number: 1, status: "DELIVERED", error: null, finishedAt: expect.any(Date) })]);
  });

  it("sends an SMS through the Twilio SDK to the sink, English then French, only the portal's address", async () => {
    const message = await createOutboxMessage({
      channel: "SMS",
      template: "login-reminder",
      params: { url: `${APP_URL}/en/connexion`, dueDate: "2026-10-02", locale: "en" },
    });
    await deliverDueMessages();
    const [sms, ...others] = await smsTo(message.recipient!);
    expect(others).toHaveLength(0);
    expect(sms!.body).toBe(
      `OFPRA: sign in before 2 October 2026 at ${APP_URL}/en/connexion. A document not opened within 15 days counts as received.\n` +
        `OFPRA : connectez-vous avant le 2 octobre 2026 sur ${APP_URL}/en/connexion. Un document non ouvert en 15 jours compte comme reçu.`,
    );
    expect(await reload(message.id)).toMatchObject({ status: "DELIVERED", recipient: null, attempts: 1 });
  });
});

describe("failures and retries", () => {
  it("keeps a message when the SMTP server is down and delivers it at a later attempt", async () => {
    configure({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    const message = await createOutboxMessage();
    const before = Date.now();
    await deliverDueMessages();
    const failed = await reload(message.id);
    expect(failed).toMatchObject({ status: "TEMPORARY_FAILURE", attempts: 1, recipient: message.recipient });
    expect(failed.lastError).toMatch(/^smtp .*ECONNREFUSED/);
    expect(failed.lastError).not.toContain(message.recipient!);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(failed.attemptLog).toEqual([expect.objectContaining({ number: 1, status: "TEMPORARY_FAILURE", error: failed.lastError })]);

    configure({ SMTP_URL: catcher.url });
    await deliverDueMessages();
    expect((await reload(message.id)).attempts).toBe(1); // not due yet

    await deliverDueMessages({ now: new Date(Date.now() + 61_000) });
    const delivered = await reload(message.id);
    expect(delivered).toMatchObject({ status: "DELIVERED", attempts: 2, recipient: null });
    expect(delivered.attemptLog.map((a) => a.status)).toEqual(["TEMPORARY_FAILURE", "DELIVERED"]);
    expect(await mailsTo(message.recipient!)).toHaveLength(1);
  });

  it("gives up after the last attempt (PERMANENT_FAILURE) and clears the recipient", async () => {
    configure({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    const message = await createOutboxMessage({ status: "TEMPORARY_FAILURE", attempts: 7 });
    await deliverDueMessages();
    const final = await reload(message.id);
    expect(final).toMatchObject({ status: "PERMANENT_FAILURE", attempts: 8, recipient: null });
    expect(final.lastError).toMatch(/given up after 8 attempts$/);
    expect(final.attemptLog).toEqual([expect.objectContaining({ number: 8, status: "TEMPORARY_FAILURE" })]);
  });

  it("fails at once, permanently, when the provider refuses the recipient", async () => {
    const rejecting = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onRcptTo: (_address, _session, callback) => callback(Object.assign(new Error("5.1.1 Mailbox unknown"), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => rejecting.listen(0, "127.0.0.1", () => resolve()));
    const address = rejecting.server.address();
    configure({ SMTP_URL: `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
    const email = await createOutboxMessage();
    const sms = await createOutboxMessage({ channel: "SMS", recipient: "0612345678", params: { code: "123456", locale: "fr" } });
    await deliverDueMessages();
    await new Promise<void>((resolve) => rejecting.close(() => resolve()));

    expect(await reload(email.id)).toMatchObject({ status: "PERMANENT_FAILURE", attempts: 1, recipient: null, lastError: "smtp EENVELOPE 550 at RCPT TO" });
    expect(await reload(sms.id)).toMatchObject({ status: "PERMANENT_FAILURE", attempts: 1, recipient: null, lastError: "sms HTTP 400 (code 21211)" });
  });

  it("takes back a send interrupted for more than 10 minutes, and leaves a recent one alone", async () => {
    const stuck = await createOutboxMessage({ status: "SENDING", attempts: 1 });
    await db().outboxAttempt.create({ data: { messageId: stuck.id, number: 1, status: "SENDING", startedAt: new Date(Date.now() - 11 * 60_000) } });
    const recent = await createOutboxMessage({ status: "SENDING", attempts: 1 });
    await db().outboxAttempt.create({ data: { messageId: recent.id, number: 1, status: "SENDING", startedAt: new Date(Date.now() - 2 * 60_000) } });

    const counts = await deliverDueMessages();
    expect(counts.recovered).toBeGreaterThanOrEqual(1);
    const retried = await reload(stuck.id);
    expect(retried).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(retried.attemptLog).toEqual([
      expect.objectContaining({ number: 1, status: "TEMPORARY_FAILURE", error: "interrupted: no outcome recorded" }),
      expect.objectContaining({ number: 2, status: "DELIVERED" }),
    ]);
    expect(await reload(recent.id)).toMatchObject({ status: "SENDING", attempts: 1, recipient: recent.recipient });
  });
});

describe("concurrency", () => {
  it("sends each message once when two deliverers run at the same time", async () => {
    const messages = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createOutboxMessage(i % 3 === 0 ? { channel: "SMS", template: "recovery-code", params: { code: "654321", locale: "ar" } } : {}),
      ),
    );
    await Promise.all([deliverDueMessages({ batchSize: 2 }), deliverDueMessages({ batchSize: 2 })]);
    for (const message of messages) {
      const row = await reload(message.id);
      expect(row).toMatchObject({ status: "DELIVERED", attempts: 1 });
      expect(row.attemptLog).toHaveLength(1);
      const copies = message.channel === "SMS" ? await smsTo(message.recipient!) : await mailsTo(message.recipient!);
      expect(copies).toHaveLength(1);
    }
  });

  it("kickOutbox never overlaps, runs once more for a kick that comes during a run, and never throws", async () => {
    const first = await createOutboxMessage();
    const running = kickOutbox();
    const second = await createOutboxMessage({ channel: "SMS" });
    await Promise.all([running, kickOutbox()]);
    expect(await reload(first.id)).toMatchObject({ status: "DELIVERED" });
    expect(await reload(second.id)).toMatchObject({ status: "DELIVERED" });

    configure({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    const failing = await createOutboxMessage();
    await expect(kickOutbox()).resolves.toBeUndefined();
    expect(await reload(failing.id)).toMatchObject({ status: "TEMPORARY_FAILURE" });
  });
});
