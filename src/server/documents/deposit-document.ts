// An OFPRA agent deposits a PDF for one applicant (seed 000, art. 7). Checked
// before anything is stored (a real, inactive, unencrypted, unsigned PDF under
// the size cap); refused for an applicant who cannot be notified electronically
// (not activated, deactivated, or exempt: CE 26 March 2025 n°488274 — an exempt
// applicant's documents are recorded on the postal track instead:
// src/server/postal-track/record-postal-document.ts). The original is stored encrypted as PENDING, then published
// (publish-pending-document.ts); if the TSA is down it stays PENDING for the worker.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import { loadStaffActor } from "../authz/staff-actor";
import { blobStore } from "../blobs/blob-store";
import { storeEncrypted } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import { AppError } from "../errors";
import { newDocumentReference } from "./document-reference";
import { publishPendingDocument, type PublishOutcome } from "./publish-pending-document";
import { validatePdf } from "./validate-pdf";

export const ZDepositDocumentInput = z.object({
  applicantId: z.uuid(),
  type: z.enum(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"]),
});


export async function depositDocument(input: z.input<typeof ZDepositDocumentInput>, pdf: Uint8Array, agent: { id: string }, request: RequestContext): Promise<{ documentId: string; state: Exclude<PublishOutcome, "ALREADY_PUBLISHED"> }> {
  const parsed = ZDepositDocumentInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  // src/server/authz (issue #6, point 2): the staff user, reloaded, may deposit; the applicant is looked up within its scope.
  const staff = await loadStaffActor(agent.id);
  if (!staff) throw new AppError("NOT_FOUND");
  assertCan(staff, "document.deposit");
  const validation = await validatePdf(pdf);
  if (!validation.ok) throw new AppError("PDF_REJECTED", { reason: validation.reason });
  const applicant = await db().applicant.findFirst({ where: { AND: [{ id: parsed.data.applicantId }, applicantScope(staff)] }, select: { id: true, state: true, exempt: true } });
  if (!applicant) throw new AppError("NOT_FOUND");
  if (applicant.state !== "ACTIVE" || applicant.exempt) throw new AppError("APPLICANT_NOT_NOTIFIABLE", { reason: applicant.exempt ? "EXEMPT" : applicant.state });

  const storageKey = `documents/${randomUUID()}`;
  const stored = await storeEncrypted(storageKey, pdf);
  const now = new Date();
  let documentId: string;
  try {
    documentId = await db().$transaction(async (tx) => {
      const created = await tx.document.create({
        data: { applicantId: applicant.id, type: parsed.data.type, reference: newDocumentReference(now), storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, dataKeyWrapped: stored.dataKeyWrapped, masterKeyId: stored.masterKeyId, depositedById: staff.id, depositedAt: now },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "document.deposited", target: { type: "document", id: created.id }, request, details: { type: parsed.data.type, pages: validation.pageCount } });
      return created.id;
    });
  } catch (error) {
    // Nothing refers to the stored original: remove it (nothing stored on failure).
    await blobStore().delete(storageKey).catch(() => undefined);
    throw error;
  }
  // From here the PENDING row owns the original: a failure leaves it for the worker's retry.
  const outcome = await publishPendingDocument(documentId);
  // No longer PENDING when we came to it: the worker's retry published it meanwhile.
  return { documentId, state: outcome === "ALREADY_PUBLISHED" ? "AVAILABLE" : outcome };
}
