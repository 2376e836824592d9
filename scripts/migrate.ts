// Production: apply the SQL migrations to DATABASE_URL (`npm run db:migrate`).
import { checkDatabaseConnection } from "../src/server/db/check-connection";
import { applyMigrations } from "../src/server/db/migrate";
import { databaseUrlFromEnv } from "../src/server/env";

try {
  const DATABASE_URL = databaseUrlFromEnv();
  await checkDatabaseConnection(DATABASE_URL);
  const applied = await applyMigrations(DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
