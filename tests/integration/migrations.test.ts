// The SQL migration runner (src/server/db/migrate.ts) on fresh databases.
import { readdirSync } from "node:fs";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, MigrationError } from "../../src/server/db/migrate";
import { withDatabase } from "../setup/database-urls";

const serverUrl = inject("databaseServerUrl");
const created: string[] = [];
/** The project's migrations, in the order the runner must apply them. */
const projectMigrations = readdirSync(path.join(process.cwd(), "prisma", "migrations")).sort();

async function freshDatabase(): Promise<string> {
  const name = `epns_test_m${process.env.VITEST_POOL_ID ?? "0"}_${created.length}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return withDatabase(serverUrl, name);
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "epns-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
  await client.end();
  return rows.map((r) => r.t);
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("applyMigrations", () => {
  it("applies the project's migrations to an empty database, then does nothing on a second run", async () => {
    const url = await freshDatabase();
    expect(projectMigrations.slice(0, 2)).toEqual(["0001_initial", "0002_applicant_accounts"]);
    expect(await applyMigrations(url)).toEqual(projectMigrations);
    expect(await applyMigrations(url)).toEqual([]);
    expect(await tables(url)).toContain("receipt");
  });

  it("applies each migration once when several processes start together", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.flat()).toEqual(projectMigrations);
  });

  it("applies in name order and refuses a migration changed after it was applied", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "0002_b": "CREATE TABLE b (id int REFERENCES a(id));", "0001_a": "CREATE TABLE a (id int PRIMARY KEY);" });
    expect(await applyMigrations(url, dir)).toEqual(["0001_a", "0002_b"]);
    await writeFile(path.join(dir, "0001_a", "migration.sql"), "CREATE TABLE a (id bigint PRIMARY KEY);");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/0001_a was changed after it was applied/);
  });

  it("rolls back a failing migration entirely and reports which one failed", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "0001_ok": "CREATE TABLE ok (id int);", "0002_bad": "CREATE TABLE half (id int); SELECT nonsense FROM nowhere;" });
    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/0002_bad failed/);
    expect(await tables(url)).toEqual(["_epns_migration", "ok"]);
  });

  it("refuses a database that has a migration this code does not know", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, await migrationsDir({ "0001_a": "SELECT 1;", "0002_b": "SELECT 1;" }));
    await expect(applyMigrations(url, await migrationsDir({ "0001_a": "SELECT 1;" }))).rejects.toThrow(/0002_b, which this code does not know/);
  });

  it("refuses badly named migration folders", async () => {
    const url = await freshDatabase();
    await expect(applyMigrations(url, await migrationsDir({ "1_x": "SELECT 1;" }))).rejects.toThrow(/Badly named/);
  });
});
