// Integration tests run against a real PostgreSQL: the embedded one by default
// (a fresh server in a temporary folder), or the server of DATABASE_URL when set.
// The migrations are applied once to a template database; each worker clones it
// (tests/setup/worker-database.ts).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/server/db/migrate";
import { startEmbeddedPostgres } from "../../src/server/local/embedded-postgres";
import { freePort } from "../../src/server/local/free-port";
import { TEMPLATE_DATABASE, withDatabase } from "./database-urls";

/**
 * vitest 4 reports a failing global setup but still exits with code 0 (checked:
 * an unreachable DATABASE_URL gave "exit 0"), which would let `npm test` go on
 * and CI pass without a single integration test. So a setup failure ends the
 * process with code 1 itself.
 */
export default async function setup(project: TestProject) {
  try {
    return await prepare(project);
  } catch (error) {
    console.error(`[tests] the test database could not be prepared: ${(error as Error).message}`);
    process.exit(1);
  }
}

async function prepare(project: TestProject) {
  let serverUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "epns-vitest-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort() });
    serverUrl = server.serverUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(server.dataDir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'epns_test_%'");
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await applyMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));

  project.provide("databaseServerUrl", serverUrl);
  return stopServer;
}
