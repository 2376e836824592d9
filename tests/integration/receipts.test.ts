// Receipts as proofs (seed 000, arts. 5 and 6; issue #5 points 4, 7, 8; ADR 009):
// every receipt gets a sealed PDF carrying its token; a réception token covers
// the statement fixed with the reception; a TSA outage delays the token, never
// the reading; proofs cannot be rewritten. Checked with outside tools
// (pdfsig, qpdf, openssl ts), not only with our own code.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReceptionStatement } from "../../src/lib/receipt-statement";
import { readDocumentFile } from "../../src/server/applicant-documents/read-document-file";
import { readReceiptFile } from "../../src/server/applicant-documents/read-receipt-file";
import { listDocumentReceipts } from "../../src/server/applicant-documents/list-document-receipts";
import { db } from "../../src/server/db/client";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { openDocument } from "../../src/server/documents/open-document";
import { resetEnvForTests } from "../../src/server/env";
import { freePort } from "../../src/server/local/free-port";
import { completePendingReceipts } from "../../src/server/receipts/complete-pending-receipts";
import { completeReceipt } from "../../src/server/receipts/complete-receipt";
import { createActiveApplicant, createAvailableDocument, createStaffUser } from "../factories";

const dir = mkdtempSync(path.join(os.tmpdir(), "epns-receipts-"));
const request = { ip: null, userAgent: "test" };
const ca = () => path.join(dir, "pki", "ca.pem");
const nssDir = path.join(dir, "nss");

beforeAll(() => {
  Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs"), APP_URL: "https://epns.example.test" });
  resetEnvForTests();
});

afterAll(() => {
  for (const key of ["LOCAL_DATA_DIR", "BLOB_DIR", "TSA_URL", "APP_URL"]) delete process.env[key];
  resetEnvForTests();
});

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Decision");
  return doc.save();
}

async function published(language = "fr") {
  const agent = await createStaffUser({ role: "OFPRA_AGENT" });
  const { applicant } = await createActiveApplicant({ language });
  const { documentId } = await depositDocument({ applicantId: applicant.id, type: "DECISION" }, await pdf(), agent, request);
  const current = { applicantId: applicant.id, sessionId: "s", language };
  return { applicant, documentId, current };
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

let nssReady = false;

/** pdfsig's verdict, trusting the development CA through an NSS database (PROOFS.md: parse the text, not the exit code). */
function pdfsig(file: string): string {
  if (!nssReady) {
    execFileSync("mkdir", ["-p", nssDir]);
    execFileSync("certutil", ["-N", "-d", `sql:${nssDir}`, "--empty-password"], { stdio: "ignore", timeout: 20_000 });
    execFileSync("certutil", ["-A", "-d", `sql:${nssDir}`, "-n", "epns-dev-ca", "-t", ",C,", "-i", ca()], { timeout: 20_000 });
    nssReady = true;
  }
  return execFileSync("pdfsig", ["-nssdir", `sql:${nssDir}`, file], { encoding: "utf8" });
}

/** An attached file, extracted by poppler's pdfdetach (by its number in the listing). */
function attachment(pdfFile: string, name: string): Buffer {
  const listing = execFileSync("pdfdetach", ["-list", pdfFile], { encoding: "utf8" });
  const number = [...listing.matchAll(/^(\d+): (.+)$/gm)].find((m) => m[2] === name)?.[1];
  if (!number) throw new Error(`no attachment ${name} in ${listing}`);
  const out = path.join(dir, `attachment-${Math.random().toString(36).slice(2)}`);
  execFileSync("pdfdetach", ["-save", number, "-o", out, pdfFile]);
  return readFileSync(out);
}
const squeeze = (s: string) => s.normalize("NFKC").replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/g, "");

