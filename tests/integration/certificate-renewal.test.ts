// Seal and TSA certificate renewal (issue #7, point 5; docs/key-management.md;
// seed 000 arts. 5 and 6: receipts must stay provable): a receipt sealed with
// certificate A and timestamped by TSA 1 still verifies once the configuration
// has moved to certificate B and TSA 2, under the same CA or a new one, as long
// as the former CAs stay listed; and each certificate is judged at the time of
// the signature timestamp, not now.
import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReceiptFile } from "../../src/server/applicant-documents/read-receipt-file";
import { db } from "../../src/server/db/client";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { openDocument } from "../../src/server/documents/open-document";
import { resetEnvForTests } from "../../src/server/env";
import { completePendingReceipts } from "../../src/server/receipts/complete-pending-receipts";
import { sealPdf } from "../../src/server/sealing/seal-pdf";
import { createTimestampResponse } from "../../src/server/timestamping/create-timestamp-response";
import { checkPdfSignature } from "../../src/server/verification/pdf-signature";
import { trustAnchors } from "../../src/server/verification/trust-anchors";
import { verifyReceipt } from "../../src/server/verification/verify-receipt";
import { createActiveApplicant, createStaffUser } from "../factories";
import { createTestCa, issueTestCertificate, sealP12, tokenAt, type TestCa, type TestHolder } from "../helpers/test-pki";

const dir = mkdtempSync(path.join(os.tmpdir(), "epns-renewal-"));
const request = { ip: null, userAgent: "test" };
const CONFIG_NAMES = ["LOCAL_DATA_DIR", "BLOB_DIR", "SEAL_P12_PATH", "SEAL_P12_PASSWORD", "SEAL_CA_PEM_PATH", "TSA_URL", "TSA_CA_PEM_PATH"] as const;
const saved = Object.fromEntries(CONFIG_NAMES.map((name) => [name, process.env[name]]));
const LONG: { notBefore: Date; notAfter: Date } = { notBefore: new Date("2019-01-01T00:00:00Z"), notAfter: new Date("2045-01-01T00:00:00Z") };

let fileCount = 0;
/** A new file each time: the PEM and PKCS#12 loaders cache by path. */
function file(content: string | Buffer, extension: string): string {
  const name = path.join(dir, `config-${++fileCount}.${extension}`);
  writeFileSync(name, content);
  return name;
}
const pem = (...cas: TestCa[]) => file(cas.map((ca) => ca.pem).join("\n"), "pem");

function configure(values: Partial<Record<(typeof CONFIG_NAMES)[number], string>>) {
  for (const name of ["SEAL_P12_PATH", "SEAL_P12_PASSWORD", "SEAL_CA_PEM_PATH", "TSA_URL", "TSA_CA_PEM_PATH"] as const) delete process.env[name];
  Object.assign(process.env, values);
  resetEnvForTests();
}

// An outside TSA (TSA_URL) whose certificate the test renews.
let tsaServer: Server;
let tsaUrl: string;
let currentTsa: TestHolder;

let sealCa1: TestCa, sealCa2: TestCa, tsaCa1: TestCa, tsaCa2: TestCa;
let sealA: TestHolder, sealB: TestHolder, sealBSameCa: TestHolder, tsa1: TestHolder, tsa2: TestHolder;

