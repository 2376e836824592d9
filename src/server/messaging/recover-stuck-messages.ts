// A message still SENDING long after its attempt started was left by a deliverer
// that stopped (crash, restart): its attempt is closed as interrupted and the
// message becomes due again (or final, once it has had all its attempts, its
// recipient then cleared as for any final message). Sends are bounded to about
// a minute (see the transports), far below SENDING_TIMEOUT_MS.
import { db } from "../db/client";
import { MAX_ATTEMPTS, SENDING_TIMEOUT_MS } from "./retry-policy";

export const INTERRUPTED = "interrupted: no outcome recorded";

/** Returns how many messages were taken back. */
export async function recoverStuckMessages(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - SENDING_TIMEOUT_MS);
  return db().$executeRaw`
    WITH stuck AS (
      SELECT m.id, m.attempts
        FROM outbox_message m
        JOIN outbox_attempt a ON a.message_id = m.id AND a.number = m.attempts
       WHERE m.status = 'SENDING' AND a.started_at < ${cutoff}
         FOR UPDATE OF m SKIP LOCKED
    ), closed AS (
      UPDATE outbox_attempt a
         SET status = 'TEMPORARY_FAILURE', error = ${INTERRUPTED}, finished_at = ${now}
        FROM stuck
       WHERE a.message_id = stuck.id AND a.number = stuck.attempts
    )
    UPDATE outbox_message m
       SET status = (CASE WHEN m.attempts >= ${MAX_ATTEMPTS} THEN 'PERMANENT_FAILURE' ELSE 'TEMPORARY_FAILURE' END)::"OutboxStatus",
           recipient = CASE WHEN m.attempts >= ${MAX_ATTEMPTS} THEN NULL ELSE m.recipient END,
           last_error = ${INTERRUPTED},
           next_attempt_at = ${now}
      FROM stuck
     WHERE m.id = stuck.id`;
}