describe("accusé de mise à disposition", () => {
  it("is a sealed PDF whose attached token verifies over the sealed document with openssl", async () => {
    const { documentId, current } = await published();
    const availability = await db().receipt.findFirstOrThrow({ where: { documentId, kind: "AVAILABILITY" } });
    expect(availability.pdfStorageKey).toBeNull();
    expect(await listDocumentReceipts(current, documentId)).toEqual([expect.objectContaining({ kind: "AVAILABILITY", pdfReady: false })]);

    expect(await completeReceipt(availability.id)).toBe("COMPLETE");
    expect(await listDocumentReceipts(current, documentId)).toEqual([expect.objectContaining({ kind: "AVAILABILITY", pdfReady: true })]);
    const receiptPdf = await readReceiptFile(current, documentId, "mise-a-disposition.pdf", request);
    expect(receiptPdf.contentType).toBe("application/pdf");
    expect(receiptPdf.filename).toMatch(/^EPNS-\d{4}-[0-9A-Z]{8}-accuse-mise-a-disposition\.pdf$/);
    const receiptFile = save(`${documentId}-availability.pdf`, receiptPdf.bytes);
    const verdict = pdfsig(receiptFile);
    expect(verdict).toContain("Signature Validation: Signature is Valid.");
    expect(verdict).toContain("Total document signed");
    expect(verdict).toContain("Certificate Validation: Certificate is Trusted.");
    execFileSync("qpdf", ["--check", receiptFile]);
    // The negative side: one changed byte in the signed range, and pdfsig reports it (its exit code would not).
    const changed = Buffer.from(receiptPdf.bytes);
    changed[400] = changed[400]! ^ 0x01;
    expect(pdfsig(save(`${documentId}-changed.pdf`, changed))).toContain("Digest Mismatch");
    const text = execFileSync("pdftotext", [receiptFile, "-"], { encoding: "utf8" });
    expect(text).toContain("Accusé de mise à disposition");
    expect(text).toContain("https://epns.example.test/verify");

    // The token inside the PDF, and the one downloaded as .tsr, are the same reply; both verify over the sealed document.
    const tsr = await readReceiptFile(current, documentId, "mise-a-disposition.tsr", request);
    expect(attachment(receiptFile, "jeton-horodatage.tsr").equals(tsr.bytes)).toBe(true);
    await openDocument(current, documentId, request);
    const sealed = save(`${documentId}.pdf`, (await readDocumentFile(current, documentId, request)).bytes);
    const ok = execFileSync("openssl", ["ts", "-verify", "-data", sealed, "-in", save(`${documentId}.tsr`, tsr.bytes), "-CAfile", ca()], { encoding: "utf8" });
    expect(ok).toContain("Verification: OK");
    const facts = JSON.parse(attachment(receiptFile, "accuse.json").toString("utf8"));
    expect(facts).toMatchObject({ kind: "AVAILABILITY", basis: null, documentType: "DECISION", eventAt: availability.eventAt.toISOString(), tsaSerial: availability.tsaSerial });
  });

  it("is printed in French and in the applicant's language", async () => {
    const { documentId, current } = await published("ar");
    const availability = await db().receipt.findFirstOrThrow({ where: { documentId, kind: "AVAILABILITY" } });
    await completeReceipt(availability.id);
    const file = save(`${documentId}-ar.pdf`, (await readReceiptFile(current, documentId, "mise-a-disposition.pdf", request)).bytes);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+2/);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Accusé de mise à disposition");
    expect(squeeze(text)).toContain(squeeze("إشعار بالإتاحة"));
  });
});

