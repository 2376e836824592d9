// The Prisma client, over node-postgres through @prisma/adapter-pg (no native
// engine: docs/decisions/002-sql-migrations-with-prisma-client.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

const holder = globalThis as unknown as { epnsPrisma?: PrismaClient };

/** A new client for a database (scripts that work on a database other than this process's). */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }) });
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
