// The applicant's copy of their data (seed 000, art. 10; GDPR arts. 15 and 20):
// one ZIP with data.json (what the "My data" page shows, same field names),
// every document the applicant may already read, and every receipt (sealed
// PDF, RFC 3161 reply .tsr, timestamped statement .txt), as the document and
// receipt downloads serve them. Scoped to the session's applicant in every
// where; rate-limited per applicant (each export decrypts every document);
// recorded in the audit log with counts only (seed 000, art. 5).
//
// Seed 000, art. 6: the first consultation of a document by its recipient is
// what dates the accusé de réception. An export must never count as that
// consultation, nor hand over the content without it: documents not yet opened
// (AVAILABLE) are listed in data.json without their PDF, with a note asking the
// applicant to open them in the space (where the warning comes first); opened
// and deemed-received documents come with their PDF. Nothing here changes a
// document's state or writes a receipt.
import { storedContentOf } from "../documents/stored-content";
import { strToU8, zipSync, type Zippable } from "fflate";
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { consumeRateLimit } from "../auth/rate-limit";
import { readDecrypted } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import { AppError } from "../errors";
import { receiptFilePath } from "../applicant-documents/read-receipt-file";
import { timestampReplyOf } from "../timestamping/timestamp-reply";
import { collectApplicantData, type TApplicantData } from "./collect-applicant-data";

/** Documents and receipts beyond this total are listed, not included (to download one by one from the space). */
export const EXPORT_MAX_BYTES = 100 * 1024 * 1024;

/** The texts data.json carries in the applicant's language (given by the caller, which knows the locale). */
export type ExportNotes = { about: string; fields: Record<string, string>; unopened: string; notReadable: string; tooLarge: string };

export type ApplicantExport = { bytes: Uint8Array; filename: string; counts: { documents: number; receipts: number; files: number; notIncluded: number } };

type FileEntry = { path: string; bytes: Uint8Array };

const READABLE = new Set(["OPENED", "DEEMED_RECEIVED"]);

function safeName(reference: string): string {
  return reference.replace(/[^A-Za-z0-9-]/g, "") || "document";
}

export async function exportApplicantData(current: CurrentApplicant, notes: ExportNotes, request: RequestContext, now = new Date()): Promise<ApplicantExport> {
  const data = await collectApplicantData(current);
  if (!data) throw new AppError("SESSION_EXPIRED");
  await consumeRateLimit("dataExport", `applicant:${current.applicantId}`, now);

  // The blobs' references, read again with the applicant in the where.
  const stored = await db().document.findMany({
    where: { applicantId: current.applicantId, state: { not: "PENDING" }, applicant: { state: "ACTIVE" } },
    select: {
      id: true, reference: true, state: true, storageKey: true, sha256: true, dataKeyWrapped: true, masterKeyId: true,
      receipts: { select: { id: true, kind: true, timestampToken: true, statement: true, pdfStorageKey: true, pdfSha256: true, pdfDataKeyWrapped: true, pdfMasterKeyId: true } },
    },
  });

  const files: FileEntry[] = [];
  const notIncluded: Array<{ path: string; reason: string }> = [];
  const fileOf = new Map<string, { file: string | null; note: string | null; receiptFiles: string[] }>();
  let total = 0;
  const add = async (path: string, read: () => Promise<Uint8Array> | Uint8Array): Promise<boolean> => {
    const bytes = await read();
    if (total + bytes.length > EXPORT_MAX_BYTES) {
      notIncluded.push({ path, reason: notes.tooLarge });
      return false;
    }
    total += bytes.length;
    files.push({ path, bytes });
    return true;
  };

  let receiptCount = 0;
  for (const document of stored) {
    const base = `documents/${safeName(document.reference)}`;
    const entry = { file: null as string | null, note: null as string | null, receiptFiles: [] as string[] };
    if (READABLE.has(document.state)) {
      const path = `${base}.pdf`;
      const { storageKey, ...ref } = storedContentOf(document);
      if (await add(path, () => readDecrypted(storageKey, ref))) entry.file = path;
    } else {
      entry.note = document.state === "AVAILABLE" ? notes.unopened : notes.notReadable;
    }
    for (const receipt of document.receipts) {
      receiptCount += 1;
      if (receipt.pdfStorageKey) {
        const path = `${base}-accuse-${receiptFilePath(receipt.kind, "pdf")}`;
        const ref = { sha256: receipt.pdfSha256!, dataKeyWrapped: Buffer.from(receipt.pdfDataKeyWrapped!), masterKeyId: receipt.pdfMasterKeyId! };
        if (await add(path, () => readDecrypted(receipt.pdfStorageKey!, ref))) entry.receiptFiles.push(path);
      }
      if (receipt.timestampToken) {
        const path = `${base}-accuse-${receiptFilePath(receipt.kind, "tsr")}`;
        const bytes = timestampReplyOf(receipt.timestampToken);
        if (await add(path, () => bytes)) entry.receiptFiles.push(path);
      }
      if (receipt.statement) {
        const path = `${base}-accuse-${receiptFilePath(receipt.kind, "txt")}`;
        const bytes = strToU8(receipt.statement);
        if (await add(path, () => bytes)) entry.receiptFiles.push(path);
      }
    }
    fileOf.set(document.id, entry);
  }

  const json = dataJson(data, notes, now, fileOf, notIncluded);
  const zippable: Zippable = { "data.json": [strToU8(JSON.stringify(json, null, 2)), { level: 6 }] };
  // PDFs and tokens are already compact: stored as they are.
  for (const file of files) zippable[file.path] = [file.bytes, { level: 0 }];
  const bytes = zipSync(zippable, { mtime: now });

  const counts = { documents: stored.length, receipts: receiptCount, files: files.length, notIncluded: notIncluded.length };
  await recordAuditEventNow({ actor: { type: "APPLICANT", id: current.applicantId }, action: "applicant.data.exported", target: { type: "applicant", id: current.applicantId }, request, details: counts });
  return { bytes, filename: `epns-mes-donnees-${now.toISOString().slice(0, 10)}.zip`, counts };
}

function dataJson(
  data: TApplicantData,
  notes: ExportNotes,
  now: Date,
  fileOf: Map<string, { file: string | null; note: string | null; receiptFiles: string[] }>,
  notIncluded: Array<{ path: string; reason: string }>,
) {
  return {
    format: 1,
    generatedAt: now.toISOString(),
    about: notes.about,
    fields: notes.fields,
    ...data,
    documents: data.documents.map((d) => ({ ...d, file: fileOf.get(d.id)?.file ?? null, note: fileOf.get(d.id)?.note ?? null, receiptFiles: fileOf.get(d.id)?.receiptFiles ?? [] })),
    notIncluded,
  };
}
