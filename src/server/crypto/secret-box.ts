// Secrets the server must read back, unlike the hashed ones of keyed-hash.ts:
// a staff user's TOTP secret (issue #6, point 1). AES-256-GCM under a key
// derived from APP_SECRET with HKDF-SHA-256 (info "epns:secret-box:<purpose>"),
// with the purpose and the owning row's id as additional data, so a sealed
// value copied to another row or used for another purpose does not open.
// A database dump alone reveals no TOTP secret (seed 000, art. 5: security of
// the space). Format: "v1." + base64url(IV 12 ‖ ciphertext ‖ tag 16).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

export type SecretBoxPurpose = "totp-secret";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: altered, moved to another row, or sealed under another APP_SECRET. */
export class SecretBoxError extends Error {
  constructor() {
    super("A sealed secret did not open");
    this.name = "SecretBoxError";
  }
}

const derived = new Map<string, Buffer>();

function boxKey(purpose: SecretBoxPurpose): Buffer {
  const secret = env().APP_SECRET;
  const cacheKey = `${secret.toString("hex").slice(0, 8)}:${purpose}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `epns:secret-box:${purpose}`, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

function additionalData(purpose: SecretBoxPurpose, owner: string): Buffer {
  return Buffer.from(`${VERSION}:${purpose}:${owner}`, "utf8");
}

export function sealSecret(purpose: SecretBoxPurpose, owner: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", boxKey(purpose), iv);
  cipher.setAAD(additionalData(purpose, owner));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

export function openSecret(purpose: SecretBoxPurpose, owner: string, sealed: string): string {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) throw new SecretBoxError();
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES + 1) throw new SecretBoxError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", boxKey(purpose), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(additionalData(purpose, owner));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError();
  }
}
