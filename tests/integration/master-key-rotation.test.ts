// Master-key rotation of the blob store (issue #7, point 5; docs/key-management.md):
// with two keys, blobs written under the old one stay readable while it is listed
// in BLOB_MASTER_KEYS_PREVIOUS, `rewrapDataKeys` moves their data keys under the
// new one without touching the stored bytes, is resumable and idempotent, and
// once it is done the old key can be dropped.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { UnknownMasterKeyError, currentMasterKeyId, readDecrypted, storeEncrypted } from "../../src/server/blobs/encrypted-blobs";
import { WRAPPED_KEY_TABLES, rewrapDataKeys } from "../../src/server/blobs/rewrap-data-keys";
import { db } from "../../src/server/db/client";
import { ConfigurationError, parseEnv, resetEnvForTests } from "../../src/server/env";
import { createAvailableDocument } from "../factories";

const KEY_A = randomBytes(32).toString("base64");
const KEY_B = randomBytes(32).toString("base64");
const saved = { key: process.env.BLOB_MASTER_KEY, previous: process.env.BLOB_MASTER_KEYS_PREVIOUS, dir: process.env.BLOB_DIR };
let blobDir: string;

function useKeys(current: string, previous: string[] = []) {
  process.env.BLOB_MASTER_KEY = current;
  if (previous.length) process.env.BLOB_MASTER_KEYS_PREVIOUS = previous.join(",");
  else delete process.env.BLOB_MASTER_KEYS_PREVIOUS;
  resetEnvForTests();
}

