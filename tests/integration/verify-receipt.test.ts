// Public verification (issue #5, point 9): receipts, tokens and documents as
// anyone may upload them, genuine, altered or foreign; and the CLI that gives
// the same answers (`npm run verify`).
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { withLocalDataDir } from "../helpers/local-data-dir";
import { readDocumentFile } from "../../src/server/applicant-documents/read-document-file";
import { readReceiptFile } from "../../src/server/applicant-documents/read-receipt-file";
import { db } from "../../src/server/db/client";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { openDocument } from "../../src/server/documents/open-document";
import { loadOrCreateDevPki } from "../../src/server/pki/dev-pki";
import { completePendingReceipts } from "../../src/server/receipts/complete-pending-receipts";
import { sealPdf } from "../../src/server/sealing/seal-pdf";
import { requestTimestamp } from "../../src/server/timestamping/request-timestamp";
import { trustAnchors } from "../../src/server/verification/trust-anchors";
import { verifyReceipt } from "../../src/server/verification/verify-receipt";
import { createActiveApplicant, createStaffUser } from "../factories";

const dir = withLocalDataDir("verify");
const request = { ip: null, userAgent: "test" };
let files: { availabilityPdf: Buffer; availabilityTsr: Buffer; receptionPdf: Buffer; receptionTsr: Buffer; statement: Buffer; document: Buffer };

beforeAll(async () => {
  const agent = await createStaffUser({ role: "OFPRA_AGENT" });
  const { applicant } = await createActiveApplicant({ language: "en" });
  const source = await PDFDocument.create();
  source.addPage().drawText("Convocation");
  const { documentId } = await depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, await source.save(), agent, request);
  const current = { applicantId: applicant.id, sessionId: "s", language: "en" };
  await openDocument(current, documentId, request);
  while ((await db().receipt.count({ where: { documentId, pdfStorageKey: null } })) > 0) await completePendingReceipts();
  const read = async (name: string) => (await readReceiptFile(current, documentId, name, request)).bytes;
  files = {
    availabilityPdf: await read("mise-a-disposition.pdf"),
    availabilityTsr: await read("mise-a-disposition.tsr"),
    receptionPdf: await read("reception.pdf"),
    receptionTsr: await read("reception.tsr"),
    statement: await read("reception.txt"),
    document: (await readDocumentFile(current, documentId, request)).bytes,
  };
});


const verify = async (file: Uint8Array, document?: Uint8Array) => verifyReceipt(file, document, await trustAnchors());

describe("verifyReceipt", () => {
  it("a genuine accusé de mise à disposition verifies, with and without its document, and shows what it says", async () => {
    const alone = await verify(files.availabilityPdf);
    expect(alone).toMatchObject({ input: "RECEIPT_PDF", valid: true, seal: { valid: true }, token: { valid: true, chainChecked: true }, problems: [] });
    expect(alone.facts).toMatchObject({ kind: "AVAILABILITY", documentType: "CONVOCATION" });
    expect(await verify(files.availabilityPdf, files.document)).toMatchObject({ valid: true, document: { matches: true } });
  });

  it("a genuine accusé de réception verifies against the document", async () => {
    const result = await verify(files.receptionPdf, files.document);
    expect(result).toMatchObject({ input: "RECEIPT_PDF", valid: true, facts: { kind: "RECEPTION", basis: "OPENED" }, document: { matches: true } });
  });

  it("another document is reported as not covered", async () => {
    const other = await PDFDocument.create();
    other.addPage().drawText("Another letter");
    const result = await verify(files.availabilityPdf, await other.save());
    expect(result).toMatchObject({ valid: false, document: { matches: false }, problems: ["DOCUMENT_MISMATCH"] });
  });

  it("one changed byte in the signed part breaks the seal; appended bytes are not the whole document", async () => {
    const changed = Buffer.from(files.availabilityPdf);
    changed[400] = changed[400]! ^ 0x01; // inside the first signed range (the signature dictionary comes later)
    expect((await verify(changed)).seal).toEqual({ valid: false, reason: "DIGEST_MISMATCH" });
    const appended = Buffer.concat([files.availabilityPdf, Buffer.from("\n% extra\n")]);
    expect(await verify(appended)).toMatchObject({ valid: false, seal: { valid: false, reason: "NOT_WHOLE_DOCUMENT" } });
  });

  it("a receipt sealed under another CA is not trusted", async () => {
    const foreign = await loadOrCreateDevPki(path.join(dir, "foreign-pki"));
    const resealed = await PDFDocument.create();
    resealed.addPage().drawText("Forged receipt");
    const sealed = await sealPdf(await resealed.save(), { signer: { certDer: foreign.seal.certDer, chainDer: foreign.seal.chainDer, privateKey: foreign.seal.privateKey }, timestamp: async (d) => (await requestTimestamp(d)).token, signingTime: new Date() });
    expect((await verify(sealed)).seal).toEqual({ valid: false, reason: "UNTRUSTED" });
  });

  it("the sealed document itself is recognised as sealed, not as a receipt", async () => {
    expect(await verify(files.document)).toMatchObject({ input: "SEALED_PDF", valid: false, seal: { valid: true }, problems: ["NOT_A_RECEIPT"] });
  });

  it("a bare .tsr verifies, and covers the sealed document (availability) or the statement (réception)", async () => {
    expect(await verify(files.availabilityTsr, files.document)).toMatchObject({ input: "TOKEN", valid: true, document: { matches: true } });
    expect(await verify(files.receptionTsr, files.statement)).toMatchObject({ input: "TOKEN", valid: true, document: { matches: true } });
    expect(await verify(files.receptionTsr, files.document)).toMatchObject({ valid: false, problems: ["DOCUMENT_MISMATCH"] });
  });

  it("anything else is unrecognised, and a corrupted token is not valid", async () => {
    expect(await verify(Buffer.from("hello"))).toMatchObject({ input: "UNRECOGNIZED", valid: false, problems: ["UNRECOGNIZED_FILE"] });
    expect(await verify(Buffer.alloc(0))).toMatchObject({ input: "UNRECOGNIZED", valid: false });
    const corrupted = Buffer.from(files.availabilityTsr);
    corrupted[corrupted.length - 10] = corrupted[corrupted.length - 10]! ^ 0xff;
    const result = await verify(corrupted);
    expect(result.valid).toBe(false);
  });
});

describe("npm run verify", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts", ...args], { encoding: "utf8", env: { ...process.env } });
  const save = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it("exits 0 and says VALID for a genuine receipt with its document", () => {
    const run = cli(save("r.pdf", files.receptionPdf), "--document", save("d.pdf", files.document));
    expect(run.stdout).toContain("Verdict: VALID");
    expect(run.stdout).toContain("Seal: valid");
    expect(run.status).toBe(0);
  });

  it("exits 1 on a mismatching document, 2 on a usage error", () => {
    const mismatch = cli(save("a.tsr", files.availabilityTsr), "--document", save("s.txt", files.statement));
    expect(mismatch.stdout).toContain("Verdict: NOT VALID");
    expect(mismatch.status).toBe(1);
    expect(cli().status).toBe(2);
  });

  it("agrees with openssl on the downloaded token", () => {
    const out = execFileSync("openssl", ["ts", "-verify", "-data", save("doc.pdf", files.document), "-in", save("av.tsr", files.availabilityTsr), "-CAfile", path.join(dir, "pki", "ca.pem")], { encoding: "utf8" });
    expect(out).toContain("Verification: OK");
  });
});
