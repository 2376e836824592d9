// Applies prisma/migrations/NNNN_name/migration.sql in order, each in its own
// transaction, under an advisory lock so concurrent starts cannot race.
// An applied migration whose file changed is an error, never re-run.
// Why plain SQL: docs/decisions/002-sql-migrations-with-prisma-client.md.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+$/;
/** Arbitrary constant shared by every EPNS process: pg_advisory_lock key. */
const LOCK_KEY = 4_242_017_001;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export async function readMigrations(dir = defaultMigrationsDir()): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const bad = names.filter((n) => !MIGRATION_NAME.test(n));
  if (bad.length > 0) throw new MigrationError(`Badly named migration folder(s): ${bad.join(", ")} (expected NNNN_snake_case)`);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies pending migrations; returns the names applied by this call. */
export async function applyMigrations(databaseUrl: string, dir = defaultMigrationsDir()): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS _epns_migration (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _epns_migration ORDER BY name");
    const known = new Map(migrations.map((m) => [m.name, m]));
    for (const row of rows) {
      const local = known.get(row.name);
      if (!local) throw new MigrationError(`The database has migration ${row.name}, which this code does not know: deploy newer code.`);
      if (local.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.name} was changed after it was applied: add a new migration instead.`);
      }
    }
    const applied = new Set(rows.map((r) => r.name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query("INSERT INTO _epns_migration (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