beforeAll(async () => {
  blobDir = await mkdtemp(path.join(os.tmpdir(), "epns-rewrap-"));
  process.env.BLOB_DIR = blobDir;
});
afterEach(() => useKeys(KEY_A));
afterAll(() => {
  for (const [name, value] of [["BLOB_MASTER_KEY", saved.key], ["BLOB_MASTER_KEYS_PREVIOUS", saved.previous], ["BLOB_DIR", saved.dir]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
});

/** A document and its receipt PDF, both stored under the current master key. */
async function storedDocumentWithReceipt() {
  const documentBytes = randomBytes(2048);
  const receiptBytes = randomBytes(1024);
  const storageKey = `documents/${randomUUID()}`;
  const pdfStorageKey = `receipts/${randomUUID()}`;
  const doc = await storeEncrypted(storageKey, documentBytes);
  const pdf = await storeEncrypted(pdfStorageKey, receiptBytes);
  const document = await createAvailableDocument({ storageKey, sha256: doc.sha256, sizeBytes: doc.sizeBytes, dataKeyWrapped: doc.dataKeyWrapped, masterKeyId: doc.masterKeyId });
  const receipt = await db().receipt.create({
    data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", statement: "test statement", eventAt: new Date(), pdfStorageKey, pdfSha256: pdf.sha256, pdfDataKeyWrapped: pdf.dataKeyWrapped, pdfMasterKeyId: pdf.masterKeyId },
  });
  return { document, receipt, documentBytes, receiptBytes, storageKey, pdfStorageKey };
}

async function rowsOf(stored: Awaited<ReturnType<typeof storedDocumentWithReceipt>>) {
  const document = await db().document.findUniqueOrThrow({ where: { id: stored.document.id } });
  const receipt = await db().receipt.findUniqueOrThrow({ where: { id: stored.receipt.id } });
  return { document, receipt };
}

async function readBoth(stored: Awaited<ReturnType<typeof storedDocumentWithReceipt>>) {
  const { document, receipt } = await rowsOf(stored);
  const documentBytes = await readDecrypted(document.storageKey!, { sha256: document.sha256!, dataKeyWrapped: document.dataKeyWrapped!, masterKeyId: document.masterKeyId! });
  const receiptBytes = await readDecrypted(receipt.pdfStorageKey!, { sha256: receipt.pdfSha256!, dataKeyWrapped: receipt.pdfDataKeyWrapped!, masterKeyId: receipt.pdfMasterKeyId! });
  return { documentBytes, receiptBytes };
}

const storedFile = (key: string) => readFile(path.join(blobDir, key));

describe("master-key rotation", () => {
  it("reads old blobs through BLOB_MASTER_KEYS_PREVIOUS, re-wraps documents and receipt PDFs without touching the blobs, and is idempotent", async () => {
    useKeys(KEY_A);
    const idA = currentMasterKeyId();
    const stored = await storedDocumentWithReceipt();
    const blobsBefore = [await storedFile(stored.storageKey), await storedFile(stored.pdfStorageKey)];

    // Rotation: B is current, A only reads.
    useKeys(KEY_B, [KEY_A]);
    const idB = currentMasterKeyId();
    expect(idB).not.toBe(idA);
    const beforeRewrap = await readBoth(stored);
    expect(beforeRewrap.documentBytes.equals(stored.documentBytes)).toBe(true);
    expect(beforeRewrap.receiptBytes.equals(stored.receiptBytes)).toBe(true);

    const first = await rewrapDataKeys({ batchSize: 1 });
    expect(first.currentMasterKeyId).toBe(idB);
    expect(first.tables["document.master_key_id"]!.rewrapped).toBeGreaterThanOrEqual(1);
    expect(first.tables["receipt.pdf_master_key_id"]!.rewrapped).toBeGreaterThanOrEqual(1);
    const { document, receipt } = await rowsOf(stored);
    expect(document.masterKeyId).toBe(idB);
    expect(receipt.pdfMasterKeyId).toBe(idB);
    expect(Buffer.from(document.dataKeyWrapped!).equals(stored.document.dataKeyWrapped as Buffer)).toBe(false);
    // The encrypted blobs are byte for byte what they were: only the wrapping changed.
    expect((await storedFile(stored.storageKey)).equals(blobsBefore[0]!)).toBe(true);
    expect((await storedFile(stored.pdfStorageKey)).equals(blobsBefore[1]!)).toBe(true);

    // Idempotent: nothing left to do.
    const second = await rewrapDataKeys();
    expect(second.tables["document.master_key_id"]!.rewrapped).toBe(0);
    expect(second.tables["receipt.pdf_master_key_id"]!.rewrapped).toBe(0);
    expect((await rowsOf(stored)).document.dataKeyWrapped).toEqual(document.dataKeyWrapped);

    // The old key can now go: everything reads with B alone.
    useKeys(KEY_B);
    const after = await readBoth(stored);
    expect(after.documentBytes.equals(stored.documentBytes)).toBe(true);
    expect(after.receiptBytes.equals(stored.receiptBytes)).toBe(true);
  });

  it("refuses to read a blob whose master key is neither current nor listed as previous", async () => {
    useKeys(KEY_A);
    const stored = await storedDocumentWithReceipt();
    useKeys(KEY_B);
    await expect(readBoth(stored)).rejects.toBeInstanceOf(UnknownMasterKeyError);
    // And rewrap leaves such rows alone, counting them.
    const report = await rewrapDataKeys();
    expect(report.tables["document.master_key_id"]!.unknownMasterKey).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(stored)).document.masterKeyId).not.toBe(currentMasterKeyId());
  });

  it("resumes after an interruption: rows already re-wrapped are not touched again", async () => {
    useKeys(KEY_A);
    const one = await storedDocumentWithReceipt();
    const two = await storedDocumentWithReceipt();
    useKeys(KEY_B, [KEY_A]);
    // An "interrupted" run: only the first document's row is re-wrapped by hand.
    const [table] = WRAPPED_KEY_TABLES;
    const [row] = (await table!.batch([(await rowsOf(one)).document.masterKeyId!], 10_000, undefined)).filter((r) => r.id === one.document.id);
    const { rewrapDataKey } = await import("../../src/server/blobs/encrypted-blobs");
    expect(await table!.update(row!, rewrapDataKey(row!.blobKey, row!.wrapped, row!.masterKeyId))).toBe(true);
    const wrappedOne = (await rowsOf(one)).document.dataKeyWrapped;

    await rewrapDataKeys({ batchSize: 2 });
    expect((await rowsOf(one)).document.dataKeyWrapped).toEqual(wrappedOne);
    expect((await rowsOf(two)).document.masterKeyId).toBe(currentMasterKeyId());
    useKeys(KEY_B);
    expect((await readBoth(one)).documentBytes.equals(one.documentBytes)).toBe(true);
    expect((await readBoth(two)).receiptBytes.equals(two.receiptBytes)).toBe(true);
  });

  it("covers every column of the schema that names a master key", async () => {
    const schema = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
    const columns: string[] = [];
    for (const model of schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)) {
      const table = /@@map\("([^"]+)"\)/.exec(model[1]!)?.[1];
      for (const column of model[1]!.matchAll(/@map\("([a-z_]*master_key_id)"\)/g)) columns.push(`${table}.${column[1]}`);
    }
    expect(columns.length).toBeGreaterThan(0);
    expect(WRAPPED_KEY_TABLES.map((t) => t.column).sort()).toEqual(columns.sort());
  });

  it("rejects a malformed BLOB_MASTER_KEYS_PREVIOUS without echoing it", () => {
    const base = { DATABASE_URL: "postgres://u:p@localhost/db", APP_SECRET: randomBytes(32).toString("base64"), BLOB_MASTER_KEY: KEY_B };
    expect(parseEnv({ ...base, BLOB_MASTER_KEYS_PREVIOUS: `${KEY_A}, ${randomBytes(32).toString("hex")}` }).BLOB_MASTER_KEYS_PREVIOUS).toHaveLength(2);
    expect(() => parseEnv({ ...base, BLOB_MASTER_KEYS_PREVIOUS: `${KEY_A},c2hvcnQ=` })).toThrow(ConfigurationError);
    try {
      parseEnv({ ...base, BLOB_MASTER_KEYS_PREVIOUS: `${KEY_A},c2hvcnQ=` });
    } catch (error) {
      expect((error as Error).message).toContain("BLOB_MASTER_KEYS_PREVIOUS");
      expect((error as Error).message).not.toContain(KEY_A);
    }
  });
});

