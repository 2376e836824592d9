// Periodic work run inside the server process until the pg-boss worker of the
// document-lifecycle issue (npm run worker) takes it over. Each job is safe to
// run in several replicas at once: the outbox claims rows with SKIP LOCKED,
// login reminders are deduplicated per period (outbox dedupe key).
import { sendLoginReminders } from "../applicant-accounts/send-login-reminders";
import { kickOutbox, startOutboxPolling } from "../messaging/kick-outbox";

const OUTBOX_INTERVAL_MS = 15_000;
const REMINDERS_INTERVAL_MS = 60 * 60_000;

const holder = globalThis as unknown as { epnsJobs?: boolean };

export function startInProcessJobs(): void {
  if (holder.epnsJobs) return;
  holder.epnsJobs = true;
  startOutboxPolling(OUTBOX_INTERVAL_MS);
  const remind = async () => {
    try {
      const { messages } = await sendLoginReminders();
      if (messages > 0) {
        console.info(`[jobs] ${messages} login reminder(s) queued`);
        void kickOutbox();
      }
    } catch (error) {
      console.error(`[jobs] login reminders failed: ${(error as Error)?.name ?? "unknown error"}`);
    }
  };
  setTimeout(() => void remind(), 30_000).unref();
  setInterval(() => void remind(), REMINDERS_INTERVAL_MS).unref();
}