beforeAll(async () => {
  Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs") });
  [sealCa1, sealCa2, tsaCa1, tsaCa2] = await Promise.all([createTestCa("Seal CA 1", LONG), createTestCa("Seal CA 2", LONG), createTestCa("TSA CA 1", LONG), createTestCa("TSA CA 2", LONG)]);
  [sealA, sealB, sealBSameCa, tsa1, tsa2] = await Promise.all([
    issueTestCertificate(sealCa1, "seal", "Cachet A", LONG),
    issueTestCertificate(sealCa2, "seal", "Cachet B (new CA)", LONG),
    issueTestCertificate(sealCa1, "seal", "Cachet B (same CA)", LONG),
    issueTestCertificate(tsaCa1, "tsa", "Horodatage 1", LONG),
    issueTestCertificate(tsaCa2, "tsa", "Horodatage 2", LONG),
  ]);
  currentTsa = tsa1;
  tsaServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const reply = await createTimestampResponse(Buffer.concat(chunks), { certDer: currentTsa.der, privateKey: currentTsa.privateKey });
      res.writeHead(200, { "Content-Type": "application/timestamp-reply" }).end(reply);
    });
  });
  await new Promise<void>((resolve) => tsaServer.listen(0, "127.0.0.1", resolve));
  const address = tsaServer.address();
  tsaUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/tsa`;
});

afterAll(async () => {
  await new Promise((resolve) => tsaServer.close(resolve));
  for (const name of CONFIG_NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvForTests();
});

/** A receipt PDF (accusé de mise à disposition) made by the real pipeline under the current configuration. */
async function receiptUnderCurrentConfiguration(): Promise<Buffer> {
  const agent = await createStaffUser({ role: "OFPRA_AGENT" });
  const { applicant } = await createActiveApplicant({ language: "fr" });
  const source = await PDFDocument.create();
  source.addPage().drawText("Convocation");
  const { documentId } = await depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, await source.save(), agent, request);
  const current = { applicantId: applicant.id, sessionId: "s", language: "fr" };
  await openDocument(current, documentId, request);
  while ((await db().receipt.count({ where: { documentId, pdfStorageKey: null } })) > 0) await completePendingReceipts();
  return (await readReceiptFile(current, documentId, "mise-a-disposition.pdf", request)).bytes;
}

const verifyNow = async (receipt: Uint8Array) => verifyReceipt(receipt, undefined, await trustAnchors());

describe("certificate renewal", () => {
  it("a receipt sealed with A and timestamped by TSA 1 still verifies after the switch to B and TSA 2 under new CAs, while the old CAs stay listed", async () => {
    const password = "renewal-test";
    currentTsa = tsa1;
    configure({ SEAL_P12_PATH: file(sealP12(sealA, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa1), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1) });
    const oldReceipt = await receiptUnderCurrentConfiguration();
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: true, seal: { valid: true, signer: expect.stringContaining("Cachet A") }, token: { valid: true, chainChecked: true } });

    // Renewal: new seal certificate under a new CA, new TSA certificate under a new CA; both PEM files list old and new.
    currentTsa = tsa2;
    configure({ SEAL_P12_PATH: file(sealP12(sealB, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa1, sealCa2), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1, tsaCa2) });
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: true, seal: { valid: true, signer: expect.stringContaining("Cachet A") }, token: { valid: true } });
    const newReceipt = await receiptUnderCurrentConfiguration();
    expect(await verifyNow(newReceipt)).toMatchObject({ valid: true, seal: { valid: true, signer: expect.stringContaining("Cachet B") }, token: { valid: true } });

    // The current PKCS#12's own CA is trusted even when the PEM list still names only the former one.
    configure({ SEAL_P12_PATH: file(sealP12(sealB, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa1), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1, tsaCa2) });
    expect(await verifyNow(newReceipt)).toMatchObject({ valid: true });
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: true });

    // Without the former CAs, the old receipt is no longer trusted: the lists are what keeps it verifiable.
    configure({ SEAL_P12_PATH: file(sealP12(sealB, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa2), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1, tsaCa2) });
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: false, seal: { valid: false, reason: "UNTRUSTED" } });
    configure({ SEAL_P12_PATH: file(sealP12(sealB, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa1, sealCa2), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa2) });
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: false, token: { valid: false } });
    // The new receipt does not depend on the old CAs.
    configure({ SEAL_P12_PATH: file(sealP12(sealB, password), "p12"), SEAL_P12_PASSWORD: password, SEAL_CA_PEM_PATH: pem(sealCa2), TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa2) });
    expect(await verifyNow(newReceipt)).toMatchObject({ valid: true });
  }, 300_000);

  it("a renewal under the same CA needs no configuration change but the PKCS#12", async () => {
    const password = "same-ca";
    currentTsa = tsa1;
    configure({ SEAL_P12_PATH: file(sealP12(sealA, password), "p12"), SEAL_P12_PASSWORD: password, TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1) });
    const oldReceipt = await receiptUnderCurrentConfiguration();
    configure({ SEAL_P12_PATH: file(sealP12(sealBSameCa, password), "p12"), SEAL_P12_PASSWORD: password, TSA_URL: tsaUrl, TSA_CA_PEM_PATH: pem(tsaCa1) });
    expect(await verifyNow(oldReceipt)).toMatchObject({ valid: true, seal: { valid: true, signer: expect.stringContaining("Cachet A") } });
  }, 120_000);

  it("judges the seal and TSA certificates at the signature timestamp's time, not now", async () => {
    const year2020 = { notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2021-01-01T00:00:00Z") };
    const expiredSeal = await issueTestCertificate(sealCa1, "seal", "Cachet 2020", year2020);
    const expiredTsa = await issueTestCertificate(tsaCa1, "tsa", "Horodatage 2020", year2020);
    const source = await PDFDocument.create();
    source.addPage().drawText("Décision");
    const bytes = await source.save();
    const sealedAt = async (at: Date) =>
      sealPdf(bytes, { signer: { certDer: expiredSeal.der, chainDer: [sealCa1.der], privateKey: expiredSeal.privateKey }, timestamp: (digest) => tokenAt(expiredTsa, digest, at), signingTime: at });
    const anchors = { seal: [sealCa1.der], tsa: [tsaCa1.der] };

    // Both certificates expired years ago, but were valid when the timestamp was made: valid.
    const in2020 = await checkPdfSignature(await sealedAt(new Date("2020-06-15T10:00:00Z")), anchors);
    expect(in2020).toMatchObject({ valid: true, signedAt: new Date("2020-06-15T10:00:00Z") });
    // A timestamp dated after both expired: the TSA's certificate is refused first.
    expect(await checkPdfSignature(await sealedAt(new Date("2022-06-15T10:00:00Z")), anchors)).toEqual({ valid: false, reason: "BAD_SIGNATURE_TIMESTAMP" });
    const lateSeal = await sealPdf(bytes, {
      signer: { certDer: expiredSeal.der, chainDer: [sealCa1.der], privateKey: expiredSeal.privateKey },
      timestamp: (digest) => tokenAt(tsa1, digest, new Date("2022-06-15T10:00:00Z")),
      signingTime: new Date("2022-06-15T10:00:00Z"),
    });
    // A valid TSA, but the seal certificate had expired at that time.
    expect(await checkPdfSignature(lateSeal, anchors)).toEqual({ valid: false, reason: "UNTRUSTED" });
  }, 120_000);
});
