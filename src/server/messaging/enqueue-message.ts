// Writes an outbox row in the caller's transaction: the message leaves only if
// the change that causes it commits, and is delivered later by the outbox
// worker (src/server/messaging/deliver-due-messages.ts). Seed 003: messages
// carry no personal data and never ask for a password, so params hold only
// codes, links to the portal and dates.
import type { TransactionClient } from "../db/client";
import type { MessageTemplate } from "./templates";

export type EnqueueMessageInput = {
  channel: "EMAIL" | "SMS";
  template: MessageTemplate;
  /** E-mail address or E.164 number. */
  recipient: string;
  /** Language of the message: the applicant's language. */
  locale: string;
  params?: Record<string, string>;
  applicantId?: string;
  documentId?: string;
  /** "Never twice for the same step": a second row with this key is not written. */
  dedupeKey?: string;
};

/** Returns false when a message with the same dedupeKey already exists. */
export async function enqueueMessage(tx: TransactionClient, input: EnqueueMessageInput): Promise<boolean> {
  // ON CONFLICT (dedupe_key) DO NOTHING: two writers racing on the same step write one row.
  const { count } = await tx.outboxMessage.createMany({
    skipDuplicates: true,
    data: {
      channel: input.channel,
      template: input.template,
      recipient: input.recipient,
      params: { ...input.params, locale: input.locale },
      applicantId: input.applicantId,
      documentId: input.documentId,
      dedupeKey: input.dedupeKey,
    },
  });
  return count === 1;
}
