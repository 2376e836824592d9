// The periodic jobs of the worker (issue #5: "npm run worker"), each a call to
// the same use case the rest of the app uses. pg-boss sends one job per cron
// tick whatever the number of workers; the "singleton" queue policy keeps one
// run of a job active at a time. Each job is idempotent: a rerun after a crash
// does nothing twice (outbox claims, dedupe keys).
import { sendLoginReminders } from "../server/applicant-accounts/send-login-reminders";
import { deemDueDocuments } from "../server/documents/deem-due-documents";
import { publishPendingDocuments } from "../server/documents/publish-pending-documents";
import { sendDocumentReminders } from "../server/documents/send-document-reminders";
import { deliverDueMessages } from "../server/messaging/deliver-due-messages";
import { completePendingReceipts } from "../server/receipts/complete-pending-receipts";
import { anchorAuditChain } from "../server/audit/anchor-audit-chain";
import { deactivateExpiredSpaces } from "../server/retention/deactivate-expired-spaces";
import { eraseEndedAccounts } from "../server/retention/erase-ended-accounts";
import { eraseExpiredProofs } from "../server/retention/erase-expired-proofs";
import { purgeAuditEvents } from "../server/retention/purge-audit-events";
import { purgeConnectionLogs } from "../server/retention/purge-connection-logs";
import { reportOverdueActivations } from "../server/retention/report-overdue-activations";
import { sendDeactivationNotices } from "../server/retention/send-deactivation-notices";

export type PeriodicJob = {
  name: string;
  /** Cron in Europe/Paris time (pg-boss: minute granularity). */
  cron: string;
  /** Returns counts only (logs carry no personal data). */
  run: () => Promise<Record<string, number>>;
};

export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  // Retries of e-mails and SMS (the first try happens right after the request that queued them).
  { name: "outbox-deliver", cron: "* * * * *", run: async () => ({ ...(await deliverDueMessages()) }) },
  // seed 000, art. 6: documents whose publication waits for the TSA.
  { name: "documents-publish-pending", cron: "* * * * *", run: () => publishPendingDocuments() },
  // seed 000, art. 6: unopened at 24:00 (Paris) on the 15th day → deemed received.
  { name: "documents-deadline", cron: "* * * * *", run: () => deemDueDocuments() },
  // seed 000, art. 6: réception tokens delayed by a TSA outage, and every receipt's sealed PDF.
  { name: "receipts-complete", cron: "* * * * *", run: () => completePendingReceipts() },
  // Issue #5: reminders of unopened documents (day 7 and day 13 at 09:00 Paris time).
  { name: "documents-reminders", cron: "*/15 * * * *", run: () => sendDocumentReminders() },
  // seed 000, art. 4: the 15-day login duty.
  { name: "login-reminders", cron: "17 * * * *", run: async () => ({ ...(await sendLoginReminders()) }) },
  // seed 000, art. 5: the audit chain's head at the end of each Paris day, timestamped (hourly: a TSA outage is caught up).
  { name: "audit-anchor", cron: "5 * * * *", run: async () => ({ ...(await anchorAuditChain()) }) },
  // Issue #7, point 2 (docs/decisions/010-audit-chain-and-retention.md).
  // seed 000, art. 9: the space is deactivated at most one year after the decision (checked every minute).
  { name: "spaces-deactivate", cron: "* * * * *", run: async () => ({ ...(await deactivateExpiredSpaces()) }) },
  // seed 000, art. 9: notices 30 and 7 days before, to download everything first.
  { name: "spaces-deactivation-notices", cron: "25 * * * *", run: async () => ({ ...(await sendDeactivationNotices()) }) },
  // Accounts not activated in time, reported to OFPRA agents and the host structure.
  { name: "activation-overdue-report", cron: "35 * * * *", run: async () => ({ ...(await reportOverdueActivations()) }) },
  // seed 003: connection logs kept one year (sessions, login history; the audit log by whole anchored days).
  { name: "connection-logs-purge", cron: "30 3 * * *", run: async () => ({ ...(await purgeConnectionLogs()) }) },
  { name: "audit-purge", cron: "45 3 * * *", run: async () => ({ ...(await purgeAuditEvents()) }) },
  // Proofs kept until the decision can no longer be challenged + the legal period, then erased with their blobs.
  { name: "proofs-erase", cron: "15 4 * * *", run: async () => ({ ...(await eraseExpiredProofs()) }) },
  // Accounts whose procedure has ended and whose documents are gone.
  { name: "accounts-erase", cron: "45 4 * * *", run: async () => ({ ...(await eraseEndedAccounts()) }) },
];
