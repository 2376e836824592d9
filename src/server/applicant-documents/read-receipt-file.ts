// A receipt of one of the applicant's documents, as a file to keep (issue #5,
// point 8): the sealed PDF (decrypted, checked against its SHA-256), the token
// as an RFC 3161 reply (.tsr), or the statement a réception token covers (.txt).
// Scoped to the applicant in the where: anything else is "not found".
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { readDecrypted } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isUuid } from "../../lib/identifiers";
import { timestampReplyOf } from "../timestamping/timestamp-reply";

const KINDS = { "mise-a-disposition": "AVAILABILITY", reception: "RECEPTION" } as const;
const FORMATS = { pdf: "application/pdf", tsr: "application/timestamp-reply", txt: "text/plain; charset=utf-8" } as const;

export type ReceiptFileName = { kind: "AVAILABILITY" | "RECEPTION"; slug: keyof typeof KINDS; format: keyof typeof FORMATS };
export type ReceiptFile = { bytes: Buffer; filename: string; contentType: string };

/** "mise-a-disposition.pdf", "reception.tsr", "reception.txt"…; null for anything else. */
export function parseReceiptFileName(name: string): ReceiptFileName | null {
  const match = /^(mise-a-disposition|reception)\.(pdf|tsr|txt)$/.exec(name);
  if (!match) return null;
  const slug = match[1] as keyof typeof KINDS;
  const format = match[2] as keyof typeof FORMATS;
  if (format === "txt" && slug !== "reception") return null;
  return { kind: KINDS[slug], slug, format };
}

export function receiptFilePath(kind: "AVAILABILITY" | "RECEPTION", format: keyof typeof FORMATS): string {
  return `${kind === "AVAILABILITY" ? "mise-a-disposition" : "reception"}.${format}`;
}

export async function readReceiptFile(current: CurrentApplicant, documentId: string, name: string, request: RequestContext): Promise<ReceiptFile> {
  const wanted = parseReceiptFileName(name);
  if (!wanted || !isUuid(documentId)) throw new AppError("NOT_FOUND");
  const receipt = await db().receipt.findFirst({
    where: { documentId, kind: wanted.kind, document: { applicantId: current.applicantId, applicant: { state: "ACTIVE" } } },
    select: { id: true, timestampToken: true, statement: true, pdfStorageKey: true, pdfSha256: true, pdfDataKeyWrapped: true, pdfMasterKeyId: true, document: { select: { reference: true } } },
  });
  let bytes: Buffer | undefined;
  if (receipt && wanted.format === "pdf" && receipt.pdfStorageKey) {
    bytes = await readDecrypted(receipt.pdfStorageKey, { sha256: receipt.pdfSha256!, dataKeyWrapped: Buffer.from(receipt.pdfDataKeyWrapped!), masterKeyId: receipt.pdfMasterKeyId! });
  }
  if (receipt && wanted.format === "tsr" && receipt.timestampToken) bytes = timestampReplyOf(receipt.timestampToken);
  if (receipt && wanted.format === "txt" && receipt.statement) bytes = Buffer.from(receipt.statement, "utf8");
  if (!receipt || !bytes) throw new AppError("NOT_FOUND");
  await recordAuditEventNow({ actor: { type: "APPLICANT", id: current.applicantId }, action: "receipt.downloaded", target: { type: "receipt", id: receipt.id }, request, details: { format: wanted.format } });
  const reference = receipt.document.reference.replace(/[^A-Za-z0-9-]/g, "");
  return { bytes, filename: `${reference}-accuse-${wanted.slug}.${wanted.format}`, contentType: FORMATS[wanted.format] };
}
