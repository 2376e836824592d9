// Finishes a receipt (seed 000, art. 6; ADR 009): a réception receipt recorded
// while the TSA was down gets its RFC 3161 token over its statement, and every
// receipt gets its sealed PDF rendering (PAdES, art. 5), stored encrypted.
// Idempotent and safe to race: each step is a conditional UPDATE of a NULL
// column (the receipt_no_rewrite trigger refuses any other change), and a PDF
// stored by the loser of a race is deleted.
import { randomUUID } from "node:crypto";
import type { Locale } from "../../i18n/routing";
import { LOCALES } from "../../i18n/routing";
import { statementDigest } from "../../lib/receipt-statement";
import { recordAuditEvent } from "../audit/record-audit-event";
import { blobStore } from "../blobs/blob-store";
import { storeEncrypted } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import { env } from "../env";
import { configuredSealSigner } from "../sealing/configured-seal-signer";
import { sealPdf } from "../sealing/seal-pdf";
import { requestTimestamp, TsaUnavailableError } from "../timestamping/request-timestamp";
import type { TReceiptFacts } from "./receipt-facts";
import { renderReceiptPdf } from "./render-receipt-pdf";

export type ReceiptCompletion = "COMPLETE" | "WAITING_FOR_TSA" | "NOT_FOUND";

const SELECT = {
  id: true, kind: true, basis: true, eventAt: true, statement: true, timestampToken: true, tokenGenTime: true, tsaName: true, tsaSerial: true, pdfStorageKey: true,
  document: { select: { reference: true, type: true, sha256: true, applicant: { select: { agdrefNumber: true, language: true } } } },
} as const;

async function addToken(receiptId: string, statement: string): Promise<void> {
  const token = await requestTimestamp(statementDigest(statement));
  await db().$transaction(async (tx) => {
    const { count } = await tx.receipt.updateMany({
      where: { id: receiptId, timestampToken: null },
      data: { timestampToken: new Uint8Array(token.token), tokenGenTime: token.genTime, tsaName: token.tsaName, tsaSerial: token.serial },
    });
    if (count === 1) await recordAuditEvent(tx, { actor: { type: "SYSTEM", id: "receipts" }, action: "receipt.timestamped", target: { type: "receipt", id: receiptId }, details: { tsaSerial: token.serial } });
  });
}

export async function completeReceipt(receiptId: string, now = new Date()): Promise<ReceiptCompletion> {
  try {
    let receipt = await db().receipt.findUnique({ where: { id: receiptId }, select: SELECT });
    if (!receipt) return "NOT_FOUND";
    if (!receipt.timestampToken) {
      // Only a réception receipt can lack its token, and it has a statement (CHECKs in SQL;
      // rows older than migration 0005, in development databases only, have none: left alone).
      if (receipt.statement === null) return "NOT_FOUND";
      await addToken(receipt.id, receipt.statement);
      receipt = (await db().receipt.findUnique({ where: { id: receiptId }, select: SELECT }))!;
    }
    if (receipt.pdfStorageKey) return "COMPLETE";
    const { document } = receipt;
    // A receipt's document always has its stored PDF (only POSTAL documents lack one, and they have no receipts).
    if (document.sha256 === null) return "NOT_FOUND";
    const facts: TReceiptFacts = {
      format: 1,
      kind: receipt.kind,
      basis: receipt.basis,
      documentReference: document.reference,
      documentType: document.type,
      documentSha256: document.sha256,
      agdrefNumber: document.applicant.agdrefNumber,
      eventAt: receipt.eventAt.toISOString(),
      tokenGenTime: receipt.tokenGenTime!.toISOString(),
      tsaName: receipt.tsaName!,
      tsaSerial: receipt.tsaSerial!,
    };
    const language = (LOCALES as readonly string[]).includes(document.applicant.language) ? (document.applicant.language as Locale) : "fr";
    const rendered = await renderReceiptPdf({ facts, token: receipt.timestampToken!, statement: receipt.statement, language, verifyUrl: `${env().APP_URL.replace(/\/$/, "")}/verify`, issuedAt: now });
    const sealed = await sealPdf(rendered, { signer: await configuredSealSigner(), timestamp: async (digest) => (await requestTimestamp(digest)).token, signingTime: now, reason: "Cachet OFPRA - EPNS" });
    const key = `receipts/${randomUUID()}`;
    const stored = await storeEncrypted(key, sealed);
    const { count } = await db().receipt.updateMany({
      where: { id: receipt.id, pdfStorageKey: null },
      data: { pdfStorageKey: key, pdfSha256: stored.sha256, pdfDataKeyWrapped: stored.dataKeyWrapped, pdfMasterKeyId: stored.masterKeyId },
    });
    if (count !== 1) await blobStore().delete(key).catch(() => undefined);
    return "COMPLETE";
  } catch (error) {
    if (error instanceof TsaUnavailableError) return "WAITING_FOR_TSA";
    throw error;
  }
}

/** The receipt of one kind of a document, finished if it exists (e.g. right after a publication). */
export async function completeDocumentReceipt(documentId: string, kind: "AVAILABILITY" | "RECEPTION"): Promise<ReceiptCompletion> {
  const receipt = await db().receipt.findUnique({ where: { documentId_kind: { documentId, kind } }, select: { id: true } });
  return receipt ? completeReceipt(receipt.id) : "NOT_FOUND";
}
