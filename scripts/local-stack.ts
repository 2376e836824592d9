// Starts the local default of every external part that the configuration
// leaves unset, so that `npm run dev` needs nothing but Node
// (../shared/DESIGN.md, "Embedded default"):
//   DATABASE_URL unset → embedded PostgreSQL (data in LOCAL_DATA_DIR/postgres)
//   SMTP_URL unset     → SMTP catcher on 127.0.0.1 (messages in LOCAL_DATA_DIR/mail)
//   SMS_API_URL unset  → Twilio-compatible sink on 127.0.0.1 (messages in LOCAL_DATA_DIR/sms)
//   secrets unset      → random development secrets kept in LOCAL_DATA_DIR/dev-secrets.json
// Then it validates the whole configuration, checks the database, applies the
// migrations and seeds demo data into an empty database.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { seedDemoData } from "../prisma/seed";
import { checkDatabaseConnection } from "../src/server/db/check-connection";
import { createPrismaClient } from "../src/server/db/client";
import { applyMigrations } from "../src/server/db/migrate";
import { parseEnv, type TEnv } from "../src/server/env";
import { startEmbeddedPostgres } from "../src/server/local/embedded-postgres";
import { freePort } from "../src/server/local/free-port";
import { startSmsSink } from "../src/server/local/sms-sink";
import { startSmtpCatcher } from "../src/server/local/smtp-catcher";

export type LocalStackOptions = {
  /** Throw-away data in a temporary folder and random ports (tests). */
  ephemeral: boolean;
  /** Ports of the local parts, when not ephemeral (default: 54329, 2525, 4010). */
  ports?: Partial<typeof DEFAULT_PORTS>;
  log: (line: string) => void;
};

export type LocalStack = {
  /** Variables to give the app's processes. */
  vars: Record<string, string>;
  env: TEnv;
  embedded: { database: boolean; smtp: boolean; sms: boolean };
  /** Where the embedded PostgreSQL keeps its data (it may fall back to the OS temp folder). */
  databaseDir?: string;
  seeded: boolean;
  stop(): Promise<void>;
};

const DEFAULT_PORTS = { postgres: 54329, smtp: 2525, sms: 4010 };

async function devSecrets(dataDir: string): Promise<{ APP_SECRET: string; BLOB_MASTER_KEY: string }> {
  const file = path.join(dataDir, "dev-secrets.json");
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    const secrets = { APP_SECRET: randomBytes(32).toString("base64"), BLOB_MASTER_KEY: randomBytes(32).toString("base64") };
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

export async function startLocalStack(source: Record<string, string | undefined>, options: LocalStackOptions): Promise<LocalStack> {
  const vars: Record<string, string> = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
  const dataDir = options.ephemeral
    ? await mkdtemp(path.join(os.tmpdir(), "epns-e2e-"))
    : path.resolve(vars.LOCAL_DATA_DIR ?? ".data");
  await mkdir(dataDir, { recursive: true });
  vars.LOCAL_DATA_DIR = dataDir;
  const stops: Array<() => Promise<void>> = [];
  const port = (name: keyof typeof DEFAULT_PORTS) => (options.ephemeral ? 0 : (options.ports?.[name] ?? DEFAULT_PORTS[name]));
  const embedded = { database: false, smtp: false, sms: false };
  let databaseDir: string | undefined;

  try {
    if (!vars.APP_SECRET || !vars.BLOB_MASTER_KEY) {
      if (vars.NODE_ENV === "production" && !options.ephemeral) {
        throw new Error("APP_SECRET and BLOB_MASTER_KEY must be set in production (see README.md, Configuration).");
      }
      const secrets = await devSecrets(dataDir);
      vars.APP_SECRET ??= secrets.APP_SECRET;
      vars.BLOB_MASTER_KEY ??= secrets.BLOB_MASTER_KEY;
    }
    vars.BLOB_DIR ??= path.join(dataDir, "blobs");

    if (!vars.DATABASE_URL) {
      const pgPort = options.ephemeral ? await freePort() : port("postgres");
      const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, log: () => undefined });
      stops.push(() => database.stop());
      await database.createDatabaseIfMissing("epns");
      vars.DATABASE_URL = database.urlFor("epns");
      databaseDir = database.dataDir;
      embedded.database = true;
    }
    if (!vars.SMTP_URL) {
      const catcher = await startSmtpCatcher({ dir: path.join(dataDir, "mail"), port: port("smtp") });
      stops.push(() => catcher.stop());
      vars.SMTP_URL = catcher.url;
      embedded.smtp = true;
    }
    if (!vars.SMS_API_URL) {
      const sink = await startSmsSink({ dir: path.join(dataDir, "sms"), port: port("sms"), accountSid: "ACepnslocal", authToken: "epns-local-sink" });
      stops.push(() => sink.stop());
      Object.assign(vars, { SMS_API_URL: sink.url, SMS_ACCOUNT_SID: sink.accountSid, SMS_AUTH_TOKEN: sink.authToken });
      embedded.sms = true;
    }

    const env = parseEnv(vars);
    await checkDatabaseConnection(env.DATABASE_URL);
    const applied = await applyMigrations(env.DATABASE_URL);
    if (applied.length > 0) options.log(`Applied migrations: ${applied.join(", ")}`);

    const prisma = createPrismaClient(env.DATABASE_URL);
    const { seeded } = await seedDemoData(prisma).finally(() => prisma.$disconnect());

    return {
      vars,
      env,
      embedded,
      databaseDir,
      seeded,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
