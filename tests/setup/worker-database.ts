// Gives this vitest worker its own database, cloned from the migrated template,
// and the configuration the server code reads through src/server/env.ts.
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../src/server/db/client";
import { createDatabaseIfMissing } from "../../src/server/db/create-database";
import { resetEnvForTests } from "../../src/server/env";
import { TEMPLATE_DATABASE, withDatabase } from "./database-urls";

const serverUrl = inject("databaseServerUrl");
const database = `epns_test_w${process.env.VITEST_POOL_ID ?? "0"}`;

await createDatabaseIfMissing(serverUrl, database, TEMPLATE_DATABASE);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: withDatabase(serverUrl, database),
  APP_SECRET: Buffer.alloc(32, 1).toString("base64"),
  BLOB_MASTER_KEY: Buffer.alloc(32, 2).toString("base64"),
  // OWASP's minimum argon2id cost, the lowest the configuration accepts: fast tests, same code path.
  ARGON2_MEMORY_KIB: "19456",
  ARGON2_TIME_COST: "2",
});
resetEnvForTests();

afterAll(async () => {
  await disconnectDb();
});
