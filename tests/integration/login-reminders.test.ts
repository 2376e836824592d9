// The 15-day duty (seed 000, art. 4; issue #4 point 6): a reminder when the
// next login is near, never more than one per period and channel.
import { describe, expect, it } from "vitest";
import { REMIND_DAYS_BEFORE, sendLoginReminders } from "../../src/server/applicant-accounts/send-login-reminders";
import { getLoginDuty } from "../../src/server/applicant-accounts/get-login-duty";
import { db } from "../../src/server/db/client";
import { endOfPeriod } from "../../src/lib/fifteen-day-period";
import { createActiveApplicant } from "../factories";

const DAY = 86_400_000;

async function activeLastSeen(lastLoginAt: Date, contacts: { email?: boolean; phone?: boolean } = { email: true }) {
  const { applicant } = await createActiveApplicant({
    lastLoginAt,
    ...(contacts.email ? { email: `r-${Math.random().toString(36).slice(2)}@example.org`, emailVerifiedAt: new Date() } : {}),
    ...(contacts.phone ? { phone: `+3366${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`, phoneVerifiedAt: new Date() } : {}),
  });
  return applicant;
}

const remindersOf = (applicantId: string) => db().outboxMessage.findMany({ where: { applicantId, template: "login-reminder" } });

describe("sendLoginReminders", () => {
  it("reminds by every confirmed channel once the due date is 3 days away, and only once per period", async () => {
    const now = new Date("2026-11-24T09:00:00Z");
    const lastLogin = new Date("2026-11-11T10:00:00Z"); // due by the end of 26 November (Paris)
    expect(endOfPeriod(lastLogin).getTime() - now.getTime()).toBeLessThanOrEqual(REMIND_DAYS_BEFORE * DAY);
    const applicant = await activeLastSeen(lastLogin, { email: true, phone: true });
    await sendLoginReminders(now);
    await sendLoginReminders(new Date(now.getTime() + DAY));
    const reminders = await remindersOf(applicant.id);
    expect(reminders.map((r) => r.channel).sort()).toEqual(["EMAIL", "SMS"]);
    expect(reminders[0]!.params).toMatchObject({ dueDate: "2026-11-26", locale: "fr" });
    expect(JSON.stringify(reminders[0]!.params)).not.toContain(applicant.agdrefNumber);
  });

  it("does not remind one second before the reminder window opens", async () => {
    const lastLogin = new Date("2026-11-11T10:00:00Z");
    const windowOpens = new Date(endOfPeriod(lastLogin).getTime() - REMIND_DAYS_BEFORE * DAY);
    const applicant = await activeLastSeen(lastLogin);
    await sendLoginReminders(new Date(windowOpens.getTime() - 1000));
    expect(await remindersOf(applicant.id)).toHaveLength(0);
    await sendLoginReminders(windowOpens);
    expect(await remindersOf(applicant.id)).toHaveLength(1);
  });

  it("starts a new period at the next login", async () => {
    const applicant = await activeLastSeen(new Date("2026-11-01T10:00:00Z"));
    await sendLoginReminders(new Date("2026-11-14T10:00:00Z"));
    await db().applicant.update({ where: { id: applicant.id }, data: { lastLoginAt: new Date("2026-11-15T10:00:00Z") } });
    await sendLoginReminders(new Date("2026-11-28T10:00:00Z"));
    expect(await remindersOf(applicant.id)).toHaveLength(2);
  });

  it("never reminds an applicant without a confirmed contact, an exempt one, or a pending one", async () => {
    const now = new Date("2026-11-23T09:00:00Z");
    const lastLogin = new Date("2026-11-11T10:00:00Z");
    const none = await activeLastSeen(lastLogin, {});
    const exempt = await activeLastSeen(lastLogin);
    await db().applicant.update({ where: { id: exempt.id }, data: { exempt: true, exemptionReason: "test", exemptedAt: now } });
    await sendLoginReminders(now);
    expect(await remindersOf(none.id)).toHaveLength(0);
    expect(await remindersOf(exempt.id)).toHaveLength(0);
  });

  it("writes one reminder when two runs race", async () => {
    const now = new Date("2026-11-24T09:00:00Z");
    const applicant = await activeLastSeen(new Date("2026-11-11T10:00:00Z"));
    await Promise.all([sendLoginReminders(now), sendLoginReminders(now), sendLoginReminders(now)]);
    expect(await remindersOf(applicant.id)).toHaveLength(1);
  });
});

describe("getLoginDuty", () => {
  it("gives the 15th day after the last login, Paris time", async () => {
    const applicant = await activeLastSeen(new Date("2026-11-23T22:30:00Z")); // 23:30 in Paris, 23 November
    const duty = await getLoginDuty({ applicantId: applicant.id, sessionId: "x", language: "fr" });
    expect(duty!.dueBy.toISOString()).toBe("2026-12-08T23:00:00.000Z");
  });
});
