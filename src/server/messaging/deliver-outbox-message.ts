// Sends one claimed message (see claim-due-messages.ts) outside any transaction,
// then records the outcome on the message and on its attempt. Once a message is
// final (DELIVERED or PERMANENT_FAILURE) its recipient is cleared: the address
// or number was only needed to send it (data minimisation, seed 003). The error
// stored is a DeliveryError detail, which never holds the address (seed 003).
import { db } from "../db/client";
import type { OutboxStatus } from "../db/generated/client";
import type { ClaimedMessage } from "./claim-due-messages";
import { DeliveryError, toDeliveryError } from "./delivery-error";
import { sendEmail } from "./email-transport";
import { renderMessage } from "./render-message";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";
import { sendSms } from "./sms-transport";
import { SECRET_MESSAGE_MAX_AGE_MS, type MessageTemplate } from "./templates";

export type DeliveryOutcome = "DELIVERED" | "TEMPORARY_FAILURE" | "PERMANENT_FAILURE";

function paramsOf(message: ClaimedMessage): Record<string, unknown> {
  return typeof message.params === "object" && message.params !== null ? (message.params as Record<string, unknown>) : {};
}

async function send(message: ClaimedMessage, now: Date): Promise<void> {
  if (!message.recipient) throw new DeliveryError("permanent", "no recipient");
  const maxAge = SECRET_MESSAGE_MAX_AGE_MS[message.template as MessageTemplate];
  if (maxAge !== undefined && now.getTime() - new Date(message.createdAt).getTime() > maxAge) {
    throw new DeliveryError("permanent", "expired before delivery");
  }
  const params = paramsOf(message);
  const locale = typeof params.locale === "string" ? params.locale : "fr";
  if (message.channel === "EMAIL") await sendEmail(message.recipient, renderMessage(message.template, "EMAIL", locale, params));
  else await sendSms(message.recipient, renderMessage(message.template, "SMS", locale, params));
}

function outcomeOf(message: ClaimedMessage, failure: DeliveryError | undefined, now: Date) {
  // A final message keeps its language only: no code or link stays at rest.
  const finalParams = { locale: paramsOf(message).locale ?? "fr" };
  if (!failure) {
    const delivered = { status: "DELIVERED" as const, deliveredAt: now, recipient: null, params: finalParams, lastError: null };
    return { status: "DELIVERED" as const, attemptStatus: "DELIVERED" as OutboxStatus, message: delivered };
  }
  const attemptStatus: OutboxStatus = failure.kind === "permanent" ? "PERMANENT_FAILURE" : "TEMPORARY_FAILURE";
  if (failure.kind === "permanent" || message.attempts >= MAX_ATTEMPTS) {
    const lastError = failure.kind === "permanent" ? failure.detail : `${failure.detail}; given up after ${message.attempts} attempts`;
    return { status: "PERMANENT_FAILURE" as const, attemptStatus, message: { status: "PERMANENT_FAILURE" as const, recipient: null, params: finalParams, lastError } };
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(message.attempts));
  return { status: "TEMPORARY_FAILURE" as const, attemptStatus, message: { status: "TEMPORARY_FAILURE" as const, lastError: failure.detail, nextAttemptAt } };
}

export async function deliverOutboxMessage(message: ClaimedMessage, clock: () => Date = () => new Date()): Promise<DeliveryOutcome> {
  const failure = await send(message, clock()).then(
    () => undefined,
    (error: unknown) => toDeliveryError(error),
  );
  const now = clock();
  const outcome = outcomeOf(message, failure, now);
  await db().$transaction(async (tx) => {
    // Still this attempt's: SENDING, or TEMPORARY_FAILURE if recover-stuck-messages
    // gave up on it meanwhile (the real outcome then replaces "interrupted").
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, attempts: message.attempts, status: { in: ["SENDING", "TEMPORARY_FAILURE"] } },
      data: outcome.message,
    });
    if (count === 0) return;
    await tx.outboxAttempt.update({
      where: { messageId_number: { messageId: message.id, number: message.attempts } },
      data: { status: outcome.attemptStatus, error: failure?.detail ?? null, finishedAt: now },
    });
  });
  return outcome.status;
}
