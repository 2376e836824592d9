// The worker's retry of publications that could not finish (TSA down, crash):
// every PENDING document is tried again; publishPendingDocument is idempotent
// (conditional transition, one availability receipt per document).
import { db } from "../db/client";
import { publishPendingDocument } from "./publish-pending-document";

export async function publishPendingDocuments(limit = 100): Promise<{ published: number; stillPending: number }> {
  const pending = await db().document.findMany({ where: { state: "PENDING" }, orderBy: { depositedAt: "asc" }, select: { id: true }, take: limit });
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
