// The content of a document, for its applicant only (seed 000, art. 8), once
// its reception is recorded: an unopened document is only served through the
// confirmation that opening dates the notification (art. 6), so a crafted link
// can never open it silently. Decrypted and checked against its SHA-256 on
// every read (issue #5, point 3). Every download is audited.
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { readDecrypted } from "../blobs/encrypted-blobs";
import { isUuid } from "../../lib/identifiers";
import { db } from "../db/client";
import { AppError } from "../errors";
import { storedContentOf } from "../documents/stored-content";

export type DocumentFile = { bytes: Buffer; filename: string };

export async function readDocumentFile(current: CurrentApplicant, documentId: string, request: RequestContext): Promise<DocumentFile> {
  if (!isUuid(documentId)) throw new AppError("NOT_FOUND");
  const document = await db().document.findFirst({
    where: { id: documentId, applicantId: current.applicantId, state: { in: ["OPENED", "DEEMED_RECEIVED"] }, applicant: { state: "ACTIVE" } },
    select: { id: true, reference: true, storageKey: true, sha256: true, dataKeyWrapped: true, masterKeyId: true },
  });
  if (!document) throw new AppError("NOT_FOUND");
  const content = storedContentOf(document);
  const bytes = await readDecrypted(content.storageKey, content);
  await recordAuditEventNow({ actor: { type: "APPLICANT", id: current.applicantId }, action: "document.downloaded", target: { type: "document", id: document.id }, request });
  return { bytes, filename: `${document.reference.replace(/[^A-Za-z0-9-]/g, "")}.pdf` };
}
