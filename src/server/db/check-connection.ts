// Fails fast with a clear, secret-free message when the database is unreachable.
import pg from "pg";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Where a URL points, without its password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function checkDatabaseConnection(databaseUrl: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code ? `${code}: ${(error as Error).message}` : (error as Error).message;
    throw new DatabaseUnreachableError(`Cannot reach PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
