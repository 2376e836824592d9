// Next.js calls register() once when a server process starts.
// NEXT_RUNTIME is set by Next.js itself (not configuration, which only
// src/server/env.ts reads): periodic jobs run in Node.js server processes only,
// never from the edge runtime. The module is imported dynamically so that
// nodemailer and twilio stay out of other runtimes' bundles.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessJobs } = await import("./server/jobs/start-in-process-jobs");
  // Temporary: the pg-boss worker of the document-lifecycle issue replaces this.
  startInProcessJobs();
}
