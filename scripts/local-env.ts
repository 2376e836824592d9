// The configuration of the running local stack (npm run dev / start:local),
// written by scripts/run.ts to LOCAL_DATA_DIR/local-env.json (mode 0600) so
// that command-line tools (npm run key:issue, e2e fixtures) can reach the same
// embedded database and secrets. Never used when DATABASE_URL is given: then
// the tool runs on the process's own environment, as in production.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ZEnv } from "../src/server/env";

export const LOCAL_ENV_FILE = "local-env.json";

/** Only the configuration (src/server/env.ts) is written, never the rest of the launcher's environment. */
export async function writeLocalEnv(dataDir: string, vars: Record<string, string>, extraFile?: string): Promise<void> {
  const known = new Set(Object.keys(ZEnv.shape));
  const text = JSON.stringify(Object.fromEntries(Object.entries(vars).filter(([key]) => known.has(key))), null, 2);
  await writeFile(path.join(dataDir, LOCAL_ENV_FILE), text, { mode: 0o600 });
  if (extraFile) await writeFile(extraFile, text, { mode: 0o600 });
}

/** Fills process.env from the local stack's file when DATABASE_URL is not set. */
export function loadLocalEnvIfUnconfigured(file = path.resolve(process.env.LOCAL_DATA_DIR ?? ".data", LOCAL_ENV_FILE)): void {
  if (process.env.DATABASE_URL) return;
  let vars: Record<string, string>;
  try {
    vars = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`DATABASE_URL is not set and no running local stack was found (${file}). Start \`npm run dev\` first, or set DATABASE_URL.`);
  }
  for (const [key, value] of Object.entries(vars)) process.env[key] ??= value;
}
