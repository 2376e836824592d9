// Gives this vitest worker its own database, cloned from the migrated template,
// and the configuration the server code reads through src/server/env.ts.
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { TEMPLATE_DATABASE, withDatabase } from "./database-urls";

const serverUrl = inject("databaseServerUrl");
const database = `epns_test_w${process.env.VITEST_POOL_ID ?? "0"}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
try {
  // Serialised: PostgreSQL refuses to copy a template that another session is copying.
  await admin.query("SELECT pg_advisory_lock(4242017002)");
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`);
} finally {
  await admin.query("SELECT pg_advisory_unlock(4242017002)").catch(() => undefined);
  await admin.end();
}

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: withDatabase(serverUrl, database),
  APP_SECRET: Buffer.alloc(32, 1).toString("base64"),
  BLOB_MASTER_KEY: Buffer.alloc(32, 2).toString("base64"),
});
resetEnvForTests();

afterAll(async () => {
  await disconnectDb();
});
