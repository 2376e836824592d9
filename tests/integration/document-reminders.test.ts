// Reminders of an unopened document (issue #5 point 6, seed 000 art. 6): day 7
// and day 13 at 09:00 Paris time; never after opening or the deadline; never
// twice for the same step.
import { describe, expect, it } from "vitest";
import { endOfPeriod } from "../../src/lib/fifteen-day-period";
import { openDocument } from "../../src/server/documents/open-document";
import { reminderDueAt, sendDocumentReminders } from "../../src/server/documents/send-document-reminders";
import { db } from "../../src/server/db/client";
import { createActiveApplicant, createAvailableDocument } from "../factories";

const availableAt = new Date("2026-11-02T14:00:00Z"); // Monday 2 November, 15:00 in Paris

async function unopenedDocument() {
  const { applicant } = await createActiveApplicant({
    email: `rem-${Math.random().toString(36).slice(2)}@example.org`,
    emailVerifiedAt: new Date(),
    phone: `+3365${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
    phoneVerifiedAt: new Date(),
  });
  const document = await createAvailableDocument({ applicantId: applicant.id, availableAt, deadlineAt: endOfPeriod(availableAt) });
  return { applicant, document };
}

const reminders = async (documentId: string) =>
  (await db().outboxMessage.findMany({ where: { documentId, template: "document-reminder" }, select: { dedupeKey: true } })).map((m) => m.dedupeKey!.split(":").slice(2).join(":")).sort();

describe("document reminders", () => {
  it("are due at 09:00 Paris time on day 7 and day 13", () => {
    expect(reminderDueAt(availableAt, 7).toISOString()).toBe("2026-11-09T08:00:00.000Z");
    expect(reminderDueAt(availableAt, 13).toISOString()).toBe("2026-11-15T08:00:00.000Z");
  });

  it("go out on day 7 by e-mail and SMS, once, then on day 13", async () => {
    const { document } = await unopenedDocument();
    const day7 = reminderDueAt(availableAt, 7);
    await sendDocumentReminders(new Date(day7.getTime() - 1000));
    expect(await reminders(document.id)).toEqual([]);
    await sendDocumentReminders(day7);
    await sendDocumentReminders(new Date(day7.getTime() + 3_600_000));
    expect(await reminders(document.id)).toEqual(["day7:EMAIL", "day7:SMS"]);
    await sendDocumentReminders(reminderDueAt(availableAt, 13));
    expect(await reminders(document.id)).toEqual(["day13:EMAIL", "day13:SMS", "day7:EMAIL", "day7:SMS"]);
  });

  it("send only the latest step when the job was down", async () => {
    const { document } = await unopenedDocument();
    await sendDocumentReminders(new Date(reminderDueAt(availableAt, 13).getTime() + 3_600_000));
    expect(await reminders(document.id)).toEqual(["day13:EMAIL", "day13:SMS"]);
  });

  it("never after the first opening, never after the deadline", async () => {
    const opened = await unopenedDocument();
    await openDocument({ applicantId: opened.applicant.id, sessionId: "s", language: "fr" }, opened.document.id, { ip: null, userAgent: null }, new Date("2026-11-05T10:00:00Z"));
    await sendDocumentReminders(reminderDueAt(availableAt, 7));
    expect(await reminders(opened.document.id)).toEqual([]);

    const late = await unopenedDocument();
    await sendDocumentReminders(endOfPeriod(availableAt));
    expect(await reminders(late.document.id)).toEqual([]);
  });
});
