// Mise à disposition (seed 000, arts. 5 and 6): a deposited (PENDING) document
// is sealed (PAdES B-T), stored encrypted, and timestamped by the TSA over the
// SHA-256 of the sealed bytes; then, in ONE transaction, it becomes visible
// together with its accusé de mise à disposition and its alerts are queued.
// If the TSA does not answer, nothing becomes visible: the document stays
// PENDING and the worker retries (issue #5, point 4).
import { portalUrl } from "../http/portal-url";
import { randomUUID } from "node:crypto";
import { endOfPeriod, lastDayOfPeriod } from "../../lib/fifteen-day-period";
import { isoCalendarDate } from "../../lib/paris-time";
import { recordAuditEvent } from "../audit/record-audit-event";
import { blobStore } from "../blobs/blob-store";
import { readDecrypted, storeEncrypted } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import { confirmedChannels } from "../messaging/confirmed-channels";
import { enqueueMessage } from "../messaging/enqueue-message";
import { kickOutbox } from "../messaging/kick-outbox";
import { configuredSealSigner } from "../sealing/configured-seal-signer";
import { sealPdf } from "../sealing/seal-pdf";
import { requestTimestamp, TsaUnavailableError } from "../timestamping/request-timestamp";
import { storedContentOf } from "./stored-content";

export type PublishOutcome = "AVAILABLE" | "PENDING" | "ALREADY_PUBLISHED";

export async function publishPendingDocument(documentId: string): Promise<PublishOutcome> {
  const document = await db().document.findFirst({
    where: { id: documentId, state: "PENDING" },
    select: { id: true, storageKey: true, sha256: true, dataKeyWrapped: true, masterKeyId: true, applicant: { select: { id: true, language: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true } } },
  });
  if (!document) return "ALREADY_PUBLISHED";
  const content = storedContentOf(document);
  const original = await readDecrypted(content.storageKey, content);
  let sealed: Uint8Array;
  let availability: Awaited<ReturnType<typeof requestTimestamp>>;
  const sealedKey = `documents/${randomUUID()}`;
  try {
    sealed = await sealPdf(original, { signer: await configuredSealSigner(), timestamp: async (digest) => (await requestTimestamp(digest)).token, signingTime: new Date(), reason: "Cachet OFPRA - EPNS" });
    const stored = await storeEncrypted(sealedKey, sealed);
    availability = await requestTimestamp(Buffer.from(stored.sha256, "hex"));
    const published = await db().$transaction(async (tx) => {
      const availableAt = availability.genTime;
      const { count } = await tx.document.updateMany({
        where: { id: document.id, state: "PENDING" },
        data: { storageKey: sealedKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, dataKeyWrapped: stored.dataKeyWrapped, masterKeyId: stored.masterKeyId, state: "AVAILABLE", availableAt, deadlineAt: endOfPeriod(availableAt) },
      });
      if (count !== 1) return false;
      await tx.receipt.create({
        data: { documentId: document.id, kind: "AVAILABILITY", eventAt: availableAt, timestampToken: new Uint8Array(availability.token), tokenGenTime: availableAt, tsaName: availability.tsaName, tsaSerial: availability.serial },
      });
      const { applicant } = document;
      const params = { url: portalUrl(applicant.language, "/connexion"), dueDate: isoCalendarDate(lastDayOfPeriod(availableAt)) };
      for (const { channel, recipient } of confirmedChannels(applicant)) {
        await enqueueMessage(tx, { channel, recipient, template: "document-available", locale: applicant.language, params, applicantId: applicant.id, documentId: document.id, dedupeKey: `document-available:${document.id}:${channel}` });
      }
      await recordAuditEvent(tx, { actor: { type: "SYSTEM", id: "publisher" }, action: "document.published", target: { type: "document", id: document.id }, details: { tsaSerial: availability.serial } });
      return true;
    });
    if (!published) {
      await blobStore().delete(sealedKey).catch(() => undefined);
      return "ALREADY_PUBLISHED";
    }
  } catch (error) {
    await blobStore().delete(sealedKey).catch(() => undefined);
    if (error instanceof TsaUnavailableError) return "PENDING";
    throw error;
  }
  await blobStore().delete(content.storageKey).catch(() => undefined);
  void kickOutbox(); // the alerts' first attempt now; the worker retries (issue #5, point 5)
  return "AVAILABLE";
}
