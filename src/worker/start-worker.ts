// Starts the pg-boss worker on the application's PostgreSQL (its tables live in
// the "pgboss" schema): the periodic jobs are scheduled and worked here.
import PgBoss from "pg-boss";
import { ON_DEMAND_JOBS, type OnDemandJob } from "./on-demand-jobs";
import { PERIODIC_JOBS, type PeriodicJob } from "./periodic-jobs";

export type RunningWorker = { boss: PgBoss; stop(): Promise<void> };

function describe(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  return typeof name === "string" ? name : "unknown error";
}

export async function startWorker(databaseUrl: string, log: (line: string) => void, jobs: readonly PeriodicJob[] = PERIODIC_JOBS, onDemand: readonly OnDemandJob[] = ON_DEMAND_JOBS): Promise<RunningWorker> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 4 });
  boss.on("error", (error) => log(`pg-boss error: ${describe(error)}`));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 });
    await boss.schedule(job.name, job.cron, {}, { tz: "Europe/Paris" });
    await boss.work(job.name, async () => {
      const started = Date.now();
      try {
        const counts = await job.run();
        const worked = Object.values(counts).some((n) => n > 0);
        if (worked) log(`${job.name}: ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
        return counts;
      } catch (error) {
        log(`${job.name} failed: ${describe(error)}`);
        throw error;
      }
    });
  }
  for (const job of onDemand) {
    // One job per key at a time (the web sends the batch id as singletonKey); polled every second.
    await boss.createQueue(job.name, { name: job.name, policy: "standard", retryLimit: 3, retryDelay: 30, expireInSeconds: 15 * 60 });
    await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: 1 }, async ([received]) => {
      try {
        const counts = await job.run(received?.data ?? {});
        log(`${job.name}: ${JSON.stringify(counts)}`);
        return counts;
      } catch (error) {
        log(`${job.name} failed: ${describe(error)}`);
        throw error;
      }
    });
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
