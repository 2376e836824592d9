// Encrypted blob storage (issue #5 point 3; seed 000 art. 5): the same checks on
// the filesystem store and on a real S3 protocol server (s3rver, SigV4 checked).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo, type Server } from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobNotFoundError, BlobStoreError, InvalidBlobKeyError, assertBlobKey, blobStore } from "../../src/server/blobs/blob-store";
import { BlobIntegrityError, UnknownMasterKeyError, readDecrypted, storeEncrypted } from "../../src/server/blobs/encrypted-blobs";
import { S3BlobStore } from "../../src/server/blobs/s3-blob-store";
import { resetEnvForTests } from "../../src/server/env";

type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = "epns-test";
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const ENV_NAMES = ["BLOB_STORE", "BLOB_DIR", "S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "BLOB_MASTER_KEY"];
const savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));

let tempDir: string;
let blobDir: string;
let s3: S3rverInstance;
let s3Endpoint: string;

function useEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
}

const useFs = () => useEnv({ BLOB_STORE: "fs", BLOB_DIR: blobDir });
const useS3 = () =>
  useEnv({ BLOB_STORE: "s3", S3_ENDPOINT: s3Endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey });

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "epns-blobs-"));
  blobDir = path.join(tempDir, "blobs");
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(tempDir, "s3rver") });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  // Create the bucket through the S3 protocol itself (a signed PUT Bucket).
  const client = new AwsClient({ ...CREDENTIALS, service: "s3", region: "eu-west-3" });
  const created = await client.fetch(`${s3Endpoint}/${BUCKET}`, { method: "PUT" });
  expect(created.status).toBe(200);
});

afterAll(async () => {
  await s3?.close();
  useEnv(savedEnv);
  await rm(tempDir, { recursive: true, force: true });
});

const text = (size: number) => Buffer.from("%PDF-1.7 secret convocation ".repeat(Math.ceil(size / 28)).slice(0, size));
const newKey = () => `documents/${randomUUID()}`;

