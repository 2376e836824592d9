// Delivers the outbox: takes back interrupted sends, then claims due messages in
// small batches and sends each batch in parallel, until nothing is due. Called
// in-process by kick-outbox.ts for now; the pg-boss worker of the
// document-lifecycle issue will call this same function.
import { claimDueMessages } from "./claim-due-messages";
import { deliverOutboxMessage, type DeliveryOutcome } from "./deliver-outbox-message";
import { recoverStuckMessages } from "./recover-stuck-messages";

export type DeliveryCounts = { recovered: number; claimed: number; delivered: number; temporaryFailures: number; permanentFailures: number };

export type DeliverDueMessagesOptions = {
  /** The time to act at (tests move it forward); default: the clock. */
  now?: Date;
  batchSize?: number;
  /** Bounds one run; what is left is taken by the next run. */
  maxBatches?: number;
};

const COUNTER: Record<DeliveryOutcome, keyof DeliveryCounts> = {
  DELIVERED: "delivered",
  TEMPORARY_FAILURE: "temporaryFailures",
  PERMANENT_FAILURE: "permanentFailures",
};

export async function deliverDueMessages(options: DeliverDueMessagesOptions = {}): Promise<DeliveryCounts> {
  const clock = () => options.now ?? new Date();
  const batchSize = options.batchSize ?? 10;
  const counts: DeliveryCounts = { recovered: await recoverStuckMessages(clock()), claimed: 0, delivered: 0, temporaryFailures: 0, permanentFailures: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const messages = await claimDueMessages(clock(), batchSize);
    counts.claimed += messages.length;
    // One message's failure to record its outcome (database down) does not stop
    // the others of the batch; it stays SENDING and is taken back later.
    const results = await Promise.allSettled(messages.map((message) => deliverOutboxMessage(message, clock)));
    for (const result of results) if (result.status === "fulfilled") counts[COUNTER[result.value]]++;
    const rejected = results.find((result) => result.status === "rejected");
    if (rejected) throw rejected.reason;
    if (messages.length < batchSize) break;
  }
  return counts;
}
