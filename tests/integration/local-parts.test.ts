// The local defaults of the external parts, spoken to by real clients:
// nodemailer over SMTP to the catcher, HTTP to the Twilio-compatible sink.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/server/local/free-port";
import { listCaughtSms, startSmsSink, type SmsSink } from "../../src/server/local/sms-sink";
import { listCaughtMail, startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";

let dir: string;
let catcher: SmtpCatcher;
let sink: SmsSink;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-local-parts-"));
  catcher = await startSmtpCatcher({ dir: path.join(dir, "mail"), port: await freePort() });
  sink = await startSmsSink({ dir: path.join(dir, "sms"), port: await freePort(), accountSid: "ACtest", authToken: "token" });
});

afterAll(async () => {
  await catcher.stop();
  await sink.stop();
});

describe("SMTP catcher", () => {
  it("receives a message through a real SMTP conversation and keeps it", async () => {
    const transport = nodemailer.createTransport(catcher.url);
    await transport.sendMail({ from: "ne-pas-repondre@epns.test", to: "someone@example.test", subject: "Nouveau document", text: "Bonjour" });
    const mails = await listCaughtMail(path.join(dir, "mail"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: "ne-pas-repondre@epns.test", to: ["someone@example.test"] });
    expect(mails[0]!.raw).toContain("Subject: Nouveau document");
  });
});

describe("SMS sink", () => {
  const post = (body: Record<string, string>, auth = "Basic " + Buffer.from("ACtest:token").toString("base64")) =>
    fetch(`${sink.url}/2010-04-01/Accounts/ACtest/Messages.json`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });

  it("answers like the Twilio Messages API and keeps the message", async () => {
    const response = await post({ To: "+33612345678", From: "OFPRA", Body: "Un document vous attend." });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "queued", to: "+33612345678" });
    const messages = await listCaughtSms(path.join(dir, "sms"));
    expect(messages.map((m) => m.body)).toEqual(["Un document vous attend."]);
  });

  it("refuses wrong credentials and invalid numbers, keeping nothing", async () => {
    expect((await post({ To: "+33612345678", Body: "x" }, "Basic bad")).status).toBe(401);
    expect((await post({ To: "0612345678", Body: "x" })).status).toBe(400);
    expect(await listCaughtSms(path.join(dir, "sms"))).toHaveLength(1);
  });
});
