// The run command's set-up (scripts/local-stack.ts, scripts/run.ts): data kept
// across runs, and clear, fast failures on bad configuration.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DEMO_APPLICANTS } from "../../prisma/seed";
import { startLocalStack } from "../../scripts/local-stack";
import { freePort } from "../../src/server/local/free-port";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

async function runCommandFails(extraEnv: Record<string, string>) {
  const started = Date.now();
  try {
    await run(tsx, ["scripts/run.ts", "dev"], { env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", ...extraEnv }, timeout: 60_000 });
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr, seconds: (Date.now() - started) / 1000 };
  }
  throw new Error("the run command did not fail");
}

describe("the run command", () => {
  it("fails fast with a clear message, and no password, when DATABASE_URL points nowhere", async () => {
    const port = await freePort();
    const result = await runCommandFails({ DATABASE_URL: `postgres://epns:hunter2-secret@127.0.0.1:${port}/epns`, PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}/epns`);
    expect(result.stderr).not.toContain("hunter2-secret");
    expect(result.seconds).toBeLessThan(30);
  });

  it("names each bad configuration variable", async () => {
    const result = await runCommandFails({ DATABASE_URL: "mysql://localhost/epns", BLOB_STORE: "ftp", APP_SECRET: "short" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(result.stderr).toMatch(/BLOB_STORE must be "fs" or "s3"/);
    expect(result.stderr).toMatch(/APP_SECRET must be at least 32 random bytes/);
    expect(result.stderr).not.toContain("short");
  });
});

describe("startLocalStack", () => {
  it("starts the embedded parts, seeds an empty database once, and keeps the data for the next run", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "epns-stack-"));
    const ports = { postgres: await freePort(), smtp: await freePort(), sms: await freePort() };
    const source = { LOCAL_DATA_DIR: dataDir, PATH: process.env.PATH };

    const first = await startLocalStack(source, { ephemeral: false, ports, log: () => undefined });
    expect(first.embedded).toEqual({ database: true, smtp: true, sms: true });
    expect(first.seeded).toBe(true);
    const client = new pg.Client({ connectionString: first.env.DATABASE_URL });
    await client.connect();
    await client.query("INSERT INTO structure (kind, name) VALUES ('CADA', 'Added between runs')");
    await client.end();
    await first.stop();

    const second = await startLocalStack(source, { ephemeral: false, ports, log: () => undefined });
    expect(second.seeded).toBe(false);
    expect(second.vars.APP_SECRET).toBe(first.vars.APP_SECRET);
    const again = new pg.Client({ connectionString: second.env.DATABASE_URL });
    await again.connect();
    const { rows } = await again.query("SELECT count(*)::int AS n FROM structure WHERE name = 'Added between runs'");
    const applicants = await again.query("SELECT count(*)::int AS n FROM applicant");
    await again.end();
    await second.stop();
    expect(rows[0].n).toBe(1);
    expect(applicants.rows[0].n).toBe(DEMO_APPLICANTS.length);
  });
});
