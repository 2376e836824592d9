// The worker's retry of publications that could not finish (TSA down, crash):
// every PENDING document is tried again; publishPendingDocument is idempotent
// (conditional transition, one availability receipt per document). A deposit
// younger than a minute is left to the request publishing it (no double seal).
import { db } from "../db/client";
import { publishPendingDocument } from "./publish-pending-document";

/** A fresh deposit is being published by the request that made it: the worker leaves it that long. */
export const PUBLISH_RETRY_AFTER_MS = 60_000;

export async function publishPendingDocuments(limit = 100, now = new Date()): Promise<{ published: number; stillPending: number }> {
  const pending = await db().document.findMany({ where: { state: "PENDING", depositedAt: { lte: new Date(now.getTime() - PUBLISH_RETRY_AFTER_MS) } }, orderBy: { depositedAt: "asc" }, select: { id: true }, take: limit });
  let published = 0;
  let stillPending = 0;
  for (const { id } of pending) {
    const outcome = await publishPendingDocument(id);
    if (outcome === "AVAILABLE") published++;
    if (outcome === "PENDING") {
      stillPending++;
      break; // the TSA is down: the next tick tries again
    }
  }
  return { published, stillPending };
}
