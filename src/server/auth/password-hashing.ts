// Password hashing: argon2id (seed 003 via ../shared/DESIGN.md; OWASP minimum
// m = 19 MiB, t = 2, p = 1, raised by configuration: src/server/env.ts).
import argon2 from "argon2";
import { env } from "../env";

function options() {
  const { ARGON2_MEMORY_KIB, ARGON2_TIME_COST } = env();
  return { type: argon2.argon2id, memoryCost: ARGON2_MEMORY_KIB, timeCost: ARGON2_TIME_COST, parallelism: 1 } as const;
}

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options());
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification when there is no account to check,
 * so that "unknown identifier" and "wrong password" take the same time
 * (no account enumeration, issue #4).
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("epns-no-account-placeholder-Aa1");
  await verifyPassword(await dummyHash, password);
  return false;
}
