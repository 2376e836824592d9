// `npm run worker`: the pg-boss worker (src/worker). Production runs it as its
// own service (docker-compose.yml); `npm run dev` starts one next to the app.
import { env } from "../src/server/env";
import { startWorker } from "../src/worker/start-worker";

function log(line: string) {
  console.log(`[worker] ${line}`);
}

try {
  const worker = await startWorker(env().DATABASE_URL, log);
  log("started");
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (error) {
  console.error(`[worker] could not start: ${(error as Error).message}`);
  process.exit(1);
}
