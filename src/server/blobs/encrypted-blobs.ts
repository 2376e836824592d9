// Encrypted storage of sealed PDFs and PDF receipts (issue #5 point 3; seed 000
// art. 5, security of the space; docs/decisions/007).
//
// - Each blob has its own random 32-byte data key. Blob format:
//   version (1 byte, 0x01) ‖ IV (12) ‖ AES-256-GCM ciphertext ‖ tag (16), with
//   the version byte and the storage key as additional data, so a blob copied
//   under another key (or another row's blob) does not decrypt.
// - The data key is wrapped (AES-256-GCM, same layout, 61 bytes) by a key
//   derived from BLOB_MASTER_KEY with HKDF-SHA-256 (info "epns:blob-master:v1").
//   The wrapped key and the master key id live in the database (migration
//   0003), so rotating the master key re-wraps rows without touching blobs:
//   BLOB_MASTER_KEYS_PREVIOUS still unwraps, `npm run keys:rewrap` moves rows
//   to BLOB_MASTER_KEY (rewrap-data-keys.ts; docs/key-management.md).
// - The SHA-256 of the plaintext is kept in the database and checked on every read.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { assertBlobKey, blobStore, type BlobStore } from "./blob-store";

const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 1 + IV_BYTES;
const WRAP_AAD = Buffer.from("epns:data-key:v1", "utf8");

export type EncryptedBlobRef = {
  /** Lower-case hex SHA-256 of the plaintext. */
  sha256: string;
  sizeBytes: number;
  /** The blob's data key, wrapped by the master key (61 bytes); a Prisma `Bytes` value as is. */
  dataKeyWrapped: Buffer<ArrayBuffer>;
  /** Which master key wrapped it: 16 hex characters. */
  masterKeyId: string;
};

/** Stored bytes that do not decrypt, or decrypt to something else than what was stored. */
export class BlobIntegrityError extends Error {
  constructor(
    readonly key: string,
    readonly reason: "FORMAT" | "DATA_KEY" | "CIPHERTEXT" | "SHA256",
  ) {
    super(`Blob "${key}" failed its integrity check (${reason})`);
    this.name = "BlobIntegrityError";
  }
}

/** The row names a master key this process does not hold (rotated out, or another environment's). */
export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(`Blob data key is wrapped by unknown master key ${masterKeyId.replace(/[^0-9a-f]/g, "?").slice(0, 16)}`);
    this.name = "UnknownMasterKeyError";
  }
}

type MasterKey = { id: string; key: Buffer };
type MasterKeys = { current: MasterKey; byId: ReadonlyMap<string, MasterKey> };
let master: { sources: Buffer[]; value: MasterKeys } | undefined;

/** The wrapping key derived from a master key secret, and its public id. */
function deriveMasterKey(source: Buffer): MasterKey {
  const key = Buffer.from(hkdfSync("sha256", source, Buffer.alloc(0), "epns:blob-master:v1", KEY_BYTES));
  const id = createHmac("sha256", key).update("key-id").digest("hex").slice(0, 16);
  return { id, key };
}

/**
 * BLOB_MASTER_KEY wraps new data keys; it and BLOB_MASTER_KEYS_PREVIOUS unwrap
 * (rotation: docs/key-management.md). Derived once per configuration.
 */
function masterKeys(): MasterKeys {
  const { BLOB_MASTER_KEY, BLOB_MASTER_KEYS_PREVIOUS } = env();
  const sources = [BLOB_MASTER_KEY, ...BLOB_MASTER_KEYS_PREVIOUS];
  if (!master || master.sources.length !== sources.length || master.sources.some((source, i) => !source.equals(sources[i]!))) {
    const [current, ...previous] = sources.map(deriveMasterKey);
    const byId = new Map<string, MasterKey>();
    for (const key of [current!, ...previous]) if (!byId.has(key.id)) byId.set(key.id, key);
    master = { sources, value: { current: current!, byId } };
  }
  return master.value;
}

const masterKey = (): MasterKey => masterKeys().current;

/** Id of the master key new blobs are wrapped with (what rows store in master_key_id). */
export function currentMasterKeyId(): string {
  return masterKey().id;
}