describe.each([
  ["fs", useFs],
  ["s3", useS3],
] as const)("encrypted blobs on the %s store", (_name, useStore) => {
  it.each([
    ["100 KB", 100 * 1024],
    ["20 MB", 20 * 1024 * 1024],
  ])("round-trips a %s payload and stores no plaintext", async (_label, size) => {
    useStore();
    const key = newKey();
    const plaintext = size > 1024 * 1024 ? Buffer.concat([text(1024), randomBytes(size - 1024)]) : text(size);
    const ref = await storeEncrypted(key, plaintext);
    expect(ref).toMatchObject({ sizeBytes: size, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), masterKeyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(ref.dataKeyWrapped.length).toBeGreaterThanOrEqual(40); // migration 0003: 40..128 bytes
    expect(ref.dataKeyWrapped.length).toBeLessThanOrEqual(128);

    const stored = await blobStore().get(key);
    expect(stored.length).toBe(size + 1 + 12 + 16);
    expect(stored.includes(Buffer.from("secret convocation"))).toBe(false);
    expect(stored.includes(plaintext.subarray(0, 64))).toBe(false);

    expect((await readDecrypted(key, ref)).equals(plaintext)).toBe(true);
  });

  it("fails when one byte of the stored blob is flipped, wherever it is", async () => {
    useStore();
    const key = newKey();
    const ref = await storeEncrypted(key, text(4096));
    const stored = await blobStore().get(key);
    for (const position of [0, 5, 20, stored.length - 1]) {
      const tampered = Buffer.from(stored);
      tampered[position]! ^= 0x01;
      await blobStore().put(key, tampered);
      await expect(readDecrypted(key, ref)).rejects.toBeInstanceOf(BlobIntegrityError);
    }
    await blobStore().put(key, stored.subarray(0, 20));
    await expect(readDecrypted(key, ref)).rejects.toMatchObject({ reason: "FORMAT" });
  });

  it("refuses swapped blobs, even together with the other row's wrapped key", async () => {
    useStore();
    const [a, b] = [newKey(), newKey()];
    const refA = await storeEncrypted(a, text(2048));
    const refB = await storeEncrypted(b, Buffer.from(text(2048)).fill(0x42, 0, 10));
    await blobStore().put(b, await blobStore().get(a));
    // B's row, A's bytes: another data key.
    await expect(readDecrypted(b, refB)).rejects.toMatchObject({ reason: "CIPHERTEXT" });
    // A's whole row moved to B: the right data key, but the storage key is authenticated data.
    await expect(readDecrypted(b, refA)).rejects.toMatchObject({ reason: "CIPHERTEXT" });
    expect((await readDecrypted(a, refA)).equals(text(2048))).toBe(true);
  });

  it("checks the expected SHA-256 on every read", async () => {
    useStore();
    const key = newKey();
    const ref = await storeEncrypted(key, text(1000));
    const wrong = ref.sha256.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const error = await readDecrypted(key, { ...ref, sha256: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobIntegrityError);
    expect(error).toMatchObject({ reason: "SHA256" });
  });

  it("refuses a data key wrapped by another master key, and a tampered wrapped key", async () => {
    useStore();
    const key = newKey();
    const ref = await storeEncrypted(key, text(1000));
    const tampered = Buffer.from(ref.dataKeyWrapped);
    tampered[30]! ^= 0x80;
    await expect(readDecrypted(key, { ...ref, dataKeyWrapped: tampered })).rejects.toMatchObject({ reason: "DATA_KEY" });

    useEnv({ BLOB_MASTER_KEY: Buffer.alloc(32, 9).toString("base64") });
    try {
      await expect(readDecrypted(key, ref)).rejects.toBeInstanceOf(UnknownMasterKeyError);
      // Even a row claiming the new key's id does not unwrap under it.
      const other = await storeEncrypted(newKey(), text(10));
      await expect(readDecrypted(key, { ...ref, masterKeyId: other.masterKeyId })).rejects.toMatchObject({ reason: "DATA_KEY" });
    } finally {
      useEnv({ BLOB_MASTER_KEY: savedEnv.BLOB_MASTER_KEY });
    }
    expect((await readDecrypted(key, ref)).equals(text(1000))).toBe(true);
  });

  it("reports a missing blob, and deletes idempotently", async () => {
    useStore();
    const key = newKey();
    await expect(blobStore().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    const ref = await storeEncrypted(key, text(10));
    await blobStore().delete(key);
    await blobStore().delete(key);
    await expect(readDecrypted(key, ref)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it.each(["documents/../x", "../documents/x", "/documents/x", "documents/X", "documents//x", "documents/x/", "documents/x.pdf", "documents\\x", ""])(
    "refuses the key %j before any I/O",
    async (key) => {
      useStore();
      expect(() => assertBlobKey(key)).toThrow(InvalidBlobKeyError);
      await expect(storeEncrypted(key, text(10))).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(blobStore().get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(blobStore().put(key, text(10))).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(blobStore().delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    },
  );
});

describe("filesystem store", () => {
  it("writes files readable by the owner only, leaving no temporary file", async () => {
    useFs();
    const key = `receipts/${randomUUID()}`;
    await storeEncrypted(key, text(100));
    const file = path.join(blobDir, key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o077).toBe(0);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("detects a blob altered directly on disk", async () => {
    useFs();
    const key = newKey();
    const ref = await storeEncrypted(key, text(500));
    const file = path.join(blobDir, key);
    const bytes = await readFile(file);
    bytes[100]! ^= 0xff;
    await writeFile(file, bytes);
    await expect(readDecrypted(key, ref)).rejects.toMatchObject({ reason: "CIPHERTEXT" });
  });
});

describe("S3 store errors", () => {
  const options = { endpoint: "", bucket: BUCKET, region: "eu-west-3", ...CREDENTIALS };

  // s3rver checks the access key id but not SigV4 signatures themselves (its own comment says so).
  it("reports refused credentials with the S3 error code and without the secret", async () => {
    const secret = "do-not-print-this-secret";
    const store = new S3BlobStore({ ...options, endpoint: s3Endpoint, accessKeyId: "UNKNOWNKEY", secretAccessKey: secret });
    const error = (await store.put(newKey(), text(10)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(BlobStoreError);
    expect(error.message).toMatch(/^S3 PUT "documents\/[0-9a-f-]+" failed: HTTP 403 \(InvalidAccessKeyId\)$/);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(secret);
  });

  it("reports an unreachable endpoint", async () => {
    const store = new S3BlobStore({ ...options, endpoint: `http://user:pw@127.0.0.1:${await closedPort()}` });
    const error = (await store.get(newKey()).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(BlobStoreError);
    expect(error.message).toMatch(/failed: ECONNREFUSED$/);
    expect(error.message).not.toContain("pw");
  });

  it("gives up on an endpoint that never answers", async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const store = new S3BlobStore({ ...options, endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const started = Date.now();
      await expect(store.get(newKey())).rejects.toThrow(/no answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
