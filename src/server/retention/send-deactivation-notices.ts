// The applicant is told before the space is deactivated (seed 000, art. 9;
// issue #7, point 2a), DEACTIVATION_NOTICE_DAYS before (default 30 and 7 days),
// by e-mail and/or SMS on confirmed contacts, so that they can sign in and
// download their documents and receipts before. Seed 003: the message carries
// no personal data, only the date and the portal's address.
// Worker job "spaces-deactivation-notices" (hourly). One message per notice and
// channel: the outbox dedupe key names the space, the decision date and the
// notice, so re-runs and concurrent workers never send it twice; a run that
// comes late sends only the nearest notice.
import { parisDateOf, isoCalendarDate } from "../../lib/paris-time";
import { DAY_MS, deactivationDueAt, dueDeactivationNotice } from "../../lib/retention-dates";
import { db } from "../db/client";
import { env } from "../env";
import { portalUrl } from "../http/portal-url";
import { confirmedChannels } from "../messaging/confirmed-channels";
import { enqueueMessage } from "../messaging/enqueue-message";

const BATCH = 500;

export async function sendDeactivationNotices(now = new Date(), batchSize = BATCH): Promise<{ applicants: number; messages: number }> {
  const { DEACTIVATION_AFTER_DECISION_DAYS: afterDays, DEACTIVATION_NOTICE_DAYS: noticeDays } = env();
  const earliestNotice = Math.max(...noticeDays);
  // Notified between (deactivation due now) and (first notice due now).
  const window = { gt: new Date(now.getTime() - afterDays * DAY_MS), lte: new Date(now.getTime() - (afterDays - earliestNotice) * DAY_MS) };
  let applicants = 0;
  let messages = 0;
  for (let cursor: string | undefined; ; ) {
    const candidates = await db().applicant.findMany({
      where: { ...(cursor ? { id: { gt: cursor } } : {}), state: { not: "DEACTIVATED" }, decisionNotifiedAt: window, OR: [{ emailVerifiedAt: { not: null } }, { phoneVerifiedAt: { not: null } }] },
      select: { id: true, language: true, decisionNotifiedAt: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const applicant of candidates) {
      const deactivationAt = deactivationDueAt(applicant.decisionNotifiedAt!, afterDays);
      const notice = dueDeactivationNotice(deactivationAt, noticeDays, now);
      if (notice === null) continue;
      const params = { url: portalUrl(applicant.language, "/connexion"), dueDate: isoCalendarDate(parisDateOf(deactivationAt)) };
      let sent = 0;
      await db().$transaction(async (tx) => {
        for (const { channel, recipient } of confirmedChannels(applicant)) {
          const written = await enqueueMessage(tx, {
            channel, recipient, template: "space-deactivation", locale: applicant.language, params, applicantId: applicant.id,
            dedupeKey: `space-deactivation:${applicant.id}:${applicant.decisionNotifiedAt!.toISOString()}:${notice}:${channel}`,
          });
          if (written) sent++;
        }
      });
      if (sent > 0) applicants++;
      messages += sent;
    }
    if (candidates.length < batchSize) return { applicants, messages };
    cursor = candidates.at(-1)!.id;
  }
}
