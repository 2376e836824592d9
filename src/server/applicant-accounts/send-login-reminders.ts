// The 15-day duty (seed 000, art. 4): an active applicant who has not logged
// in for a while is reminded by e-mail and/or SMS, REMIND_DAYS_BEFORE days
// before the next login is due. One reminder per period and channel: the
// outbox dedupe key names the login that opened the period, so a re-run (or
// a second worker) never sends it twice. Seed 003: no personal data.
import { portalUrl } from "../http/portal-url";
import { endOfPeriod, lastDayOfPeriod } from "../../lib/fifteen-day-period";
import { isoCalendarDate } from "../../lib/paris-time";
import { db } from "../db/client";
import { confirmedChannels } from "../messaging/confirmed-channels";
import { enqueueMessage } from "../messaging/enqueue-message";

export const REMIND_DAYS_BEFORE = 3;
/** Beyond this, the applicant has left the procedure or lost access: agents follow up, not a robot. */
const MAX_SILENCE_DAYS = 45;
const DAY_MS = 86_400_000;

export async function sendLoginReminders(now = new Date()): Promise<{ applicants: number; messages: number }> {
  const candidates = await db().applicant.findMany({
    where: {
      state: "ACTIVE",
      exempt: false,
      lastLoginAt: { lte: new Date(now.getTime() - (15 - REMIND_DAYS_BEFORE - 1) * DAY_MS), gt: new Date(now.getTime() - MAX_SILENCE_DAYS * DAY_MS) },
      OR: [{ emailVerifiedAt: { not: null } }, { phoneVerifiedAt: { not: null } }],
    },
    select: { id: true, language: true, lastLoginAt: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true },
    take: 5_000,
  });
  let applicants = 0;
  let messages = 0;
  for (const applicant of candidates) {
    const due = endOfPeriod(applicant.lastLoginAt!);
    if (due.getTime() - now.getTime() > REMIND_DAYS_BEFORE * DAY_MS) continue;
    const period = applicant.lastLoginAt!.toISOString();
    const params = { url: portalUrl(applicant.language, "/connexion"), dueDate: isoCalendarDate(lastDayOfPeriod(applicant.lastLoginAt!)) };
    const channels = confirmedChannels(applicant);
    let sent = 0;
    await db().$transaction(async (tx) => {
      for (const { channel, recipient } of channels) {
        const written = await enqueueMessage(tx, {
          channel, recipient, template: "login-reminder", locale: applicant.language, params, applicantId: applicant.id,
          dedupeKey: `login-reminder:${applicant.id}:${period}:${channel}`,
        });
        if (written) sent++;
      }
    });
    if (sent > 0) applicants++;
    messages += sent;
  }
  return { applicants, messages };
}
