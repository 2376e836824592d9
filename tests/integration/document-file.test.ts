// Reading a document (issue #5 points 3 and 8; seed 000 arts. 6 and 8): only
// its applicant, only after the opening is recorded, decrypted and checked.
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocumentFile } from "../../src/server/applicant-documents/read-document-file";
import { storeEncrypted } from "../../src/server/blobs/encrypted-blobs";
import { openDocument } from "../../src/server/documents/open-document";
import { db } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { createActiveApplicant, createAvailableDocument } from "../factories";

const request = { ip: null, userAgent: "test" };
let blobDir: string;

beforeAll(async () => {
  blobDir = await mkdtemp(path.join(os.tmpdir(), "epns-doc-file-"));
  process.env.BLOB_DIR = blobDir;
  resetEnvForTests();
});

afterAll(() => {
  delete process.env.BLOB_DIR;
  resetEnvForTests();
});

async function storedDocument() {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Convocation");
  const bytes = await pdf.save();
  const storageKey = `documents/${randomUUID()}`;
  const ref = await storeEncrypted(storageKey, bytes);
  const { applicant } = await createActiveApplicant();
  const document = await createAvailableDocument({ applicantId: applicant.id, storageKey, sha256: ref.sha256, sizeBytes: ref.sizeBytes, dataKeyWrapped: ref.dataKeyWrapped, masterKeyId: ref.masterKeyId });
  return { current: { applicantId: applicant.id, sessionId: "s", language: "fr" }, document, bytes, storageKey };
}

describe("readDocumentFile", () => {
  it("serves the decrypted PDF only after the opening is recorded, and audits it", async () => {
    const { current, document, bytes } = await storedDocument();
    await expect(readDocumentFile(current, document.id, request)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await openDocument(current, document.id, request);
    const file = await readDocumentFile(current, document.id, request);
    expect(Buffer.compare(file.bytes, Buffer.from(bytes))).toBe(0);
    expect(file.filename).toMatch(/^EPNS-T-[A-Za-z0-9]+\.pdf$/);
    expect(await db().auditEvent.count({ where: { targetId: document.id, action: "document.downloaded" } })).toBe(1);
  });

  it("never serves another applicant's document", async () => {
    const mine = await storedDocument();
    const theirs = await storedDocument();
    await openDocument(theirs.current, theirs.document.id, request);
    await expect(readDocumentFile(mine.current, theirs.document.id, request)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a stored file that was changed", async () => {
    const { current, document, storageKey } = await storedDocument();
    await openDocument(current, document.id, request);
    const file = path.join(blobDir, storageKey);
    const stored = await readFile(file);
    stored[stored.length - 20]! ^= 0xff;
    await writeFile(file, stored);
    await expect(readDocumentFile(current, document.id, request)).rejects.toThrow();
  });
});
