// Keyed hashes of secrets the applicant holds (connection keys, recovery
// tokens and codes), and of staff session tokens and recovery codes:
// HMAC-SHA-256 under a key derived from APP_SECRET, one derived key per purpose. A database dump alone cannot test guesses offline
// (seed 000, art. 5: the key is kept only in hashed form).
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

export type KeyedHashPurpose = "connection-key" | "one-time-secret" | "unknown-identifier" | "session" | "staff-session" | "staff-recovery-code" | "staff-invitation";

const derived = new Map<string, Buffer>();

function purposeKey(purpose: KeyedHashPurpose): Buffer {
  const secret = env().APP_SECRET;
  const cacheKey = `${secret.toString("hex").slice(0, 8)}:${purpose}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `epns:${purpose}`, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

/** Lower-case hex HMAC-SHA-256 of value under the purpose's key. */
export function keyedHash(purpose: KeyedHashPurpose, value: string): string {
  return createHmac("sha256", purposeKey(purpose)).update(value, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A URL-safe random token of `bytes` random bytes (default 32 = 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
