// Creates a database on a server unless it exists, optionally as a copy of a
// template. Serialised by an advisory lock: PostgreSQL refuses to copy a
// template that another session is copying.
import pg from "pg";

const DATABASE_NAME = /^[a-z_][a-z0-9_]*$/;
/** Arbitrary constant shared by every EPNS process: pg_advisory_lock key. */
const LOCK_KEY = 4_242_017_002;

/** serverUrl: any database of the server, usually "postgres". */
export async function createDatabaseIfMissing(serverUrl: string, database: string, template?: string): Promise<void> {
  if (!DATABASE_NAME.test(database)) throw new Error(`Invalid database name: ${database}`);
  if (template && !DATABASE_NAME.test(template)) throw new Error(`Invalid template name: ${template}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
