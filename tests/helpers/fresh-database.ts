// Points this test file's db() at a database of its own, cloned from the
// migrated template: for tests of whole-table jobs (the audit chain, the
// retention jobs) that must not see the rows other test files of the same
// vitest worker left in the worker's database. Call switchToFreshDatabase()
// again for another clean one; restoreWorkerDatabase() in afterAll.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
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

/**
 * The hooks of a whole-table test file that also timestamps with the built-in
 * TSA: a fresh database before each test, `dataDir` as LOCAL_DATA_DIR (the
 * built-in TSA and its development CA) without TSA_URL, all undone afterwards.
 */
export function freshDatabasesWithBuiltInTsa(dataDir: string): void {
  beforeAll(() => {
    process.env.LOCAL_DATA_DIR = dataDir;
    delete process.env.TSA_URL;
    resetEnvForTests();
  });
  beforeEach(async () => {
    await switchToFreshDatabase();
  });
  afterAll(async () => {
    await restoreWorkerDatabase();
    delete process.env.LOCAL_DATA_DIR;
    resetEnvForTests();
  });
}
