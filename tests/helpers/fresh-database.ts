// Points this test file's db() at a database of its own, cloned from the
// migrated template: for tests of whole-table jobs (the audit chain, the
// retention jobs) that must not see the rows other test files of the same
// vitest worker left in the worker's database. Call switchToFreshDatabase()
// again for another clean one; restoreWorkerDatabase() in afterAll.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing } from "../../src/server/db/create-database";
import { disconnectDb } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { TEMPLATE_DATABASE, withDatabase } from "../setup/database-urls";

const workerUrl = process.env.DATABASE_URL;

/** Creates a fresh migrated database, makes it this process's DATABASE_URL, and returns its URL. */
export async function switchToFreshDatabase(): Promise<string> {
  const serverUrl = inject("databaseServerUrl");
  // "epns_test_" prefix: the global setup drops these at the start of the next run.
  const name = `epns_test_w${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(serverUrl, name, TEMPLATE_DATABASE);
  await disconnectDb();
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  resetEnvForTests();
  return process.env.DATABASE_URL;
}

export async function restoreWorkerDatabase(): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = workerUrl;
  resetEnvForTests();
}
