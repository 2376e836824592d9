// The pg-boss worker (issue #5: `npm run worker`): schedules its periodic jobs
// once whatever the number of workers, works them, and a job does what its use
// case does (here: delivering a due e-mail through a real SMTP conversation).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/server/db/client";
import { env, resetEnvForTests } from "../../src/server/env";
import { listCaughtMail, startSmtpCatcher, type SmtpCatcher } from "../../src/server/local/smtp-catcher";
import { startWorker, type RunningWorker } from "../../src/worker/start-worker";
import { PERIODIC_JOBS } from "../../src/worker/periodic-jobs";
import { createOutboxMessage } from "../factories";

let catcher: SmtpCatcher;
let dir: string;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "epns-worker-"));
  catcher = await startSmtpCatcher({ dir, port: 0 });
  process.env.SMTP_URL = catcher.url;
  resetEnvForTests();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await catcher.stop();
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

describe("the worker", () => {
  it("schedules every periodic job once, in Paris time, even when two workers start", async () => {
    const lines: string[] = [];
    workers.push(await startWorker(env().DATABASE_URL, (line) => lines.push(line)));
    workers.push(await startWorker(env().DATABASE_URL, (line) => lines.push(line)));
    const schedules = await workers[0]!.boss.getSchedules();
    expect(schedules.map((s) => s.name).sort()).toEqual(PERIODIC_JOBS.map((j) => j.name).sort());
    for (const schedule of schedules) expect(schedule.options?.tz ?? (schedule as { timezone?: string }).timezone).toBe("Europe/Paris");
  });

  it("delivers a due e-mail when its job runs", async () => {
    const worker = workers[0]!;
    const recipient = `worker-${Date.now()}@example.org`;
    const message = await createOutboxMessage({ recipient, template: "contact-code", params: { code: "314159", locale: "en" } });
    await worker.boss.send("outbox-deliver", {});
    await expect
      .poll(async () => (await db().outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status, { timeout: 20_000, interval: 250 })
      .toBe("DELIVERED");
    expect((await listCaughtMail(dir)).filter((mail) => mail.to.includes(recipient))).toHaveLength(1);
  });
});
