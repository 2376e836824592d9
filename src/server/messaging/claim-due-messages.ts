// Claims the messages due now for this deliverer, in one short transaction:
// FOR UPDATE SKIP LOCKED lets concurrent deliverers (in-process runs, server
// replicas, later the pg-boss workers) each take different rows, and the row
// leaves the due set (status SENDING) before the transaction commits, so no
// message is ever claimed twice. Each claim opens an OutboxAttempt.
import { db } from "../db/client";

export type ClaimedMessage = {
  id: string;
  channel: "EMAIL" | "SMS";
  template: string;
  recipient: string | null;
  params: unknown;
  /** The number of this attempt (1 for the first). */
  attempts: number;
  createdAt: Date;
};

export async function claimDueMessages(now: Date, limit: number): Promise<ClaimedMessage[]> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<ClaimedMessage[]>`
      UPDATE outbox_message m
         SET status = 'SENDING', attempts = m.attempts + 1
        FROM (SELECT id FROM outbox_message
               WHERE status IN ('QUEUED', 'TEMPORARY_FAILURE') AND next_attempt_at <= ${now}
               ORDER BY next_attempt_at
               LIMIT ${limit}
               FOR UPDATE SKIP LOCKED) due
       WHERE m.id = due.id
   RETURNING m.id::text AS id, m.channel::text AS channel, m.template, m.recipient, m.params, m.attempts, m.created_at AS "createdAt"`;
    if (claimed.length > 0) {
      await tx.outboxAttempt.createMany({
        data: claimed.map((message) => ({ messageId: message.id, number: message.attempts, status: "SENDING" as const, startedAt: now })),
      });
    }
    return claimed;
  });
}
