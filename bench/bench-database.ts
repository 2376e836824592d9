// A throw-away database and configuration for the benchmarks, so that they run
// the real server code (src/server/env.ts reads process.env) without touching
// anyone's data: a fresh embedded PostgreSQL in a temporary folder (as
// tests/setup/global-database.ts does), or, when DATABASE_URL is set, a new
// database on that server. Migrations applied; everything removed at the end.
// Local defaults on purpose: built-in TSA, generated dev seal, filesystem blobs.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "../src/server/db/client";
import { applyMigrations } from "../src/server/db/migrate";
import { resetEnvForTests } from "../src/server/env";
import { startEmbeddedPostgres } from "../src/server/local/embedded-postgres";
import { freePort } from "../src/server/local/free-port";

export type BenchDatabase = {
  /** URL of the benchmark's own database (also in process.env.DATABASE_URL). */
  url: string;
  /** "embedded PostgreSQL 18.x" or "DATABASE_URL server, PostgreSQL …". */
  description: string;
  dispose(): Promise<void>;
};

const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "epns-bench-"));
  const given = process.env.DATABASE_URL;
  let serverUrl: string;
  let stopServer = async () => {};
  if (given) {
    serverUrl = withDatabase(given, "postgres");
  } else {
    log("starting a throw-away embedded PostgreSQL");
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort() });
    serverUrl = server.serverUrl;
    stopServer = async () => {
      await server.stop();
      await rm(server.dataDir, { recursive: true, force: true });
    };
  }

  const database = `epns_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = withDatabase(serverUrl, database);
  await applyMigrations(url);

  for (const key of ["TSA_URL", "TSA_CA_PEM_PATH", "SEAL_P12_PATH", "SEAL_P12_PASSWORD", "SMTP_URL", "SMS_API_URL"]) delete process.env[key];
  Object.assign(process.env, {
    DATABASE_URL: url,
    APP_SECRET: randomBytes(32).toString("base64"),
    BLOB_MASTER_KEY: randomBytes(32).toString("base64"),
    BLOB_STORE: "fs",
    BLOB_DIR: path.join(dir, "blobs"),
    LOCAL_DATA_DIR: dir,
  });
  resetEnvForTests();

  const version = await serverVersion(url);
  return {
    url,
    description: given ? `DATABASE_URL server, PostgreSQL ${version}` : `embedded PostgreSQL ${version}`,
    dispose: async () => {
      await disconnectDb();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
