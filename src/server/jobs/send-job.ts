// Hands a job to the pg-boss worker (src/worker) from the web process, so that
// it starts within seconds. Best effort: the worker's periodic sweep finds the
// same work within a minute if the job cannot be sent (worker never started,
// database busy), so a failure here is logged (name only) and swallowed.
import PgBoss from "pg-boss";
import { env } from "../env";

const holder = globalThis as unknown as { epnsJobSender?: Promise<PgBoss> };

async function sender(): Promise<PgBoss> {
  // Sends only: no maintenance, no schedules, no schema changes (the worker owns those).
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false });
  boss.on("error", () => undefined);
  await boss.start();
  return boss;
}

/** True when the job was queued. */
export async function sendJob(name: string, data: Record<string, string>, options: { singletonKey?: string } = {}): Promise<boolean> {
  try {
    holder.epnsJobSender ??= sender();
    const boss = await holder.epnsJobSender;
    return (await boss.send(name, data, options)) !== null;
  } catch (error) {
    holder.epnsJobSender = undefined;
    console.warn(`[jobs] could not queue ${name} (${(error as Error)?.name ?? "error"}): the worker's sweep will take it`);
    return false;
  }
}

/** Closes the sender's connections (tests, scripts that end). */
export async function stopJobSender(): Promise<void> {
  const pending = holder.epnsJobSender;
  holder.epnsJobSender = undefined;
  if (pending) await (await pending.catch(() => undefined))?.stop({ graceful: false, wait: true, close: true });
}
