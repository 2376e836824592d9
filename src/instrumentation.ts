// Next.js calls register() once when a server process starts.
// NEXT_RUNTIME is set by Next.js itself (not configuration, which only
// src/server/env.ts reads): the outbox is delivered by Node.js server processes
// only, never from the edge runtime. The module is imported dynamically so that
// nodemailer and twilio stay out of other runtimes' bundles.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxPolling } = await import("./server/messaging/kick-outbox");
  // Temporary: the pg-boss worker of the document-lifecycle issue replaces this
  // in-process polling (it will call deliverDueMessages itself).
  startOutboxPolling(15_000);
}
