// The Prisma client, over node-postgres through @prisma/adapter-pg (no native
// engine: docs/decisions/002-sql-migrations-with-prisma-client.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

const holder = globalThis as unknown as { epnsPrisma?: PrismaClient };

/** A new client for a database (scripts that work on a database other than this process's). */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  // Under a burst (e.g. many first openings while the deadline job runs) a request
  // waits up to 20 s for one of the 10 connections rather than fail: an opening
  // must be recorded, not refused (seed 000, art. 6). A server that cannot be
  // reached still fails after that.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 20_000 }) });
}

/** The process-wide Prisma client, created on first use (kept across hot reloads). */
export function db(): PrismaClient {
  holder.epnsPrisma ??= createPrismaClient(env().DATABASE_URL);
  return holder.epnsPrisma;
}

/** Closes the pool (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await holder.epnsPrisma?.$disconnect();
  holder.epnsPrisma = undefined;
}

export type { PrismaClient };
export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
