// The first delivery attempt, in the web process: kickOutbox() is called by a
// use case right after the commit that enqueued messages, so that a recovery
// code arrives in seconds. Fire-and-forget: it never throws; a run already
// under way is followed by one more run. Retries and anything a kick missed
// are the worker's (src/worker/periodic-jobs.ts, every minute).
// Runs never overlap within a process; across processes, claim-due-messages.ts
// keeps each message to one deliverer. Logs hold counts and error names only,
// no address, number or text (seed 003).
import { deliverDueMessages } from "./deliver-due-messages";

type OutboxLoop = { running?: Promise<void>; again: boolean };

// On globalThis so that a hot reload in development does not start a second loop.
const holder = globalThis as unknown as { epnsOutboxLoop?: OutboxLoop };
const loop = (holder.epnsOutboxLoop ??= { again: false });

function describe(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  return [e.name, e.code].filter((part) => typeof part === "string" && /^[\w.-]{1,40}$/.test(part)).join(" ") || "unknown error";
}

async function run(): Promise<void> {
  try {
    do {
      loop.again = false;
      try {
        const counts = await deliverDueMessages();
        if (counts.claimed > 0 || counts.recovered > 0) {
          console.info(
            `[outbox] ${counts.delivered} delivered, ${counts.temporaryFailures} to retry, ${counts.permanentFailures} failed, ${counts.recovered} taken back`,
          );
        }
      } catch (error) {
        console.error(`[outbox] delivery run failed: ${describe(error)}`);
      }
    } while (loop.again);
  } finally {
    loop.running = undefined;
  }
}

/** Delivers what is due, in the background. The promise (never rejected) settles when the run ends. */
export function kickOutbox(): Promise<void> {
  if (loop.running) {
    loop.again = true;
    return loop.running;
  }
  loop.running = run();
  return loop.running;
}
