// "Nothing changed", measured: after a request, every table of the test's own
// database must hash as it did in the fixture, and the blob store must hold
// the same files. Left out, because a refused request legitimately writes
// them: the audit log (failures are audited, seed 000 art. 5), the per-IP rate
// limits and the per-account failure counters (ADR 006), and the sessions'
// last-seen time (every request with a session refreshes it).
// A statement trigger on each watched table notes the tables a request wrote
// to, so that only those are hashed again (a request that writes nothing costs
// one query). restore() puts the changed tables and blob files back as the
// fixture had them. For one test file on a database of its own
// (tests/helpers/fresh-database.ts): it rewrites whole tables.
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const UNWATCHED_TABLES = ["audit_event", "audit_anchor", "audit_checkpoint", "rate_limit", "login_throttle", "_epns_migration"] as const;
/** Counters cleared before each request, so that one request's failures never refuse the next. */
export const COUNTER_TABLES = ["rate_limit", "login_throttle"] as const;
const UNWATCHED_COLUMNS = ["last_seen_at"];
const FIXTURE = "sweep_fixture";

export class DatabaseSnapshots {
  private client: pg.Client;
  private tables: string[] = [];
  private fixtureHashes: Record<string, string> = {};
  private fixtureBlobs = "";
  private readonly blobCopy: string;

  constructor(
    databaseUrl: string,
    private readonly blobDir: string,
  ) {
    this.client = new pg.Client({ connectionString: databaseUrl });
    this.blobCopy = `${blobDir}.fixture`;
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /** Keeps the current state as the fixture that restore() goes back to, and starts watching the tables. */
  async keepAsFixture(): Promise<void> {
    await this.client.connect();
    const { rows } = await this.client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    this.tables = rows.map((r) => r.table_name).filter((t) => !(UNWATCHED_TABLES as readonly string[]).includes(t));
    await this.client.query(`
      DROP SCHEMA IF EXISTS ${FIXTURE} CASCADE;
      CREATE SCHEMA ${FIXTURE};
      CREATE UNLOGGED TABLE ${FIXTURE}.touched (t text PRIMARY KEY);
      CREATE FUNCTION ${FIXTURE}.touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${FIXTURE}.touched VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING; RETURN NULL; END $$;
      ${this.tables.map((t) => `CREATE TABLE ${FIXTURE}."${t}" AS TABLE public."${t}"; CREATE TRIGGER zz_sweep_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public."${t}" FOR EACH STATEMENT EXECUTE FUNCTION ${FIXTURE}.touch();`).join("\n")}
    `);
    this.fixtureHashes = await this.hashes(this.tables);
    rmSync(this.blobCopy, { recursive: true, force: true });
    cpSync(this.blobDir, this.blobCopy, { recursive: true });
    this.fixtureBlobs = this.blobFiles(this.blobDir);
  }

  /**
   * The tables (and "blobs") that differ from the fixture now. Clears the
   * counters in the same round trip, for the next request.
   */
  async changed(): Promise<string[]> {
    const results = (await this.client.query(`${COUNTER_TABLES.map((t) => `DELETE FROM public."${t}"`).join("; ")}; DELETE FROM ${FIXTURE}.touched RETURNING t`)) as unknown as pg.QueryResult<{ t: string }>[];
    const touched = results.at(-1)!.rows.map((r) => r.t);
    const now = await this.hashes(touched);
    const tables = touched.filter((t) => now[t] !== this.fixtureHashes[t]);
    const blobs = this.blobFiles(this.blobDir) === this.fixtureBlobs ? [] : ["blobs"];
    return [...tables, ...blobs].sort();
  }

  /** The given tables (all by default) and the blob files, checked against the fixture (not only what the triggers saw). */
  async changedAnywhere(among: readonly string[] = this.tables): Promise<string[]> {
    const watched = among.filter((t) => this.tables.includes(t));
    const now = await this.hashes(watched);
    const tables = watched.filter((t) => now[t] !== this.fixtureHashes[t]);
    return [...tables, ...(this.blobFiles(this.blobDir) === this.fixtureBlobs ? [] : ["blobs"])];
  }

  /** Rows in `table` that the fixture does not have, as JSON objects (what a request added or changed). */
  async newRows(table: string): Promise<Array<Record<string, unknown>>> {
    const { rows } = await this.client.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(x) AS r FROM (SELECT * FROM public."${table}" EXCEPT SELECT * FROM ${FIXTURE}."${table}") x`);
    return rows.map((row) => row.r);
  }

  /** Empties the failure counters and rate limits. */
  async clearCounters(): Promise<void> {
    await this.client.query(COUNTER_TABLES.map((t) => `DELETE FROM public."${t}"`).join("; "));
  }

  /** Puts the changed tables back as the fixture had them (triggers and foreign keys off meanwhile), and the blob files. */
  async restore(changed: string[]): Promise<void> {
    const tables = changed.filter((t) => this.tables.includes(t));
    if (tables.length > 0) {
      const statements = tables.flatMap((t) => [`DELETE FROM public."${t}"`, `INSERT INTO public."${t}" SELECT * FROM ${FIXTURE}."${t}"`]);
      await this.client.query(`BEGIN; SET LOCAL session_replication_role = replica; ${statements.join("; ")}; COMMIT; DELETE FROM ${FIXTURE}.touched`);
    }
    if (changed.includes("blobs")) {
      rmSync(this.blobDir, { recursive: true, force: true });
      cpSync(this.blobCopy, this.blobDir, { recursive: true });
    }
  }

  private async hashes(tables: string[]): Promise<Record<string, string>> {
    if (tables.length === 0) return {};
    const strip = `ARRAY[${UNWATCHED_COLUMNS.map((c) => `'${c}'`).join(",")}]`;
    const sql = tables
      .map((t) => `SELECT '${t}' AS t, count(*) || ':' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS h FROM (SELECT (to_jsonb(x) - ${strip})::text AS r FROM public."${t}" x) s`)
      .join(" UNION ALL ");
    const { rows } = await this.client.query<{ t: string; h: string }>(sql);
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }

  private blobFiles(dir: string): string {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: "utf8" });
    } catch {
      return "";
    }
    return names
      .map((name) => ({ name, stat: statSync(path.join(dir, name)) }))
      .filter((entry) => entry.stat.isFile())
      .map((entry) => `${entry.name} ${entry.stat.size}`)
      .sort()
      .join("\n");
  }
}
