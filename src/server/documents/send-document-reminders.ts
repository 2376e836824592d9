// Reminders of an unopened document (issue #5, point 6; seed 000, art. 6): on
// the configured days after availability (default day 7 and day 13, at 09:00
// Paris time so that no SMS wakes anyone), by every confirmed channel. Never
// after the first opening, never after the deadline (only AVAILABLE documents
// whose deadline is still ahead are read), never twice for the same step (the
// outbox dedupe key names document, day and channel). When several steps are
// due at once (the job was down), only the latest is sent.
import { portalUrl } from "../http/portal-url";
import { endOfPeriod, lastDayOfPeriod } from "../../lib/fifteen-day-period";
import { addCalendarDays, isoCalendarDate, parisDateOf, parisMidnight } from "../../lib/paris-time";
import { db } from "../db/client";
import { env } from "../env";
import { confirmedChannels } from "../messaging/confirmed-channels";
import { enqueueMessage } from "../messaging/enqueue-message";

const SEND_HOUR_MS = 9 * 3_600_000;

/** When the reminder of day N is due: 09:00 Paris time, N calendar days after availability. */
export function reminderDueAt(availableAt: Date, day: number): Date {
  return new Date(parisMidnight(addCalendarDays(parisDateOf(availableAt), day)).getTime() + SEND_HOUR_MS);
}

export async function sendDocumentReminders(now = new Date()): Promise<{ documents: number; messages: number }> {
  const days = env().DOCUMENT_REMINDER_DAYS;
  const firstDay = days[0]!;
  const documents = await db().document.findMany({
    where: {
      state: "AVAILABLE",
      deadlineAt: { gt: now },
      availableAt: { lte: new Date(now.getTime() - (firstDay - 1) * 86_400_000) },
      applicant: { state: "ACTIVE", exempt: false, OR: [{ emailVerifiedAt: { not: null } }, { phoneVerifiedAt: { not: null } }] },
    },
    select: { id: true, availableAt: true, applicant: { select: { id: true, language: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true } } },
    take: 5_000,
  });
  let reminded = 0;
  let messages = 0;
  for (const document of documents) {
    const availableAt = document.availableAt!;
    const step = [...days].reverse().find((day) => reminderDueAt(availableAt, day) <= now);
    if (step === undefined || endOfPeriod(availableAt) <= now) continue;
    const { applicant } = document;
    const params = { url: portalUrl(applicant.language, "/connexion"), dueDate: isoCalendarDate(lastDayOfPeriod(availableAt)) };
    const channels = confirmedChannels(applicant);
    let sent = 0;
    await db().$transaction(async (tx) => {
      for (const { channel, recipient } of channels) {
        const written = await enqueueMessage(tx, {
          channel, recipient, template: "document-reminder", locale: applicant.language, params, applicantId: applicant.id, documentId: document.id,
          dedupeKey: `document-reminder:${document.id}:day${step}:${channel}`,
        });
        if (written) sent++;
      }
    });
    if (sent > 0) reminded++;
    messages += sent;
  }
  return { documents: reminded, messages };
}
