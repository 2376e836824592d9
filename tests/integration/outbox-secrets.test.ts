// Messages carrying a single-use secret (recovery link or code, contact code):
// never sent after the secret has expired, and no secret kept once final
// (seed 003: data minimisation; issue #4: short-lived codes).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { listCaughtMail, startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";
import { deliverDueMessages } from "../../src/server/messaging/deliver-due-messages";
import { createOutboxMessage } from "../factories";

let catcher: SmtpCatcher;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-outbox-secrets-"));
  catcher = await startSmtpCatcher({ dir, port: 0 });
  process.env.SMTP_URL = catcher.url;
  resetEnvForTests();
});

afterAll(async () => {
  await catcher.stop();
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

async function deliverUntilFinal(id: string) {
  for (let i = 0; i < 20; i++) {
    await deliverDueMessages();
    const message = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
    if (message.status === "DELIVERED" || message.status === "PERMANENT_FAILURE") return message;
  }
  throw new Error("message not final");
}

describe("outbox messages with a secret", () => {
  it("keep only their language once delivered", async () => {
    const message = await createOutboxMessage({ template: "contact-code", params: { code: "482913", locale: "ar" } });
    const final = await deliverUntilFinal(message.id);
    expect(final.status).toBe("DELIVERED");
    expect(final.params).toEqual({ locale: "ar" });
    expect(final.recipient).toBeNull();
  });

  it("are given up, not sent, once older than their code (10 minutes for an SMS recovery code)", async () => {
    const recipient = `late-${Date.now()}@example.org`;
    const old = await createOutboxMessage({ template: "contact-code", recipient, params: { code: "111111", locale: "fr" }, createdAt: new Date(Date.now() - 31 * 60_000) });
    const final = await deliverUntilFinal(old.id);
    expect(final.status).toBe("PERMANENT_FAILURE");
    expect(final.lastError).toBe("expired before delivery");
    expect(final.params).toEqual({ locale: "fr" });
    expect((await listCaughtMail(dir)).filter((m) => m.to.includes(recipient))).toEqual([]);
  });

  it("are still sent just before their code expires", async () => {
    const recipient = `in-time-${Date.now()}@example.org`;
    const recent = await createOutboxMessage({ template: "contact-code", recipient, params: { code: "222222", locale: "fr" }, createdAt: new Date(Date.now() - 29 * 60_000) });
    expect((await deliverUntilFinal(recent.id)).status).toBe("DELIVERED");
    expect((await listCaughtMail(dir)).filter((m) => m.to.includes(recipient))).toHaveLength(1);
  });
});
