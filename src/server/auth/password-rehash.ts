// When the configured argon2 cost rises, hashes are upgraded at the next login.
import argon2 from "argon2";
import { env } from "../env";

export function passwordNeedsRehash(hash: string): boolean {
  const { ARGON2_MEMORY_KIB, ARGON2_TIME_COST } = env();
  return argon2.needsRehash(hash, { memoryCost: ARGON2_MEMORY_KIB, timeCost: ARGON2_TIME_COST, parallelism: 1 });
}