/** Ids of the former master keys this process can still unwrap with (BLOB_MASTER_KEYS_PREVIOUS). */
export function previousMasterKeyIds(): string[] {
  const { current, byId } = masterKeys();
  return [...byId.keys()].filter((id) => id !== current.id);
}

/** The plain data key of a row, or an error naming why not. The caller zeroes it. */
function unwrapDataKey(blobKey: string, wrapped: Uint8Array, masterKeyId: string): Buffer {
  const wrapping = masterKeys().byId.get(masterKeyId);
  if (!wrapping) throw new UnknownMasterKeyError(masterKeyId);
  const dataKey = decrypt(wrapping.key, Buffer.from(wrapped), WRAP_AAD);
  if (!dataKey || dataKey.length !== KEY_BYTES) throw new BlobIntegrityError(blobKey, "DATA_KEY");
  return dataKey;
}

/**
 * The same data key wrapped by the current master key: what `npm run
 * keys:rewrap` writes back. The blob itself is not read nor re-encrypted.
 * A key already under the current master key comes back unchanged.
 */
export function rewrapDataKey(blobKey: string, wrapped: Uint8Array, masterKeyId: string): { dataKeyWrapped: Buffer<ArrayBuffer>; masterKeyId: string } {
  const { current } = masterKeys();
  if (masterKeyId === current.id) return { dataKeyWrapped: Buffer.from(wrapped), masterKeyId };
  const dataKey = unwrapDataKey(blobKey, wrapped, masterKeyId);
  try {
    return { dataKeyWrapped: encrypt(current.key, dataKey, WRAP_AAD), masterKeyId: current.id };
  } finally {
    dataKey.fill(0);
  }
}

function encrypt(key: Buffer, plaintext: Uint8Array, aad: Buffer): Buffer<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, or undefined when the bytes are malformed or were altered (GCM tag). */
function decrypt(key: Buffer, stored: Buffer, aad: Buffer): Buffer | undefined {
  if (stored.length < HEADER_BYTES + TAG_BYTES || stored[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, stored.subarray(1, HEADER_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad).setAuthTag(stored.subarray(stored.length - TAG_BYTES));
    return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES, stored.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

const blobAad = (key: string) => Buffer.concat([Buffer.of(VERSION), Buffer.from(key, "utf8")]);

/** Encrypts plaintext under a fresh data key and stores it under key. */
export async function storeEncrypted(key: string, plaintext: Uint8Array, store: BlobStore = blobStore()): Promise<EncryptedBlobRef> {
  assertBlobKey(key);
  const { id, key: wrappingKey } = masterKey();
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const stored = encrypt(dataKey, plaintext, blobAad(key));
    const dataKeyWrapped = encrypt(wrappingKey, dataKey, WRAP_AAD);
    await store.put(key, stored);
    return { sha256: sha256Hex(plaintext), sizeBytes: plaintext.byteLength, dataKeyWrapped, masterKeyId: id };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Reads and decrypts the blob under key, and checks it is exactly what was
 * stored: known master key, authentic data key, authentic ciphertext for this
 * very key, and the SHA-256 kept in the database (seed 000 art. 5).
 */
export async function readDecrypted(
  key: string,
  expected: { sha256: string; dataKeyWrapped: Uint8Array; masterKeyId: string },
  store: BlobStore = blobStore(),
): Promise<Buffer> {
  assertBlobKey(key);
  const dataKey = unwrapDataKey(key, expected.dataKeyWrapped, expected.masterKeyId);
  try {
    const stored = await store.get(key);
    if (stored.length < HEADER_BYTES + TAG_BYTES || stored[0] !== VERSION) throw new BlobIntegrityError(key, "FORMAT");
    const plaintext = decrypt(dataKey, stored, blobAad(key));
    if (!plaintext) throw new BlobIntegrityError(key, "CIPHERTEXT");
    if (!sameHex(sha256Hex(plaintext), expected.sha256)) throw new BlobIntegrityError(key, "SHA256");
    return plaintext;
  } finally {
    dataKey.fill(0);
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function sameHex(actual: string, expected: string): boolean {
  const a = Buffer.from(actual, "utf8");
  const b = Buffer.from(expected.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
