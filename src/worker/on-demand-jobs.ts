// Jobs the web process sends (src/server/jobs/send-job.ts) for work to start at
// once rather than at the next minute's sweep: a confirmed batch (issue #6,
// point 3). Idempotent like the periodic jobs: a retry or a second worker on
// the same batch publishes each row once (process-document-batch.ts).
import { DOCUMENT_BATCH_JOB } from "../server/document-batches/confirm-document-batch";
import { processDocumentBatch } from "../server/document-batches/process-document-batch";

export type OnDemandJob = {
  name: string;
  /** Returns counts only (logs carry no personal data). */
  run: (data: Record<string, unknown>) => Promise<Record<string, number>>;
};

export const ON_DEMAND_JOBS: readonly OnDemandJob[] = [
  { name: DOCUMENT_BATCH_JOB, run: async (data) => (typeof data.batchId === "string" ? { ...(await processDocumentBatch(data.batchId)) } : {}) },
];
