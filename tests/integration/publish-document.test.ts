// Deposit and mise à disposition (seed 000, arts. 5-7; issue #5 points 1-5):
// validated, sealed, stored encrypted, timestamped, visible only with its
// accusé de mise à disposition, alerts queued; refusals store nothing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfPeriod } from "../../src/lib/fifteen-day-period";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { publishPendingDocument } from "../../src/server/documents/publish-pending-document";
import { PUBLISH_RETRY_AFTER_MS, publishPendingDocuments } from "../../src/server/documents/publish-pending-documents";
import { openDocument } from "../../src/server/documents/open-document";
import { readDocumentFile } from "../../src/server/applicant-documents/read-document-file";
import { db } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { freePort } from "../../src/server/local/free-port";
import { createActiveApplicant, createApplicant, createStaffUser } from "../factories";

const dir = mkdtempSync(path.join(os.tmpdir(), "epns-publish-"));
const storedBlobs = () => {
  try {
    return readdirSync(path.join(dir, "blobs", "documents")).length;
  } catch {
    return 0;
  }
};
const request = { ip: null, userAgent: "test" };

beforeAll(() => {
  Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs") });
  resetEnvForTests();
});

afterAll(() => {
  for (const key of ["LOCAL_DATA_DIR", "BLOB_DIR", "TSA_URL"]) delete process.env[key];
  resetEnvForTests();
});

async function pdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Convocation, page ${i + 1}`);
  return doc.save();
}

async function agentAndApplicant() {
  const agent = await createStaffUser({ role: "OFPRA_AGENT" });
  const { applicant } = await createActiveApplicant({ email: `pub-${Math.random().toString(36).slice(2)}@example.org`, emailVerifiedAt: new Date() });
  return { agent, applicant };
}

describe("depositDocument", () => {
  it("publishes a sealed document with its RFC 3161 accusé de mise à disposition and an alert, in one step", async () => {
    const { agent, applicant } = await agentAndApplicant();
    const { documentId, state } = await depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, await pdf(), agent, request);
    expect(state).toBe("AVAILABLE");
    const document = await db().document.findUniqueOrThrow({ where: { id: documentId }, include: { receipts: true, outboxMessages: true } });
    const [receipt] = document.receipts;
    expect(receipt).toMatchObject({ kind: "AVAILABILITY", eventAt: document.availableAt });
    expect(document.deadlineAt).toEqual(endOfPeriod(document.availableAt!));
    expect(document.outboxMessages.map((m) => m.template)).toEqual(["document-available"]);

    // Outside oracles: the token verifies over the stored document's hash; the seal is valid and whole.
    const token = path.join(dir, `${documentId}.tsr`);
    writeFileSync(token, receipt!.timestampToken!);
    const ts = execFileSync("openssl", ["ts", "-verify", "-digest", document.sha256!, "-in", token, "-token_in", "-CAfile", path.join(dir, "pki", "ca.pem")], { encoding: "utf8" });
    expect(ts).toContain("Verification: OK");
    await openDocument({ applicantId: applicant.id, sessionId: "s", language: "fr" }, documentId, request);
    const file = await readDocumentFile({ applicantId: applicant.id, sessionId: "s", language: "fr" }, documentId, request);
    const sealedPath = path.join(dir, `${documentId}.pdf`);
    writeFileSync(sealedPath, file.bytes);
    const sig = execFileSync("pdfsig", [sealedPath], { encoding: "utf8" });
    expect(sig).toContain("Signature Validation: Signature is Valid.");
    expect(sig).toContain("Total document signed");
    expect(sig).toContain("ETSI.CAdES.detached");
  });

  it("keeps the document PENDING and invisible while the TSA is down, then publishes it when it answers", async () => {
    const { agent, applicant } = await agentAndApplicant();
    process.env.TSA_URL = `http://127.0.0.1:${await freePort()}/tsa`;
    resetEnvForTests();
    const { documentId, state } = await depositDocument({ applicantId: applicant.id, type: "DECISION" }, await pdf(), agent, request);
    expect(state).toBe("PENDING");
    const pending = await db().document.findUniqueOrThrow({ where: { id: documentId }, include: { receipts: true, outboxMessages: true } });
    expect(pending).toMatchObject({ state: "PENDING", availableAt: null, receipts: [], outboxMessages: [] });
    delete process.env.TSA_URL;
    resetEnvForTests();
    // The worker leaves a fresh deposit to the request that made it (no double seal), then retries it.
    const later = new Date(pending.depositedAt.getTime() + PUBLISH_RETRY_AFTER_MS);
    // (Other tests' pending documents, if any, are moved out of the window so that the counts are this document's.)
    await db().document.updateMany({ where: { state: "PENDING", id: { not: documentId } }, data: { depositedAt: new Date(later.getTime() + 1) } });
    expect(await publishPendingDocuments(100, new Date(later.getTime() - 1))).toEqual({ published: 0, stillPending: 0 });
    expect(await publishPendingDocuments(100, later)).toEqual({ published: 1, stillPending: 0 });
    expect(await publishPendingDocument(documentId)).toBe("ALREADY_PUBLISHED");
    expect(await db().receipt.count({ where: { documentId, kind: "AVAILABILITY" } })).toBe(1);
  });

  it("refuses a bad PDF, an applicant who cannot be notified and a non-agent, storing nothing", async () => {
    const { agent, applicant } = await agentAndApplicant();
    const blobsBefore = storedBlobs();
    const countBefore = await db().document.count();
    await expect(depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, new TextEncoder().encode("not a pdf"), agent, request)).rejects.toMatchObject({ code: "PDF_REJECTED", details: { reason: "NOT_PDF" } });
    const pendingApplicant = await createApplicant();
    await expect(depositDocument({ applicantId: pendingApplicant.id, type: "CONVOCATION" }, await pdf(), agent, request)).rejects.toMatchObject({ code: "APPLICANT_NOT_NOTIFIABLE" });
    const exempt = await createActiveApplicant({ exempt: true, exemptionReason: "illettrisme numérique", exemptedAt: new Date() });
    await expect(depositDocument({ applicantId: exempt.applicant.id, type: "CONVOCATION" }, await pdf(), agent, request)).rejects.toMatchObject({ code: "APPLICANT_NOT_NOTIFIABLE", details: { reason: "EXEMPT" } });
    const host = await createStaffUser({ role: "HOST_STRUCTURE_STAFF" });
    await expect(depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, await pdf(), host, request)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().document.count()).toBe(countBefore);
    expect(storedBlobs()).toBe(blobsBefore);
  });
});