describe("accusé de réception", () => {
  it("timestamps the statement fixed at the first opening; openssl verifies the token over the downloaded statement", async () => {
    const { documentId, current } = await published();
    const opened = await openDocument(current, documentId, request);
    expect(opened.reception?.basis).toBe("OPENED");
    const reception = await db().receipt.findUniqueOrThrow({ where: { id: opened.reception!.receiptId } });
    expect(reception.timestampToken).toBeNull();
    const statement = parseReceptionStatement(reception.statement!);
    const document = await db().document.findUniqueOrThrow({ where: { id: documentId } });
    expect(statement).toEqual({ documentReference: document.reference, documentType: "DECISION", documentSha256: document.sha256, agdrefNumber: expect.stringMatching(/^\d{10}$/), basis: "OPENED", eventAt: opened.reception!.eventAt });

    expect(await completeReceipt(reception.id)).toBe("COMPLETE");
    const txt = save(`${documentId}-statement.txt`, (await readReceiptFile(current, documentId, "reception.txt", request)).bytes);
    const tsr = save(`${documentId}-reception.tsr`, (await readReceiptFile(current, documentId, "reception.tsr", request)).bytes);
    expect(execFileSync("openssl", ["ts", "-verify", "-data", txt, "-in", tsr, "-CAfile", ca()], { encoding: "utf8" })).toContain("Verification: OK");
    // One changed byte of the statement (the basis) and the token no longer matches.
    const forged = save(`${documentId}-forged.txt`, Buffer.from(readFileSync(txt, "utf8").replace("basis: OPENED", "basis: DEEMED")));
    expect(() => execFileSync("openssl", ["ts", "-verify", "-data", forged, "-in", tsr, "-CAfile", ca()], { stdio: "pipe" })).toThrow(/message imprint mismatch/);

    const receiptFile = save(`${documentId}-reception.pdf`, (await readReceiptFile(current, documentId, "reception.pdf", request)).bytes);
    expect(pdfsig(receiptFile)).toContain("Signature Validation: Signature is Valid.");
    expect(attachment(receiptFile, "declaration-horodatee.txt").toString("utf8")).toBe(reception.statement);
    expect(execFileSync("pdftotext", [receiptFile, "-"], { encoding: "utf8" })).toContain("Ouvert pour la première fois le");
  });

  it("dates a deemed réception at 24:00 on the 15th day", async () => {
    const { applicant } = await createActiveApplicant();
    const document = await createAvailableDocument({ applicantId: applicant.id, availableAt: new Date("2026-03-10T09:00:00Z"), deadlineAt: new Date("2026-03-25T23:00:00Z") });
    const { deemDueDocuments } = await import("../../src/server/documents/deem-due-documents");
    await deemDueDocuments(new Date("2026-03-26T08:00:00Z"));
    const receipt = await db().receipt.findFirstOrThrow({ where: { documentId: document.id, kind: "RECEPTION" } });
    expect(await completeReceipt(receipt.id)).toBe("COMPLETE");
    const current = { applicantId: applicant.id, sessionId: "s", language: "fr" };
    const file = save(`${document.id}-deemed.pdf`, (await readReceiptFile(current, document.id, "reception.pdf", request)).bytes);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("25/03/2026 à 24:00:00 (heure de Paris)");
    expect(text).toContain("Réputé reçu le");
  });

  it("lets the applicant read during a TSA outage; the job adds the token afterwards and the PDF says it came late", async () => {
    const { documentId, current } = await published();
    process.env.TSA_URL = `http://127.0.0.1:${await freePort()}/tsa`;
    resetEnvForTests();
    try {
      const opened = await openDocument(current, documentId, request);
      expect((await readDocumentFile(current, documentId, request)).bytes.length).toBeGreaterThan(0);
      expect(await completeReceipt(opened.reception!.receiptId)).toBe("WAITING_FOR_TSA");
      expect(await db().receipt.findUniqueOrThrow({ where: { id: opened.reception!.receiptId } })).toMatchObject({ timestampToken: null, pdfStorageKey: null });
      await expect(readReceiptFile(current, documentId, "reception.tsr", request)).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      delete process.env.TSA_URL;
      resetEnvForTests();
    }
    // The TSA answers again, ten minutes later.
    await db().$executeRaw`ALTER TABLE receipt DISABLE TRIGGER receipt_no_rewrite`;
    await db().receipt.updateMany({ where: { documentId, kind: "RECEPTION" }, data: { eventAt: new Date(Date.now() - 10 * 60_000) } });
    await db().$executeRaw`ALTER TABLE receipt ENABLE TRIGGER receipt_no_rewrite`;
    let pending = await completePendingReceipts();
    while (pending.completed > 0 && pending.waiting === 0 && (await db().receipt.count({ where: { documentId, pdfStorageKey: null } })) > 0) pending = await completePendingReceipts();
    const receipt = await db().receipt.findFirstOrThrow({ where: { documentId, kind: "RECEPTION" } });
    expect(receipt.timestampToken).not.toBeNull();
    expect(receipt.tokenGenTime!.getTime()).toBeGreaterThan(receipt.eventAt.getTime());
    const file = save(`${documentId}-late.pdf`, (await readReceiptFile(current, documentId, "reception.pdf", request)).bytes);
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain("Le service d'horodatage ne répondait pas");
  });
});

describe("receipts are proofs", () => {
  it("refuses any rewrite of what a receipt says, and a second token or PDF", async () => {
    const { documentId } = await published();
    const receipt = await db().receipt.findFirstOrThrow({ where: { documentId, kind: "AVAILABILITY" } });
    await expect(db().receipt.update({ where: { id: receipt.id }, data: { eventAt: new Date() } })).rejects.toThrow(/is a proof/);
    await expect(db().receipt.update({ where: { id: receipt.id }, data: { tsaSerial: "01" } })).rejects.toThrow(/already has its timestamp token/);
    await completeReceipt(receipt.id);
    await expect(db().receipt.update({ where: { id: receipt.id }, data: { pdfSha256: "0".repeat(64) } })).rejects.toThrow(/already has its PDF/);
    expect(await completeReceipt(receipt.id)).toBe("COMPLETE");
  });

  it("two finishers racing store one PDF", async () => {
    const { documentId } = await published();
    const receipt = await db().receipt.findFirstOrThrow({ where: { documentId, kind: "AVAILABILITY" } });
    const blobs = () => {
      try {
        return readdirSync(path.join(dir, "blobs", "receipts"));
      } catch {
        return [];
      }
    };
    const before = new Set(blobs());
    expect(await Promise.all([completeReceipt(receipt.id), completeReceipt(receipt.id), completeReceipt(receipt.id)])).toEqual(["COMPLETE", "COMPLETE", "COMPLETE"]);
    const { pdfStorageKey } = await db().receipt.findUniqueOrThrow({ where: { id: receipt.id } });
    // The losers' PDFs were deleted: the only new blob is the one the receipt refers to.
    expect(blobs().filter((name) => !before.has(name))).toEqual([pdfStorageKey!.replace("receipts/", "")]);
  });

  it("gives another applicant nothing", async () => {
    const { documentId } = await published();
    const { applicant: other } = await createActiveApplicant();
    const stranger = { applicantId: other.id, sessionId: "s", language: "fr" };
    await expect(readReceiptFile(stranger, documentId, "mise-a-disposition.tsr", request)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listDocumentReceipts(stranger, documentId)).toEqual([]);
    await expect(readReceiptFile(stranger, "not-a-uuid", "reception.pdf", request)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
