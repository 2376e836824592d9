// Where encrypted PDFs live (issue #5 point 3; seed 000 art. 5, security of
// the space): a plain byte store behind one interface, the filesystem by
// default and S3-compatible object storage in production (BLOB_STORE). The
// stores only ever see ciphertext: encryption is src/server/blobs/encrypted-blobs.ts.
import { env } from "../env";
import { FsBlobStore } from "./fs-blob-store";
import { S3BlobStore } from "./s3-blob-store";

export interface BlobStore {
  /** Stores bytes under key, replacing any previous object; visible whole or not at all. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under key; BlobNotFoundError when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class BlobStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BlobStoreError";
  }
}

export class BlobNotFoundError extends BlobStoreError {
  constructor(readonly key: string) {
    super(`No blob is stored under "${key}"`);
    this.name = "BlobNotFoundError";
  }
}

export class InvalidBlobKeyError extends BlobStoreError {
  constructor(reason: string) {
    super(`Invalid blob key: ${reason}`);
    this.name = "InvalidBlobKeyError";
  }
}

const MAX_KEY_LENGTH = 512;

/**
 * Keys are relative paths such as `documents/<uuid>` or `receipts/<uuid>`:
 * lower-case letters, digits, `-` and `/` only, no empty segment, no leading or
 * trailing `/`. With no `.` at all, no key can climb out of BLOB_DIR or the bucket.
 */
export function assertBlobKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new InvalidBlobKeyError("empty");
  if (key.length > MAX_KEY_LENGTH) throw new InvalidBlobKeyError(`longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes("..")) throw new InvalidBlobKeyError('contains ".."');
  if (key.startsWith("/")) throw new InvalidBlobKeyError('starts with "/"');
  if (!/^[a-z0-9/-]+$/.test(key)) throw new InvalidBlobKeyError("only a-z, 0-9, - and / are allowed");
  if (key.endsWith("/") || key.includes("//")) throw new InvalidBlobKeyError("has an empty path segment");
}

let cached: { config: string; store: BlobStore } | undefined;

/** The store chosen by the configuration (BLOB_STORE), one instance per configuration. */
export function blobStore(): BlobStore {
  const e = env();
  const config =
    e.BLOB_STORE === "s3"
      ? JSON.stringify(["s3", e.S3_ENDPOINT, e.S3_BUCKET, e.S3_REGION, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY])
      : JSON.stringify(["fs", e.BLOB_DIR]);
  if (cached?.config !== config) {
    cached = { config, store: createBlobStore() };
  }
  return cached.store;
}

function createBlobStore(): BlobStore {
  const e = env();
  if (e.BLOB_STORE === "fs") return new FsBlobStore(e.BLOB_DIR);
  // env.ts requires all four when BLOB_STORE is "s3"; checked again for the type.
  if (!e.S3_ENDPOINT || !e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) {
    throw new BlobStoreError('BLOB_STORE is "s3" but S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is missing');
  }
  return new S3BlobStore({
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
  });
}
